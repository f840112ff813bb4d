/**
 * The model's passport, saved beside XGBoost's JSON as promotion_model.meta.json: what it was trained on
 * (features in order, label rule and seed, data fingerprint), how (params, rounds, split), how well (test
 * metrics beside the noise ceiling) and with what (library versions, date). Loading checks it against the data.
 */
import type { XGBoostParams } from './xgboost';
import type { CeilingComparisonRow, NoiseCeiling } from './metrics/evaluate';
import type { AucInterval } from './metrics/auc-interval';
import type { ConfusionMatrix } from './metrics/confusion';

export const META_FORMAT = 'spotify-insights-lab/promotion-model-meta@1';

/** How the labels were made (e.g. the original rule with a flip rate and seed, or a popularity target). */
export interface LabelInfo {
  /** Human-readable definition, e.g. "((valence > 0.6) & (energy > 0.6)) | (danceability > 0.75), 5% flipped". */
  definition: string;
  /** Seed of any random step in labelling (flips). */
  seed?: number;
  /** Anything else worth keeping (flip rate, target column, quantile …). */
  [key: string]: unknown;
}

export interface TestMetrics {
  rows: number;
  threshold: number;
  rocAuc: number;
  rocAucInterval?: AucInterval;
  averagePrecision: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: ConfusionMatrix;
}

export interface ModelMeta {
  format: typeof META_FORMAT;
  /** Feature names in the model's column order. */
  features: string[];
  label: LabelInfo;
  data: {
    /** Hash of the feature matrix and labels of all rows used (train + validation + test). */
    fingerprint: string;
    rows: number;
    positives: number;
  };
  split: {
    testFraction: number;
    validationFraction: number;
    seed: number;
    train: number;
    validation: number;
    test: number;
  };
  params: XGBoostParams;
  rounds: number;
  earlyStoppingRounds: number;
  /** Round with the best validation loss (0-based). */
  bestIteration: number;
  /** Rounds used: bestIteration + 1 after early stopping (0 = all). The saved model is sliced to exactly these rounds. */
  iterationEnd: number;
  metrics: { test: TestMetrics; noiseCeiling?: NoiseCeiling; versusCeiling?: CeilingComparisonRow[] };
  versions: { xgboost: string; node: string };
  /** ISO date of training. */
  createdAt: string;
}

/** Throws unless `value` looks like a ModelMeta this code can use. */
export function validateMeta(value: unknown): ModelMeta {
  const meta = value as Partial<ModelMeta>;
  if (!meta || meta.format !== META_FORMAT) {
    throw new Error(
      `not a promotion model meta file: expected format '${META_FORMAT}', got '${String(meta?.format)}'`,
    );
  }
  if (
    !Array.isArray(meta.features) ||
    meta.features.some((f) => typeof f !== 'string') ||
    meta.features.length === 0
  ) {
    throw new Error('model meta: features must be a non-empty list of names');
  }
  if (!Number.isInteger(meta.iterationEnd) || (meta.iterationEnd as number) < 0) {
    throw new Error(`model meta: iterationEnd must be an integer ≥ 0, got ${meta.iterationEnd}`);
  }
  return meta as ModelMeta;
}

/** Throws a clear error unless `given` holds exactly the model's features in the model's order. */
export function checkFeatureNames(expected: readonly string[], given: readonly string[]): void {
  const missing = expected.filter((f) => !given.includes(f));
  const extra = given.filter((f) => !expected.includes(f));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing: ${missing.join(', ')}`);
    if (extra.length > 0) parts.push(`extra: ${extra.join(', ')}`);
    throw new Error(
      `the data's features do not match the model's (${parts.join('; ')}); the model expects: ${expected.join(', ')}`,
    );
  }
  if (expected.some((f, i) => given[i] !== f)) {
    throw new Error(
      `the data's features are in another order: got ${given.join(', ')}; the model expects ${expected.join(', ')}`,
    );
  }
}
