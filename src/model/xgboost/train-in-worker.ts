/**
 * Training in a worker_threads Worker, so progress bars, servers and notebook kernels keep running while
 * XGBoost works. (koffi's `.async` calls were tried: they broke the first round and ran 2x slower, because
 * XGBoost's per-thread state must stay on one thread.)
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { validateDenseMatrix, type DenseMatrix } from './dmatrix';
import type { EvalHistory, RoundInfo, TrainSettings } from './train';
import { trainWorkerBundle } from './train-worker-bundle';
import { type TrainingData, type TrainingJob, type WorkerMessage } from './train-worker';

export interface TrainInWorkerOptions extends TrainSettings {
  /** Named sets evaluated after each round. Default: []. */
  evals?: Array<{ name: string; matrix: DenseMatrix }>;
  /** Hand the Float32Array buffers to the worker instead of copying them; the caller's arrays become empty
   * (length 0) afterwards. Arrays that are views into a larger or shared buffer are always copied. Default: true. */
  transfer?: boolean;
  /** Called after each round with its metrics. */
  onRound?: (info: RoundInfo) => void;
  /** Called after each round with (rounds done, rounds total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Rows to score with the final model inside the worker, which holds the booster already (no second load of
   * the model on this thread); their probabilities come back as `predictions`. Default: none.
   */
  predict?: DenseMatrix;
  /**
   * After early stopping, keep only the rounds up to the best one: in the returned model and for `predict`
   * (what Python, the browser scorer and anyone else then predict without an iteration range). Default: false.
   */
  sliceToBest?: boolean;
}

export interface WorkerTrainResult {
  /** The trained model in XGBoost's JSON format: `Booster.fromJson(model)` or write it to a file. */
  model: Uint8Array;
  history: EvalHistory;
  bestIteration: number;
  bestScore: number | null;
  /** The probabilities of the `predict` rows, when given. */
  predictions?: Float32Array;
}

const ENTRY = 'train-worker-entry.js';

/**
 * How the Worker starts: the prebuilt bundle (no TypeScript compile at start-up, see ./train-worker-bundle),
 * else the JavaScript entry that compiles train-worker.ts through tsx.
 */
function workerScript(): { script: string; eval: boolean } {
  const bundle = trainWorkerBundle();
  if (bundle) return { script: `require(${JSON.stringify(bundle.file)}).runTrainingWorker();`, eval: true };
  // tslab and jest both compile this module to a file in this folder, so __dirname finds the entry beside it.
  const file = path.join(__dirname, ENTRY);
  if (!existsSync(file))
    throw new Error(`The training worker entry ${file} is missing; reinstall the project`);
  return { script: file, eval: false };
}

function transferable(array: Float32Array | undefined, into: ArrayBuffer[]): void {
  if (!array) return;
  const buffer = array.buffer;
  const whole = array.byteOffset === 0 && array.byteLength === buffer.byteLength;
  // A tag check, not instanceof: under jest the array comes from the sandbox's realm.
  const plain = Object.prototype.toString.call(buffer) === '[object ArrayBuffer]';
  if (whole && plain && !into.includes(buffer as ArrayBuffer)) into.push(buffer as ArrayBuffer);
}

/**
 * A session's training on kept data found none under its key: trainings queued before it evicted the data (the
 * worker keeps KEPT_DATA_SETS), or none was kept. Train again with the data.
 */
export class KeptDataMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeptDataMissingError';
  }
}

/** One job's listeners; the worker runs one job at a time. */
interface PendingJob {
  handlers: Pick<TrainInWorkerOptions, 'onRound' | 'onProgress'>;
  resolve: (result: WorkerTrainResult) => void;
  reject: (error: Error) => void;
}

/**
 * The worker thread and its jobs, one after another. It does not hold the process open while idle.
 */
class WorkerThread {
  private readonly worker: Worker;
  private pending: PendingJob | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private ended: Error | null = null;
  /** Told, after each job, which data keys the worker keeps. */
  onKept: ((keys: string[]) => void) | null = null;

  constructor() {
    const entry = workerScript();
    this.worker = new Worker(entry.script, { eval: entry.eval, stdout: false, stderr: false });
    this.worker.unref();
    this.worker.on('message', (message: WorkerMessage) => {
      const job = this.pending;
      if (!job) return;
      if (message.type === 'round') {
        job.handlers.onRound?.(message.info);
        job.handlers.onProgress?.(message.info.round + 1, message.info.rounds);
        return;
      }
      this.settle();
      this.onKept?.(message.kept);
      if (message.type === 'done') {
        const { model, history, bestIteration, bestScore, predictions } = message;
        job.resolve({ model, history, bestIteration, bestScore, predictions });
      } else {
        job.reject(
          message.missingData ? new KeptDataMissingError(message.message) : new Error(message.message),
        );
      }
    });
    this.worker.on('error', (err) => this.end(err));
    this.worker.on('exit', (code) =>
      this.end(new Error(`The training worker exited with code ${code} before finishing`)),
    );
  }

  private settle(): void {
    this.pending = null;
    // Idle again: waiting for the next job must not hold the process open.
    this.worker.unref();
  }

  private end(error: Error): void {
    this.ended ??= error;
    const job = this.pending;
    this.settle();
    job?.reject(error);
  }

