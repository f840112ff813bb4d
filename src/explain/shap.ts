/**
 * SHAP from XGBoost's exact TreeSHAP (pred_contribs): the global view (mean |SHAP| per feature, beeswarm data on
 * a seeded sample) and the local view (one track's waterfall). Values are in margin (log-odds) units; per row
 * they sum with the bias to the margin.
 */
import { matrixRows, type FeatureMatrix } from '../model/features';
import { DMatrix, type Booster, type ShapMatrix } from '../model/xgboost';
import { DEFAULT_SEED, sampleIndices } from '../util/random';
import { localExplanation, type LocalExplanation } from './local-explanation';

/** SHAP values of every row of `matrix` (bias last in each row), using trees [0, iterationEnd) (0 = all). */
export function shapValues(booster: Booster, matrix: FeatureMatrix, iterationEnd = 0): ShapMatrix {
  const dmat = DMatrix.fromDense({ data: matrix.data, rows: matrix.rows, cols: matrix.cols });
  try {
    return booster.contributions(dmat, { iterationEnd });
  } finally {
    dmat.free();
  }
}

export interface MeanAbsShap {
  feature: string;
  meanAbsShap: number;
}

function checkWidth(shap: ShapMatrix, features: readonly string[]): void {
  if (shap.width !== features.length + 1) {
    throw new Error(
      `SHAP matrix has ${shap.width} columns; expected ${features.length} features + bias = ${features.length + 1}`,
    );
  }
}

/** Mean |SHAP| per feature, largest first: the global importance that agrees with the local explanations. */
export function meanAbsShap(shap: ShapMatrix, features: readonly string[]): MeanAbsShap[] {
  checkWidth(shap, features);
  const sums = new Float64Array(features.length);
  for (let r = 0; r < shap.rows; r++) {
    for (let j = 0; j < features.length; j++) sums[j] += Math.abs(shap.values[r * shap.width + j]);
  }
  return features
    .map((feature, j) => ({ feature, meanAbsShap: shap.rows > 0 ? sums[j] / shap.rows : 0 }))
    .sort((a, b) => b.meanAbsShap - a.meanAbsShap || a.feature.localeCompare(b.feature));
}

export interface BeeswarmFeature {
  feature: string;
  meanAbsShap: number;
  /** SHAP value per sampled row. */
  shap: number[];
  /** The feature's value per sampled row. */
  value: number[];
  /** The value rescaled to [0, 1] within the sample (the colour of a beeswarm dot); 0.5 when constant. */
  colour: number[];
}

export interface ShapSummary {
  /** Rows of the input matrix that were sampled, ascending. */
  rows: Uint32Array;
  /** Features ordered by mean |SHAP|, largest first. */
  features: BeeswarmFeature[];
}

export interface ShapSummaryOptions {
  /** Rows sampled for the beeswarm (all when fewer). Default 2000. */
  sampleSize?: number;
  /** Seed of the sample. Default 42. */
  seed?: number;
  /** Trees [0, iterationEnd); 0 = all. Default 0. */
  iterationEnd?: number;
}

export const SHAP_SUMMARY_DEFAULTS = { sampleSize: 2000, seed: DEFAULT_SEED, iterationEnd: 0 } as const;

/** Beeswarm data from SHAP values already computed for `matrix`'s rows `rows` (pure). */
export function beeswarmFromShap(shap: ShapMatrix, matrix: FeatureMatrix, rows: Uint32Array): ShapSummary {
  checkWidth(shap, matrix.features);
  if (shap.rows !== rows.length)
    throw new Error(`SHAP matrix has ${shap.rows} rows, expected one per sampled row (${rows.length})`);
  const order = meanAbsShap(shap, matrix.features);
  const features = order.map(({ feature, meanAbsShap: m }) => {
    const j = matrix.features.indexOf(feature);
    const shapColumn = Array.from(rows, (_, r) => shap.values[r * shap.width + j]);
    const value = Array.from(rows, (row) => matrix.data[row * matrix.cols + j]);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of value) if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
    const colour = value.map((v) => (hi > lo && Number.isFinite(v) ? (v - lo) / (hi - lo) : 0.5));
    return { feature, meanAbsShap: m, shap: shapColumn, value, colour };
  });
  return { rows, features };
}

/** SHAP summary on a seeded sample of `matrix`'s rows. */
export function shapSummary(
  booster: Booster,
  matrix: FeatureMatrix,
  options: ShapSummaryOptions = {},
): ShapSummary {
  const { sampleSize, seed, iterationEnd } = { ...SHAP_SUMMARY_DEFAULTS, ...options };
  if (!Number.isInteger(sampleSize) || sampleSize < 1)
    throw new Error(`sampleSize must be a positive integer, got ${sampleSize}`);
  const rows = sampleIndices(matrix.rows, sampleSize, seed);
  const sample: FeatureMatrix = { ...matrixRows(matrix, rows), features: matrix.features };
  return beeswarmFromShap(shapValues(booster, sample, iterationEnd), matrix, rows);
}

/** One row's waterfall: base value, contributions largest first, margin and probability. */
export function explainRow(
  booster: Booster,
  matrix: FeatureMatrix,
  row: number,
  iterationEnd = 0,
): LocalExplanation {
  if (!Number.isInteger(row) || row < 0 || row >= matrix.rows)
    throw new Error(`row must be in 0..${matrix.rows - 1}, got ${row}`);
  const one: FeatureMatrix = {
    data: matrix.data.slice(row * matrix.cols, (row + 1) * matrix.cols),
    rows: 1,
    cols: matrix.cols,
    features: matrix.features,
  };
  return localExplanation(shapValues(booster, one, iterationEnd).values, 0, matrix.features, one.data);
}
