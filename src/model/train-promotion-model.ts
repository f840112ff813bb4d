/**
 * Training the promotion model: features → seeded stratified split → XGBoost with early stopping on the
 * validation part → evaluation on the untouched test part → the meta that travels with the model. Pure apart
 * from the native library (and its worker): no files here — saving is modelStore's job.
 */
import type { TrackTable } from '../data/schema';
import { stableHash } from '../util/cache';
import type { OnProgress } from '../util/progress';
import type { AucIntervalMethod } from './metrics/auc-interval';
import { checkBinaryInput } from './metrics/binary-input';
import {
  compareWithCeiling,
  evaluateClassifier,
  type ClassifierEvaluation,
  type NoiseCeiling,
} from './metrics/evaluate';
import { DEFAULT_FEATURES, featureMatrix, labelsAt, matrixRows, type FeatureMatrix } from './features';
import { META_FORMAT, type LabelInfo, type ModelMeta } from './meta';
import { PROMOTION_PARAMS, PROMOTION_ROUNDS } from './params';
import { findPrepared, matricesKey, newPreparedId, remember } from './session-data';
import { SPLIT_DEFAULTS, stratifiedSplit, type SplitOptions, type StratifiedSplit } from './split';
import {
  Booster,
  KeptDataMissingError,
  train,
  TrainingSession,
  TrainingWorker,
  xgboostVersion,
} from './xgboost';
import type { DenseMatrix, EvalHistory, RoundInfo, TrainSettings, XGBoostParams } from './xgboost';

export interface TrainPromotionOptions {
  /** Feature columns, in model order. Default: MODEL_FEATURES (9 audio features + duration_min + year). */
  features?: readonly string[];
  /** Test/validation fractions and seed. Default: 0.3 / 0.1 / 42. */
  split?: SplitOptions;
  /** XGBoost parameters, merged over PROMOTION_PARAMS (depth 6, eta 0.3, binary:logistic, hist, logloss). */
  params?: XGBoostParams;
  /** Boosting rounds. Default 100. */
  rounds?: number;
  /** Stop after this many rounds without a better validation loss; 0 = off. Default 10. */
  earlyStoppingRounds?: number;
  /** XGBoost's seed. Default 0. */
  seed?: number;
  /** XGBoost threads; 0 = all cores. Default 0. */
  nthread?: number;
  /** Train in a worker thread so the event loop (progress bars, notebook kernels) keeps running. Default true. */
  inWorker?: boolean;
  /**
   * A training worker kept across trainings (TrainingSession.start(); the notebook lab keeps one). A training
   * on the same table and labels arrays, features and split as one of the session's last two reuses that split,
   * its fingerprint and the matrices XGBoost binned for it, so new parameters cost only the training itself.
   * Default: none (a worker per training, or none when inWorker is false).
   */
  session?: TrainingSession;
  /** How the labels were made; saved in the meta. Default { definition: 'unspecified' }. */
  label?: LabelInfo;
  /**
   * The best scores the label noise allows (src/label), saved beside the test metrics. Pass a function to compute
   * it on the test rows (e.g. realizedCeiling of the rule and noisy labels there): the test set's own flip share
   * differs from the overall rate by chance, and the comparison is only fair on the same rows.
   */
  noiseCeiling?: NoiseCeiling | ((testRows: Uint32Array) => NoiseCeiling);
  /** Threshold for the confusion matrix. Default 0.5. */
  threshold?: number;
  /**
   * The test ROC AUC interval: 'delong' (analytic), 'bootstrap' (seeded by the split seed) or 'none'. Default
   * 'delong'; with only `bootstrapReplicates` given, 'bootstrap' (0: 'none'), as before DeLong was the default.
   */
  aucInterval?: AucIntervalMethod | 'none';
  /** Replicates of the 'bootstrap' interval. Default 200. */
  bootstrapReplicates?: number;
  /** Progress per boosting round. */
  onProgress?: OnProgress;
  /** Metrics per round. */
  onRound?: (info: RoundInfo) => void;
}

export const TRAIN_PROMOTION_DEFAULTS = {
  features: DEFAULT_FEATURES,
  rounds: PROMOTION_ROUNDS,
  earlyStoppingRounds: 10,
  seed: 0,
  nthread: 0,
  inWorker: true,
  label: { definition: 'unspecified' } as LabelInfo,
  threshold: 0.5,
} as const;

export interface PromotionModel {
  /**
   * The trained booster; the caller frees it. Trained in a worker, it is loaded from `modelJson` on first
   * access (the test scores were predicted in the worker), so callers that keep only the JSON never load it.
   */
  readonly booster: Booster;
  /** XGBoost's JSON model bytes (what modelStore writes). */
  modelJson: Uint8Array;
  meta: ModelMeta;
  split: StratifiedSplit;
  history: EvalHistory;
  /** Test rows, their labels and predicted probabilities. */
  test: { rows: Uint32Array; labels: Float32Array; scores: Float32Array };
  evaluation: ClassifierEvaluation;
}

