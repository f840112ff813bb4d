/**
 * The worker side of `trainInWorker`: every XGBoost call for this booster runs on this one thread (XGBoost keeps
 * per-thread state: prediction cache, last error, log callback), while the parent's event loop stays free.
 */
import { parentPort, workerData } from 'worker_threads';
import type { Booster } from './booster';
import { DMatrix, type DenseMatrix } from './dmatrix';
import { xgb } from './native';
import { QuantileDMatrix } from './quantile-dmatrix';
import { train, type EvalHistory, type RoundInfo, type TrainSettings } from './train';

/** What the parent sends (transferred, not copied, where the buffers allow it). */
export interface TrainingJob {
  train: DenseMatrix;
  evals: Array<{ name: string; matrix: DenseMatrix }>;
  settings: TrainSettings;
  /** Keep only the rounds up to the best one when early stopping ended training. */
  sliceToBest?: boolean;
  /** Rows scored with the final model before it leaves the worker. */
  predict?: DenseMatrix;
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'round'; info: RoundInfo }
  | {
      type: 'done';
      model: Uint8Array;
      history: EvalHistory;
      bestIteration: number;
      bestScore: number | null;
      predictions?: Float32Array;
    }
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

/** The booster cut to its best round after early stopping (what is saved and scored), else itself. */
function bestRounds(booster: Booster, job: TrainingJob, bestIteration: number): Booster {
  const end = bestIteration + 1;
  if (!job.sliceToBest || !(job.settings.earlyStoppingRounds! > 0) || end >= booster.boostedRounds())
    return booster;
  const best = booster.slice(0, end);
  booster.free();
  return best;
}

function predictions(booster: Booster, matrix: DenseMatrix | undefined): Float32Array | undefined {
  if (!matrix) return undefined;
  const dmat = DMatrix.fromDense(matrix);
  try {
    return booster.predict(dmat);
  } finally {
    dmat.free();
  }
}

/**
 * Runs the job in `workerData`, or else the first job the parent posts: a worker started before its job is
 * ready (TrainingWorker.start) loads libxgboost meanwhile.
 */
export function runTrainingWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('train-worker must run inside a worker_threads Worker');
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(message, transfer);
  if (workerData) {
    runJob(workerData as TrainingJob, post);
    return;
  }
  port.once('message', (job: TrainingJob) => runJob(job, post));
  try {
    xgb();
  } catch (err) {
    // Reported with the job (the library is loaded again there and fails the same way).
  }
}

function runJob(job: TrainingJob, post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void): void {
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
    const booster = bestRounds(result.booster, job, result.bestIteration);
    let model: Uint8Array;
    let scores: Float32Array | undefined;
    try {
      model = booster.toJson();
      scores = predictions(booster, job.predict);
    } finally {
      booster.free();
    }
    post(
      {
        type: 'done',
        model,
        history: result.history,
        bestIteration: result.bestIteration,
        bestScore: result.bestScore,
        predictions: scores,
      },
      scores ? [model.buffer as ArrayBuffer, scores.buffer as ArrayBuffer] : [model.buffer as ArrayBuffer],
    );
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
