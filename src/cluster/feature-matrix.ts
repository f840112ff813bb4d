/**
 * A row-major matrix of numeric features (n rows × d columns in one Float64Array), the layout every clustering
 * kernel reads. Backed by a SharedArrayBuffer when built here, so worker threads read it without a copy.
 */
import { AUDIO_FEATURES, column, type NumericColumn, type TrackTable } from '../data/schema';

export interface FeatureMatrix {
  /** Row-major values: row i, column j at `values[i * cols + j]`. */
  readonly values: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Column names, when the matrix came from named features. */
  readonly features?: readonly string[];
}

/** A zeroed Float64Array on a SharedArrayBuffer (worker threads can read and write it without copying). */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/** Wraps `values` as an n × d matrix, checking the shape and that every value is finite. */
export function toFeatureMatrix(
  values: Float64Array,
  rows: number,
  cols: number,
  features?: readonly string[],
): FeatureMatrix {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 1) throw new Error(`cols must be a positive integer, got ${cols}`);
  if (values.length !== rows * cols) {
    throw new Error(`expected ${rows} × ${cols} = ${rows * cols} values, got ${values.length}`);
  }
  if (features && features.length !== cols) {
    throw new Error(`expected ${cols} feature names, got ${features.length}`);
  }
  assertFinite(values, cols, features);
  return { values, rows, cols, features };
}

/** Throws naming the first non-finite value (row and feature), so bad input is found before clustering. */
export function assertFinite(values: Float64Array, cols: number, features?: readonly string[]): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const row = Math.floor(i / cols);
      const col = i % cols;
      const name = features ? `'${features[col]}'` : `column ${col}`;
      throw new Error(
        `feature ${name} is ${values[i]} at row ${row}; clustering needs finite values (drop or impute missing rows first)`,
      );
    }
  }
}

/**
 * The named numeric columns of `table` as one shared row-major matrix (default: the 9 audio features).
 * Missing values are an error, not silently skipped: the row count must stay aligned with the table.
 */
export function featureMatrixFromTable(
  table: TrackTable,
  features: readonly NumericColumn[] = AUDIO_FEATURES,
): FeatureMatrix {
  if (features.length === 0) throw new Error('expected at least one feature column');
  const rows = table.length;
  const cols = features.length;
  if (rows < 1) throw new Error('the table has no rows');
  const values = sharedFloat64(rows * cols);
  features.forEach((name, j) => {
    const source = column(table, name);
    for (let i = 0; i < rows; i++) values[i * cols + j] = source[i];
  });
  assertFinite(values, cols, features);
  return { values, rows, cols, features: [...features] };
}

/** Row `i` of the matrix as a fresh array. */
export function matrixRow(matrix: FeatureMatrix, i: number): Float64Array {
  return matrix.values.slice(i * matrix.cols, (i + 1) * matrix.cols);
}
