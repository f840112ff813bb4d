/**
 * Standardization of feature columns to zero mean and unit variance, like scikit-learn's StandardScaler:
 * population standard deviation (divide by n, not n − 1). The scaler keeps mean and sd so centroids map back
 * to original units (dB, BPM, 0–1).
 */
import { AUDIO_FEATURES, column, type NumericColumn, type TrackTable } from '../data/schema';
import { sharedFloat64, type FeatureMatrix } from './feature-matrix';

export interface StandardScaler {
  /** Column names, when known. */
  readonly features?: readonly string[];
  /** Mean of each column. */
  readonly mean: Float64Array;
  /** Population standard deviation of each column (never 0: constant columns are rejected). */
  readonly sd: Float64Array;
}

/** Column means and population sds; a constant column is an error (it cannot be standardized). */
export function fitStandardScaler(matrix: FeatureMatrix): StandardScaler {
  const { values, rows, cols } = matrix;
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) mean[j] += values[o + j];
  }
  for (let j = 0; j < cols; j++) mean[j] /= rows;
  // Two-pass variance: the one-pass sum-of-squares form loses digits on loudness (≈ −8 dB ± 5) at 1.2M rows.
  const variance = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) {
      const t = values[o + j] - mean[j];
      variance[j] += t * t;
    }
  }
  const sd = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    sd[j] = Math.sqrt(variance[j] / rows);
    const scale = Math.max(1, Math.abs(mean[j]));
    if (!(sd[j] > 1e-12 * scale)) {
      const name = matrix.features ? `'${matrix.features[j]}'` : `column ${j}`;
      throw new Error(
        `feature ${name} is constant (every value ≈ ${mean[j]}); standardizing needs a non-zero variance — drop the column`,
      );
    }
  }
  return { features: matrix.features, mean, sd };
}

export interface StandardizeOptions {
  /**
   * Overwrite the input's values instead of allocating a new matrix: saves a copy of the data (86 MB at
   * 1.2M × 9) when the unscaled matrix is not needed again. Default: false (the input is untouched).
   */
  inPlace?: boolean;
}

/** `(x − mean) / sd` per column, into a new shared matrix (or into the input, with `inPlace`). */
export function applyStandardScaler(
  matrix: FeatureMatrix,
  scaler: StandardScaler,
  options: StandardizeOptions = {},
): FeatureMatrix {
  const { values, rows, cols } = matrix;
  if (scaler.mean.length !== cols) {
    throw new Error(`the scaler has ${scaler.mean.length} columns, the matrix has ${cols}`);
  }
  const out = options.inPlace ? values : sharedFloat64(rows * cols);
  const inverseSd = scaler.sd.map((s) => 1 / s);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[o + j] = (values[o + j] - scaler.mean[j]) * inverseSd[j];
  }
  return { values: out, rows, cols, features: matrix.features };
}

/** Fits the scaler on `matrix` and returns both the standardized matrix and the scaler. */
export function standardize(
  matrix: FeatureMatrix,
  options: StandardizeOptions = {},
): { matrix: FeatureMatrix; scaler: StandardScaler } {
  const scaler = fitStandardScaler(matrix);
  return { matrix: applyStandardScaler(matrix, scaler, options), scaler };
}

/** Maps a standardized row (e.g. a centroid) back to original units: `z * sd + mean`. */
export function unstandardizeRow(scaler: StandardScaler, z: ArrayLike<number>): Float64Array {
  if (z.length !== scaler.mean.length) {
    throw new Error(`expected ${scaler.mean.length} standardized values, got ${z.length}`);
  }
  return Float64Array.from(scaler.mean, (m, j) => z[j] * scaler.sd[j] + m);
}

/** Rows per band of the row-major write: 9 columns × 2048 rows × 8 B = 144 KB, within L2. */
const STANDARDIZE_BAND_ROWS = 2048;

/**
 * `standardize(featureMatrixFromTable(table, features))` in one go: statistics from each contiguous column,
 * then one write into the shared row-major matrix — no unscaled copy (measured 0.64 s → about 0.2 s at 1.2M × 9).
 * Same sums in the same order, so the values are bit-identical to the two-step form.
 */
export function standardizedFeatureMatrix(
  table: TrackTable,
  features: readonly NumericColumn[] = AUDIO_FEATURES,
): { matrix: FeatureMatrix; scaler: StandardScaler } {
  if (features.length === 0) throw new Error('expected at least one feature column');
  const rows = table.length;
  const cols = features.length;
  if (rows < 1) throw new Error('the table has no rows');
  const sources = features.map((name) => column(table, name));
  const mean = new Float64Array(cols);
  const sd = new Float64Array(cols);
  sources.forEach((source, j) => {
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      const x = source[i];
      if (!Number.isFinite(x)) {
        throw new Error(
          `feature '${features[j]}' is ${x} at row ${i}; clustering needs finite values (drop or impute missing rows first)`,
        );
      }
      sum += x;
    }
    mean[j] = sum / rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) {
      const t = source[i] - mean[j];
      variance += t * t;
    }
    sd[j] = Math.sqrt(variance / rows);
    if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
      throw new Error(
        `feature '${features[j]}' is constant (every value ≈ ${mean[j]}); standardizing needs a non-zero variance — drop the column`,
      );
    }
  });
  const values = sharedFloat64(rows * cols);
  const inverse = sd.map((s) => 1 / s);
  // Written a band of rows at a time: column by column over the whole matrix, every write touched a new cache
  // line of the 86 MB output (and its page on first touch), 9 times over.
  for (let start = 0; start < rows; start += STANDARDIZE_BAND_ROWS) {
    const end = Math.min(rows, start + STANDARDIZE_BAND_ROWS);
    for (let j = 0; j < cols; j++) {
      const source = sources[j];
      const m = mean[j];
      const scale = inverse[j];
      for (let i = start; i < end; i++) values[i * cols + j] = (source[i] - m) * scale;
    }
  }
  const names = [...features];
  return { matrix: { values, rows, cols, features: names }, scaler: { features: names, mean, sd } };
}