/** The rows `rows` of `matrix` with their labels. */
function subMatrix(matrix: FeatureMatrix, rows: Uint32Array, labels: ArrayLike<number>): DenseMatrix {
  return { ...matrixRows(matrix, rows), labels: labelsAt(labels, rows) };
}

/** Predicted probabilities of a dense matrix with the trees [0, iterationEnd). */
export function predictDense(
  booster: Booster,
  matrix: Omit<DenseMatrix, 'labels'>,
  iterationEnd: number,
): Float32Array {
  return booster.predictDense({ data: matrix.data, rows: matrix.rows, cols: matrix.cols }, { iterationEnd });
}

export async function trainPromotionModel(
  table: TrackTable,
  labels: ArrayLike<number>,
  options: TrainPromotionOptions = {},
): Promise<PromotionModel> {
  // Started first: the thread and libxgboost load while this thread builds the matrices.
  const inWorker = options.inWorker ?? TRAIN_PROMOTION_DEFAULTS.inWorker;
  const worker = inWorker && !options.session ? TrainingWorker.start() : null;
  try {
    return await trainAndEvaluate(table, labels, options, worker);
  } catch (err) {
    worker?.terminate();
    throw err;
  }
}

/** The rounds a model keeps: up to its best one with early stopping, else all (0). */
const iterationEndOf = (earlyStoppingRounds: number, bestIteration: number) =>
  earlyStoppingRounds > 0 ? bestIteration + 1 : 0;

/** A trained model before its evaluation. */
interface Fitted {
  features: string[];
  fingerprint: string;
  modelJson: Uint8Array;
  /** The test rows' probabilities. */
  scores: Float32Array;
  history: EvalHistory;
  bestIteration: number;
  /** Trained on this thread: the booster itself (else loaded from modelJson when asked for). */
  booster: Booster | null;
}

type FitSettings = TrainSettings & Pick<TrainPromotionOptions, 'onRound' | 'onProgress'>;

/**
 * Builds the split's matrices and trains on them: in the session (which keeps them under `key`), in the worker,
 * or on this thread. The data fingerprint (`fingerprint` when known) is hashed while the worker bins the rows.
 */
async function fitOnNewMatrices(
  table: TrackTable,
  labels: ArrayLike<number>,
  wanted: readonly string[],
  split: StratifiedSplit,
  settings: FitSettings,
  run: { worker: TrainingWorker | null; session: TrainingSession | null; key: string; fingerprint?: string },
): Promise<Fitted> {
  let matrix: FeatureMatrix | null = featureMatrix(table, wanted);
  const features = matrix.features;
  const trainSet = subMatrix(matrix, split.train, labels);
  const testSet = subMatrix(matrix, split.test, labels);
  const evals =
    split.validation.length > 0
      ? [{ name: 'validation', matrix: subMatrix(matrix, split.validation, labels) }]
      : [];
  const hash = (m: FeatureMatrix) =>
    run.fingerprint ?? stableHash({ features, data: m.data, labels: new Float32Array(labels) });
  const { worker, session } = run;
  if (worker || session) {
    // The worker cuts the model to its best round and scores the test rows with the booster it holds.
    const job = {
      ...settings,
      evals,
      transfer: true,
      sliceToBest: true,
      predict: { data: testSet.data, rows: testSet.rows, cols: testSet.cols },
    };
    const running = session ? session.train(run.key, trainSet, job) : worker!.train(trainSet, job);
    // Hashed while the worker bins the rows (SHA-256 of the 53 MB matrix at 1.2M rows).
    const fingerprint = hash(matrix);
    // The full matrix is not needed past here: let the collector have it while XGBoost trains.
    matrix = null;
    const r = await running;
    return { ...r, modelJson: r.model, scores: r.predictions!, booster: null, features, fingerprint };
  }
  const fingerprint = hash(matrix);
  matrix = null;
  const r = train(trainSet, { ...settings, evals });
  let booster = r.booster;
  const iterationEnd = iterationEndOf(settings.earlyStoppingRounds ?? 0, r.bestIteration);
  if (iterationEnd > 0 && iterationEnd < booster.boostedRounds()) {
    // The saved model keeps only the rounds up to the best one, so Python, the browser scorer and anyone else
    // predict what was evaluated without having to pass an iteration range.
    const best = booster.slice(0, iterationEnd);
    booster.free();
    booster = best;
  }
  const scores = predictDense(booster, testSet, iterationEnd);
  return { ...r, booster, modelJson: booster.toJson(), scores, features, fingerprint };
}

