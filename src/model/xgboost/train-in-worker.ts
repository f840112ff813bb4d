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
}

export interface WorkerTrainResult {
  /** The trained model in XGBoost's JSON format: `Booster.fromJson(model)` or write it to a file. */
  model: Uint8Array;
  history: EvalHistory;
  bestIteration: number;
  bestScore: number | null;
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

/** Trains in a Worker; resolves with the model as XGBoost JSON bytes and the eval history. */
export async function trainInWorker(
  train: DenseMatrix,
  options: TrainInWorkerOptions = {},
): Promise<WorkerTrainResult> {
  const evals = options.evals ?? [];
  validateDenseMatrix(train);
  for (const e of evals) validateDenseMatrix(e.matrix);
  const { onRound, onProgress, transfer = true, evals: _evals, ...settings } = options;
  const job: TrainingJob = { train, evals, settings };
  const transferList: ArrayBuffer[] = [];
  if (transfer) {
    for (const m of [train, ...evals.map((e) => e.matrix)]) {
      transferable(m.data, transferList);
      transferable(m.labels, transferList);
      transferable(m.weights, transferList);
    }
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const entry = workerScript();
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      workerData: job,
      transferList,
      stdout: false,
      stderr: false,
    });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'round') {
        onRound?.(message.info);
        onProgress?.(message.info.round + 1, message.info.rounds);
      } else if (message.type === 'done') {
        settled = true;
        const { model, history, bestIteration, bestScore } = message;
        resolve({ model, history, bestIteration, bestScore });
      } else {
        settled = true;
        reject(new Error(message.message));
      }
    });
    worker.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The training worker exited with code ${code} before finishing`));
      settled = true;
    });
  });
}
