/**
 * The worker side of `trainInWorker` and `TrainingSession`: every XGBoost call for a booster runs on this one
 * thread (XGBoost keeps per-thread state: prediction cache, last error, log callback), while the parent's event
 * loop stays free. A session's worker takes one job after another and can keep a job's matrices, already
 * binned, for later jobs on the same data.
 */
import { parentPort } from 'worker_threads';
import type { Booster } from './booster';
import { DMatrix, type DenseMatrix } from './dmatrix';
import { xgb } from './native';
import { QuantileDMatrix } from './quantile-dmatrix';
import { train, type EvalHistory, type RoundInfo, type TrainSettings } from './train';

/** A job's matrices (transferred, not copied, where the buffers allow it). */
export interface TrainingData {
  train: DenseMatrix;
  evals: Array<{ name: string; matrix: DenseMatrix }>;
  /** Rows scored with the final model before it leaves the worker. */
  predict?: DenseMatrix;
}

/** What the parent sends. */
export interface TrainingJob {
  /** The matrices; null to train on the ones kept under `key` by an earlier job. */
  data: TrainingData | null;
  /** Keep this job's matrices under this key (or find them there when `data` is null). Default: not kept. */
  key?: string;
  settings: TrainSettings;
  /** Keep only the rounds up to the best one when early stopping ended training. */
  sliceToBest?: boolean;
}

/** How many data sets a session's worker keeps (the promotion and popularity models of one lab.train). */
export const KEPT_DATA_SETS = 2;

/** What the worker posts back; a finished job says which keys the worker keeps now. */
export type WorkerMessage =
  | { type: 'round'; info: RoundInfo }
  | {
      type: 'done';
      kept: string[];
      model: Uint8Array;
      history: EvalHistory;
      bestIteration: number;
      bestScore: number | null;
      predictions?: Float32Array;
    }
  | { type: 'error'; message: string; kept: string[]; missingData?: boolean };

/** From this many training rows (and tree_method 'hist'), the rows go straight into XGBoost's bins. */
export const QUANTILE_MIN_ROWS = 500_000;

/**
 * The training matrix. For large `hist` jobs, a QuantileDMatrix fed in 65,536-row batches: XGBoost bins the
 * rows (1 byte a value) without first copying them into its CSR pages (8 bytes a value), and the job's
 * Float32Array is let go as soon as the bins exist — at 7M × 11 rows that is ~0.9 GB never held at once.
 * Smaller jobs keep the ordinary DMatrix (what the Python-parity tests compare against).
 */
function trainingMatrix(data: TrainingData, settings: TrainSettings): DMatrix {
  const params = settings.params ?? {};
  const nthread = settings.nthread ?? 0;
  if (params.tree_method !== 'hist' || data.train.rows < QUANTILE_MIN_ROWS)
    return DMatrix.fromDense(data.train, { nthread });
  return QuantileDMatrix.fromDense(data.train, {
    nthread,
    ...(params.max_bin === undefined ? {} : { maxBin: Number(params.max_bin) }),
    batchRows: 1 << 16,
  });
}

/** A job's matrices as XGBoost holds them: what a session keeps between jobs. */
interface Matrices {
  train: DMatrix;
  evals: Array<{ name: string; matrix: DMatrix }>;
  predict?: DenseMatrix;
}

function buildMatrices(data: TrainingData, settings: TrainSettings): Matrices {
  const nthread = settings.nthread ?? 0;
  const built: DMatrix[] = [];
  try {
    const train = trainingMatrix(data, settings);
    built.push(train);
    // The bins (or XGBoost's copy) hold everything training needs; the dense rows can be collected.
    (data as { train: DenseMatrix | null }).train = null;
    const evals = data.evals.map((e) => {
      const matrix = DMatrix.fromDense(e.matrix, { nthread });
      built.push(matrix);
      return { name: e.name, matrix };
    });
    return { train, evals, predict: data.predict };
  } catch (err) {
    for (const m of built) m.free();
    throw err;
  }
}

function freeMatrices(m: Matrices): void {
  m.train.free();
  for (const e of m.evals) e.matrix.free();
}

/** A job without data for a key the worker does not keep (evicted, or never kept). */
class MissingDataError extends Error {
  constructor(key: string | undefined) {
    super(`The training worker keeps no data under ${JSON.stringify(key)}`);
  }
}

/** The matrices kept by key, oldest first. */
const kept = new Map<string, Matrices>();

function keep(key: string, matrices: Matrices): void {
  const old = kept.get(key);
  if (old && old !== matrices) freeMatrices(old);
  kept.delete(key);
  kept.set(key, matrices);
  while (kept.size > KEPT_DATA_SETS) {
    const [oldest, m] = kept.entries().next().value as [string, Matrices];
    kept.delete(oldest);
    freeMatrices(m);
  }
}

/** The job's matrices: its own, or the ones kept under its key. */
function matricesOf(job: TrainingJob): Matrices {
  if (job.data) return buildMatrices(job.data, job.settings);
  const found = job.key === undefined ? undefined : kept.get(job.key);
  if (!found) throw new MissingDataError(job.key);
  return found;
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

/**
 * Runs the jobs the parent posts, one after another. The library loads now: a worker started before its first
 * job is ready (TrainingWorker.start) loads libxgboost meanwhile.
 */
export function runTrainingWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('train-worker must run inside a worker_threads Worker');
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(message, transfer);
  port.on('message', (job: TrainingJob) => runJob(job, post));
  try {
    xgb();
  } catch (err) {
    // Reported with the job (the library is loaded again there and fails the same way).
  }
}

function runJob(job: TrainingJob, post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void): void {
  try {
    const matrices = matricesOf(job);
    let result: ReturnType<typeof train>;
    try {
      result = train(matrices.train, {
        ...job.settings,
        evals: matrices.evals,
        onRound: (info) => post({ type: 'round', info }),
      });
    } finally {
      // The booster keeps its own references to the matrices; kept ones stay for the next job on this data.
      if (job.key === undefined) freeMatrices(matrices);
      else keep(job.key, matrices);
    }
    const booster = bestRounds(result.booster, job, result.bestIteration);
    let model: Uint8Array;
    let scores: Float32Array | undefined;
    try {
      model = booster.toJson();
      scores = matrices.predict && booster.predictDense(matrices.predict);
    } finally {
      booster.free();
    }
    post(
      {
        type: 'done',
        kept: [...kept.keys()],
        model,
        history: result.history,
        bestIteration: result.bestIteration,
        bestScore: result.bestScore,
        predictions: scores,
      },
      scores ? [model.buffer as ArrayBuffer, scores.buffer as ArrayBuffer] : [model.buffer as ArrayBuffer],
    );
  } catch (err) {
    post({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      kept: [...kept.keys()],
      missingData: err instanceof MissingDataError,
    });
  }
}
