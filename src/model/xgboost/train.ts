/**
 * Training in the spirit of Python's `xgb.train`: params, rounds, named eval sets, early stopping, a per-round
 * callback, seed and thread count. Synchronous: use it for small data, and `trainInWorker` when the event loop
 * must keep moving (CLI progress, notebooks).
 */
import { Booster, type EvalResult, type XGBoostParams } from './booster';
import { DMatrix, type DenseMatrix } from './dmatrix';

/** What a round reports to `onRound`. */
export interface RoundInfo {
  /** 0-based round just finished. */
  round: number;
  /** Total rounds asked for. */
  rounds: number;
  /** This round's metrics per eval set. */
  evals: EvalResult;
}

/** Metric history, as Python's `evals_result`: set name → metric name → one value per round. */
export type EvalHistory = Record<string, Record<string, number[]>>;

/** Options shared by `train` and `trainInWorker` (plain data, so they cross to a worker). */
export interface TrainSettings {
  /** XGBoost parameters by XGBoost name. Set `tree_method: 'hist'`: 1.7 defaults to exact greedy. Default: {}. */
  params?: XGBoostParams;
  /** Boosting rounds. Default: 100. */
  rounds?: number;
  /** Stop when the last metric on the last eval set has not improved for this many rounds; 0 = off. Default: 0. */
  earlyStoppingRounds?: number;
  /** Whether larger is better for early stopping. Default: true for auc, aucpr, map, ndcg, pre metrics. */
  maximize?: boolean;
  /** XGBoost's `seed`. Default: 0. */
  seed?: number;
  /** XGBoost's `nthread`; 0 = all cores. Default: 0. */
  nthread?: number;
}

export interface TrainOptions extends TrainSettings {
  /** Named sets evaluated after each round (metrics from `eval_metric` or the objective's default). Default: []. */
  evals?: Array<{ name: string; matrix: DMatrix | DenseMatrix }>;
  /** Called after each round with its metrics. */
  onRound?: (info: RoundInfo) => void;
  /** Called after each round with (rounds done, rounds total). */
  onProgress?: (done: number, total: number) => void;
}

export const TRAIN_DEFAULTS: Required<Omit<TrainSettings, 'maximize'>> = {
  params: {},
  rounds: 100,
  earlyStoppingRounds: 0,
  seed: 0,
  nthread: 0,
};

export interface TrainResult {
  booster: Booster;
  history: EvalHistory;
  /** Round with the best early-stopping score (the last round when early stopping is off). */
  bestIteration: number;
  /** That score, or null without eval sets. */
  bestScore: number | null;
}

const MAXIMIZED_METRICS = /^(auc|aucpr|map|ndcg|pre)($|@)/;

/** Whether early stopping should maximize `metric` (as Python's xgboost decides). */
export function isMaximizedMetric(metric: string): boolean {
  return MAXIMIZED_METRICS.test(metric);
}

/** Labels a logistic objective accepts are in [0, 1]; say which row breaks that before XGBoost does. */
function checkLabelsForObjective(params: XGBoostParams, name: string, labels: Float32Array | null): void {
  if (!labels) throw new Error(`The ${name} matrix has no labels; pass labels with the matrix`);
  const objective = String(params.objective ?? 'reg:squarederror');
  if (!/^(binary:logistic|binary:logitraw|reg:logistic)$/.test(objective)) return;
  for (let i = 0; i < labels.length; i++) {
    if (!(labels[i] >= 0 && labels[i] <= 1)) {
      throw new Error(`${objective} needs labels in [0, 1]; the ${name} matrix has ${labels[i]} at row ${i}`);
    }
  }
}

function validateSettings(settings: Required<Omit<TrainSettings, 'maximize'>>): void {
  const { rounds, earlyStoppingRounds, seed, nthread } = settings;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`rounds must be a positive integer, got ${rounds}`);
  if (!Number.isInteger(earlyStoppingRounds) || earlyStoppingRounds < 0) {
    throw new Error(`earlyStoppingRounds must be an integer ≥ 0, got ${earlyStoppingRounds}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(nthread) || nthread < 0)
    throw new Error(`nthread must be an integer ≥ 0, got ${nthread}`);
}

/** Trains a booster on `dtrain` (a DMatrix, or a DenseMatrix that is wrapped and freed here). */
export function train(dtrain: DMatrix | DenseMatrix, options: TrainOptions = {}): TrainResult {
  const settings = { ...TRAIN_DEFAULTS, ...options };
  validateSettings(settings);
  const created: DMatrix[] = [];
  const asMatrix = (m: DMatrix | DenseMatrix): DMatrix => {
    if (m instanceof DMatrix) return m;
    const dmat = DMatrix.fromDense(m, { nthread: settings.nthread });
    created.push(dmat);
    return dmat;
  };
  try {
    const train = asMatrix(dtrain);
    const evals = (options.evals ?? []).map((e) => ({ name: e.name, matrix: asMatrix(e.matrix) }));
    const names = new Set(evals.map((e) => e.name));
    if (names.size !== evals.length)
      throw new Error(`eval set names must be distinct, got ${[...evals.map((e) => e.name)]}`);
    if (settings.earlyStoppingRounds > 0 && evals.length === 0) {
      throw new Error('earlyStoppingRounds needs at least one eval set (the last one decides)');
    }
    const params: XGBoostParams = { ...settings.params, seed: settings.seed, nthread: settings.nthread };
    checkLabelsForObjective(params, 'training', train.labels);
    for (const e of evals) checkLabelsForObjective(params, `'${e.name}'`, e.matrix.labels);
    return boostRounds(train, evals, params, settings, options);
  } finally {
    for (const dmat of created) dmat.free();
  }
}

function boostRounds(
  train: DMatrix,
  evals: Array<{ name: string; matrix: DMatrix }>,
  params: XGBoostParams,
  settings: Required<Omit<TrainSettings, 'maximize'>> & TrainSettings,
  options: TrainOptions,
): TrainResult {
  const booster = Booster.create(params, [train, ...evals.map((e) => e.matrix)]);
  const history: EvalHistory = {};
  let bestIteration = 0;
  let bestScore: number | null = null;
  let maximize = settings.maximize;
  try {
    for (let round = 0; round < settings.rounds; round++) {
      booster.update(train, round);
      const result = booster.evaluate(evals, round);
      for (const [set, metrics] of Object.entries(result)) {
        for (const [metric, value] of Object.entries(metrics))
          ((history[set] ??= {})[metric] ??= []).push(value);
      }
      options.onRound?.({ round, rounds: settings.rounds, evals: result });
      options.onProgress?.(round + 1, settings.rounds);
      if (evals.length === 0) {
        bestIteration = round;
        continue;
      }
      // As Python: the last metric of the last eval set decides.
      const last = result[evals[evals.length - 1].name];
      const metric = Object.keys(last).pop()!;
      maximize ??= isMaximizedMetric(metric);
      const score = last[metric];
      if (bestScore === null || (maximize ? score > bestScore : score < bestScore)) {
        bestScore = score;
        bestIteration = round;
      } else if (settings.earlyStoppingRounds > 0 && round - bestIteration >= settings.earlyStoppingRounds) {
        break;
      }
    }
    if (settings.earlyStoppingRounds > 0 && bestScore !== null) {
      // The attribute names Python's xgboost reads back as `best_iteration` / `best_score`.
      booster.setAttr('best_iteration', String(bestIteration));
      booster.setAttr('best_score', String(bestScore));
    }
    return { booster, history, bestIteration, bestScore };
  } catch (err) {
    booster.free();
    throw err;
  }
}
