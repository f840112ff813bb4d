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
import type { TrainingJob, WorkerMessage } from './train-worker';

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
 * A training Worker started ahead of its job: the thread, the worker bundle and libxgboost load (~0.2 s) while
 * the caller is still preparing the matrices. One job per worker. Not started jobs do not keep the process
 * alive; call `terminate()` when the job will not come (e.g. preparing it failed).
 */
export class TrainingWorker {
  private readonly worker: Worker;
  private readonly result: Promise<WorkerTrainResult>;
  private handlers: Pick<TrainInWorkerOptions, 'onRound' | 'onProgress'> = {};
  private posted = false;

  private constructor() {
    const entry = workerScript();
    this.worker = new Worker(entry.script, { eval: entry.eval, stdout: false, stderr: false });
    // Idle until a job is posted: waiting for one must not hold the process open.
    this.worker.unref();
    this.result = new Promise<WorkerTrainResult>((resolve, reject) => {
      let settled = false;
      const settle = (): boolean => {
        const first = !settled;
        settled = true;
        return first;
      };
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'round') {
          this.handlers.onRound?.(message.info);
          this.handlers.onProgress?.(message.info.round + 1, message.info.rounds);
        } else if (message.type === 'done') {
          settle();
          const { model, history, bestIteration, bestScore, predictions } = message;
          resolve({ model, history, bestIteration, bestScore, predictions });
        } else if (settle()) {
          reject(new Error(message.message));
        }
      });
      this.worker.on('error', (err) => {
        if (settle()) reject(err);
      });
      this.worker.on('exit', (code) => {
        if (settle()) reject(new Error(`The training worker exited with code ${code} before finishing`));
      });
    });
    // A failure before the job is posted surfaces from train(); until then it is not an unhandled rejection.
    this.result.catch(() => undefined);
  }

  /** Starts the worker now; `train()` hands it the job later. */
  static start(): TrainingWorker {
    return new TrainingWorker();
  }

  /** Hands the job to the worker; resolves with the model as XGBoost JSON bytes and the eval history. */
  train(train: DenseMatrix, options: TrainInWorkerOptions = {}): Promise<WorkerTrainResult> {
    if (this.posted) throw new Error('A TrainingWorker runs one job; start another for the next');
    this.posted = true;
    const evals = options.evals ?? [];
    try {
      validateDenseMatrix(train);
      for (const e of evals) validateDenseMatrix(e.matrix);
      if (options.predict) validateDenseMatrix(options.predict);
    } catch (err) {
      this.terminate();
      throw err;
    }
    const {
      onRound,
      onProgress,
      transfer = true,
      evals: _evals,
      predict,
      sliceToBest,
      ...settings
    } = options;
    this.handlers = { onRound, onProgress };
    const job: TrainingJob = { train, evals, settings, predict, sliceToBest };
    const transferList: ArrayBuffer[] = [];
    if (transfer) {
      for (const m of [train, ...evals.map((e) => e.matrix), ...(predict ? [predict] : [])]) {
        transferable(m.data, transferList);
        transferable(m.labels, transferList);
        transferable(m.weights, transferList);
      }
    }
    this.worker.ref();
    this.worker.postMessage(job, transferList);
    return this.result;
  }

  /** Stops the worker (its job, if any, rejects). */
  terminate(): void {
    void this.worker.terminate();
  }
}

/** Trains in a Worker; resolves with the model as XGBoost JSON bytes and the eval history. */
export async function trainInWorker(
  train: DenseMatrix,
  options: TrainInWorkerOptions = {},
): Promise<WorkerTrainResult> {
  return TrainingWorker.start().train(train, options);
}