async function trainAndEvaluate(
  table: TrackTable,
  labels: ArrayLike<number>,
  options: TrainPromotionOptions,
  worker: TrainingWorker | null,
): Promise<PromotionModel> {
  const o = { ...TRAIN_PROMOTION_DEFAULTS, ...options };
  if (labels.length !== table.length)
    throw new Error(`expected one label per row (${table.length}), got ${labels.length}`);
  const splitOptions = { ...SPLIT_DEFAULTS, ...options.split };
  const session = options.session ?? null;
  const same = JSON.stringify([o.features, splitOptions]);
  let prepared = session ? findPrepared(session, table, labels, same) : undefined;
  const positives =
    prepared?.positives ??
    checkBinaryInput(labels, labels, { needBothClasses: true, metric: 'promotion model training' }).positives;
  const split = prepared?.split ?? stratifiedSplit(labels, splitOptions);
  if (split.validation.length === 0 && o.earlyStoppingRounds > 0) {
    throw new Error(
      'early stopping needs a validation set: set split.validationFraction > 0 or earlyStoppingRounds: 0',
    );
  }
  const params: XGBoostParams = { ...PROMOTION_PARAMS, ...options.params };
  const settings = {
    params,
    rounds: o.rounds,
    earlyStoppingRounds: o.earlyStoppingRounds,
    seed: o.seed,
    nthread: o.nthread,
    onRound: o.onRound,
    onProgress: o.onProgress,
  };
  const testLabels = labelsAt(labels, split.test);
  const id = prepared?.id ?? newPreparedId();
  const key = matricesKey(id, params);
  let fitted: Fitted | null = null;
  if (session && prepared && session.holds(key)) {
    // Same data, new parameters: the worker trains on the matrices it kept; nothing is built or sent.
    try {
      const r = await session.train(key, null, { ...settings, sliceToBest: true });
      const { features, fingerprint } = prepared;
      fitted = { ...r, scores: r.predictions!, modelJson: r.model, booster: null, features, fingerprint };
    } catch (err) {
      // Evicted by a training queued before this one: build and send them after all.
      if (!(err instanceof KeptDataMissingError)) throw err;
    }
  }
  fitted ??= await fitOnNewMatrices(table, labels, o.features, split, settings, {
    worker,
    session,
    key,
    fingerprint: prepared?.fingerprint,
  });
  if (session) {
    const { features, fingerprint } = fitted;
    remember(session, prepared ?? { id, table, labels, same, features, positives, split, fingerprint });
  }
  const { features, fingerprint, modelJson, scores } = fitted;
  let booster = fitted.booster;
  const result = fitted;
  const iterationEnd = iterationEndOf(o.earlyStoppingRounds, result.bestIteration);
  const evaluation = evaluateClassifier(testLabels, scores, {
    threshold: o.threshold,
    // evaluateClassifier resolves the method (DeLong by default) and refuses contradicting options.
    aucInterval: options.aucInterval,
    bootstrapReplicates: options.bootstrapReplicates,
    seed: splitOptions.seed,
  });
  const ceiling =
    typeof options.noiseCeiling === 'function' ? options.noiseCeiling(split.test) : options.noiseCeiling;
  const meta: ModelMeta = {
    format: META_FORMAT,
    features,
    label: o.label,
    data: {
      fingerprint,
      rows: table.length,
      positives,
    },
    split: {
      ...splitOptions,
      train: split.train.length,
      validation: split.validation.length,
      test: split.test.length,
    },
    params,
    rounds: o.rounds,
    earlyStoppingRounds: o.earlyStoppingRounds,
    bestIteration: result.bestIteration,
    iterationEnd,
    metrics: {
      test: {
        rows: evaluation.rows,
        threshold: o.threshold,
        rocAuc: evaluation.rocAuc,
        rocAucInterval: evaluation.rocAucInterval,
        averagePrecision: evaluation.averagePrecision,
        accuracy: evaluation.report.accuracy,
        precision: evaluation.report.positive.precision,
        recall: evaluation.report.positive.recall,
        f1: evaluation.report.positive.f1,
        confusion: evaluation.confusion,
      },
      noiseCeiling: ceiling && {
        auc: ceiling.auc,
        precision: ceiling.precision,
        recall: ceiling.recall,
        f1: ceiling.f1,
      },
      versusCeiling: ceiling ? compareWithCeiling(evaluation, ceiling) : undefined,
    },
    versions: { xgboost: xgboostVersion().text, node: process.version },
    createdAt: new Date().toISOString(),
  };
  return {
    get booster(): Booster {
      return (booster ??= Booster.fromJson(modelJson));
    },
    modelJson,
    meta,
    split,
    history: result.history,
    test: { rows: split.test, labels: testLabels, scores },
    evaluation,
  };
}
