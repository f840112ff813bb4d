/**
 * The worker side of `trainInWorker`: every XGBoost call for this booster runs on this one thread (XGBoost keeps
 * per-thread state: prediction cache, last error, log callback), while the parent's event loop stays free.
 */
import { parentPort, workerData } from 'worker_threads';
import type { DenseMatrix } from './dmatrix';
import { QuantileDMatrix } from './quantile-dmatrix';
import { train, type EvalHistory, type RoundInfo, type TrainSettings } from './train';

/** What the parent sends (transferred, not copied, where the buffers allow it). */
export interface TrainingJob {
  train: DenseMatrix;
  evals: Array<{ name: string; matrix: DenseMatrix }>;
  settings: TrainSettings;
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'round'; info: RoundInfo }
  | { type: 'done'; model: Uint8Array; history: EvalHistory; bestIteration: number; bestScore: number | null }
  | { type: 'error'; message: string };

/** From this many training rows (and tree_method 'hist'), the rows go straight into XGBoost's bins. */
export const QUANTILE_MIN_ROWS = 500_000;

/**
 * The training matrix. For large `hist` jobs, a QuantileDMatrix fed in 65,536-row batches: XGBoost bins the
 * rows (1 byte a value) without first copying them into its CSR pages (8 bytes a value), and the job's
 * Float32Array is let go as soon as the bins exist — at 7M × 11 rows that is ~0.9 GB never held at once.
 * Smaller jobs keep the ordinary DMatrix (what the Python-parity tests compare against).
 */
function trainingMatrix(job: TrainingJob): DenseMatrix | QuantileDMatrix {
  const params = job.settings.params ?? {};
  if (params.tree_method !== 'hist' || job.train.rows < QUANTILE_MIN_ROWS) return job.train;
  const matrix = QuantileDMatrix.fromDense(job.train, {
    nthread: job.settings.nthread ?? 0,
    ...(params.max_bin === undefined ? {} : { maxBin: Number(params.max_bin) }),
    batchRows: 1 << 16,
  });
  // The bins hold everything training needs; the dense rows can be collected.
  (job as { train: DenseMatrix | null }).train = null;
  return matrix;
}

export function runTrainingWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('train-worker must run inside a worker_threads Worker');
  const job = workerData as TrainingJob;
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(message, transfer);
  try {
    const matrix = trainingMatrix(job);
    let result: ReturnType<typeof train>;
    try {
      result = train(matrix, {
        ...job.settings,
        evals: job.evals,
        onRound: (info) => post({ type: 'round', info }),
      });
    } finally {
      // train() frees only the matrices it made; the booster keeps its own reference to this one.
      if (matrix instanceof QuantileDMatrix) matrix.free();
    }
    const model = result.booster.toJson();
    result.booster.free();
    post(
      {
        type: 'done',
        model,
        history: result.history,
        bestIteration: result.bestIteration,
        bestScore: result.bestScore,
      },
      [model.buffer as ArrayBuffer],
    );
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