  /** Runs `job` after the jobs posted before it. */
  run(
    job: TrainingJob,
    transfer: ArrayBuffer[],
    handlers: PendingJob['handlers'],
  ): Promise<WorkerTrainResult> {
    const result = this.queue.then(
      () =>
        new Promise<WorkerTrainResult>((resolve, reject) => {
          if (this.ended) return reject(this.ended);
          this.pending = { handlers, resolve, reject };
          this.worker.ref();
          this.worker.postMessage(job, transfer);
        }),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }

  terminate(): void {
    void this.worker.terminate();
  }
}

/** Validates the matrices and lists the buffers to hand over. */
function prepareData(data: TrainingData, transfer: boolean): ArrayBuffer[] {
  validateDenseMatrix(data.train);
  for (const e of data.evals) validateDenseMatrix(e.matrix);
  if (data.predict) validateDenseMatrix(data.predict);
  const transferList: ArrayBuffer[] = [];
  if (transfer) {
    for (const m of [
      data.train,
      ...data.evals.map((e) => e.matrix),
      ...(data.predict ? [data.predict] : []),
    ]) {
      transferable(m.data, transferList);
      transferable(m.labels, transferList);
      transferable(m.weights, transferList);
    }
  }
  return transferList;
}

function jobOf(
  options: TrainInWorkerOptions,
  data: TrainingData | null,
  key: string | undefined,
): { job: TrainingJob; handlers: PendingJob['handlers'] } {
  const {
    onRound,
    onProgress,
    transfer: _transfer,
    evals: _evals,
    predict: _predict,
    sliceToBest,
    ...settings
  } = options;
  return { job: { data, key, settings, sliceToBest }, handlers: { onRound, onProgress } };
}

/**
 * A training Worker started ahead of its job: the thread, the worker bundle and libxgboost load (~0.2 s) while
 * the caller is still preparing the matrices. One job per worker; the thread ends with it. Not started jobs do
 * not keep the process alive; call `terminate()` when the job will not come (e.g. preparing it failed).
 */
export class TrainingWorker {
  private readonly thread = new WorkerThread();
  private posted = false;

  /** Starts the worker now; `train()` hands it the job later. */
  static start(): TrainingWorker {
    return new TrainingWorker();
  }

  /** Hands the job to the worker; resolves with the model as XGBoost JSON bytes and the eval history. */
  async train(train: DenseMatrix, options: TrainInWorkerOptions = {}): Promise<WorkerTrainResult> {
    if (this.posted) throw new Error('A TrainingWorker runs one job; start another for the next');
    this.posted = true;
    const data: TrainingData = { train, evals: options.evals ?? [], predict: options.predict };
    let transferList: ArrayBuffer[];
    try {
      transferList = prepareData(data, options.transfer ?? true);
    } catch (err) {
      this.terminate();
      throw err;
    }
    const { job, handlers } = jobOf(options, data, undefined);
    try {
      return await this.thread.run(job, transferList, handlers);
    } finally {
      this.terminate();
    }
  }

  /** Stops the worker (its job, if any, rejects). */
  terminate(): void {
    this.thread.terminate();
  }
}

/**
 * A training worker kept for many trainings, as a notebook's lab keeps one: each training on new data can keep
 * its matrices in the worker (binned, as XGBoost trains on them) under a key, and a later training on the same
 * data passes only that key, so nothing is copied, sent or binned again. The worker keeps the last
 * KEPT_DATA_SETS (./train-worker) data sets. Trainings run one after another, in the order they were asked
 * for. An idle session does not hold the process open; `close()` ends it.
 */
export class TrainingSession {
  private readonly thread = new WorkerThread();
  /** The keys the worker said it keeps after its last job. */
  private keys: string[] = [];

  private constructor() {
    this.thread.onKept = (keys) => (this.keys = keys);
  }

  static start(): TrainingSession {
    return new TrainingSession();
  }

  /**
   * Whether the worker kept the data of `key` after the last training that finished. Trainings still queued may
   * evict it: a training on kept data that finds none rejects with KeptDataMissingError.
   */
  holds(key: string): boolean {
    return this.keys.includes(key);
  }

  /**
   * Trains on `train` (with `options.evals` and `options.predict`), keeping those matrices under `key`; or,
   * with `train` null, on the matrices kept under `key` by this or an earlier-queued training (then `evals` and
   * `predict` must not be given: the kept ones are used; none kept: KeptDataMissingError).
   */
  async train(
    key: string,
    train: DenseMatrix | null,
    options: TrainInWorkerOptions = {},
  ): Promise<WorkerTrainResult> {
    let data: TrainingData | null = null;
    let transferList: ArrayBuffer[] = [];
    if (train) {
      data = { train, evals: options.evals ?? [], predict: options.predict };
      transferList = prepareData(data, options.transfer ?? true);
    } else if (options.evals || options.predict) {
      throw new Error('Training on kept data uses its kept evals and predict rows; do not pass them again');
    }
    const { job, handlers } = jobOf(options, data, key);
    return this.thread.run(job, transferList, handlers);
  }

  /** Ends the worker and frees what it keeps. */
  close(): void {
    this.keys = [];
    this.thread.terminate();
  }
}

/** Trains in a Worker; resolves with the model as XGBoost JSON bytes and the eval history. */
export async function trainInWorker(
  train: DenseMatrix,
  options: TrainInWorkerOptions = {},
): Promise<WorkerTrainResult> {
  return TrainingWorker.start().train(train, options);
}
