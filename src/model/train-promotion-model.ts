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
import { DEFAULT_FEATURES, featureMatrix, labelsAt, type FeatureMatrix } from './features';
import { META_FORMAT, type LabelInfo, type ModelMeta } from './meta';
import { PROMOTION_PARAMS, PROMOTION_ROUNDS } from './params';
import { SPLIT_DEFAULTS, stratifiedSplit, type SplitOptions, type StratifiedSplit } from './split';
import { Booster, DMatrix, train, TrainingWorker, xgboostVersion } from './xgboost';
import type { DenseMatrix, EvalHistory, RoundInfo, XGBoostParams } from './xgboost';

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

/**
 * The rows `rows` of `matrix` with their labels. Copied value by value as 32-bit words (exact bits, NaN payloads
 * included): a `set(subarray(…))` per row made a view object per row and took ~3x as long at 757k rows.
 */
function subMatrix(matrix: FeatureMatrix, rows: Uint32Array, labels: ArrayLike<number>): DenseMatrix {
  const { cols } = matrix;
  const data = new Float32Array(rows.length * cols);
  const from = new Uint32Array(matrix.data.buffer, matrix.data.byteOffset, matrix.data.length);
  const to = new Uint32Array(data.buffer);
  let out = 0;
  for (let i = 0; i < rows.length; i++) {
    let at = rows[i] * cols;
    const end = at + cols;
    while (at < end) to[out++] = from[at++];
  }
  return { data, rows: rows.length, cols, labels: labelsAt(labels, rows) };
}

/** Predicted probabilities of a dense matrix with the trees [0, iterationEnd). */
export function predictDense(
  booster: Booster,
  matrix: Omit<DenseMatrix, 'labels'>,
  iterationEnd: number,
): Float32Array {
  const dmat = DMatrix.fromDense({ data: matrix.data, rows: matrix.rows, cols: matrix.cols });
  try {
    return booster.predict(dmat, { iterationEnd });
  } finally {
    dmat.free();
  }
}

export async function trainPromotionModel(
  table: TrackTable,
  labels: ArrayLike<number>,
  options: TrainPromotionOptions = {},
): Promise<PromotionModel> {
  // Started first: the thread and libxgboost load while this thread builds the matrices.
  const worker = (options.inWorker ?? TRAIN_PROMOTION_DEFAULTS.inWorker) ? TrainingWorker.start() : null;
  try {
    return await trainAndEvaluate(table, labels, options, worker);
  } catch (err) {
    worker?.terminate();
    throw err;
  }
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
  const { positives } = checkBinaryInput(labels, labels, {
    needBothClasses: true,
    metric: 'promotion model training',
  });
  let matrix: FeatureMatrix | null = featureMatrix(table, o.features);
  const features = matrix.features;
  const splitOptions = { ...SPLIT_DEFAULTS, ...options.split };
  const split = stratifiedSplit(labels, splitOptions);
  if (split.validation.length === 0 && o.earlyStoppingRounds > 0) {
    throw new Error(
      'early stopping needs a validation set: set split.validationFraction > 0 or earlyStoppingRounds: 0',
    );
  }
  const trainSet = subMatrix(matrix, split.train, labels);
  const testSet = subMatrix(matrix, split.test, labels);
  const fingerprint = stableHash({ features, data: matrix.data, labels: new Float32Array(labels) });
  const evals =
    split.validation.length > 0
      ? [{ name: 'validation', matrix: subMatrix(matrix, split.validation, labels) }]
      : [];
  // The full matrix is not needed past here: let the collector have it before XGBoost allocates.
  matrix = null;
  const params: XGBoostParams = { ...PROMOTION_PARAMS, ...options.params };
  const settings = {
    params,
    rounds: o.rounds,
    earlyStoppingRounds: o.earlyStoppingRounds,
    seed: o.seed,
    nthread: o.nthread,
    evals,
    onRound: o.onRound,
    onProgress: o.onProgress,
  };
  let booster: Booster | null = null;
  let modelJson: Uint8Array;
  let scores: Float32Array;
  let result: { history: EvalHistory; bestIteration: number };
  const iterationEndOf = (bestIteration: number) => (o.earlyStoppingRounds > 0 ? bestIteration + 1 : 0);
  const testLabels = testSet.labels!;
  if (worker) {
    // The worker cuts the model to its best round and scores the test rows with the booster it holds.
    const r = await worker.train(trainSet, {
      ...settings,
      transfer: true,
      sliceToBest: true,
      predict: { data: testSet.data, rows: testSet.rows, cols: testSet.cols },
    });
    modelJson = r.model;
    scores = r.predictions!;
    result = r;
  } else {
    const r = train(trainSet, settings);
    booster = r.booster;
    result = r;
    const iterationEnd = iterationEndOf(r.bestIteration);
    if (iterationEnd > 0 && iterationEnd < booster.boostedRounds()) {
      // The saved model keeps only the rounds up to the best one, so Python, the browser scorer and anyone else
      // predict what was evaluated without having to pass an iteration range.
      const best = booster.slice(0, iterationEnd);
      booster.free();
      booster = best;
    }
    modelJson = booster.toJson();
    scores = predictDense(booster, testSet, iterationEnd);
  }
  const iterationEnd = iterationEndOf(result.bestIteration);
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
