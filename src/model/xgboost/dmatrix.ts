/**
 * XGBoost's data matrix, built from a row-major Float32Array (NaN = missing), with labels and weights.
 */
import { NativeHandle } from './handle';
import { check, xgb, type Out, type Pointer } from './native';

/** A dense row-major matrix with optional labels and weights: the plain-data form that crosses to a worker. */
export interface DenseMatrix {
  /** rows × cols values, row after row; NaN marks a missing value. */
  data: Float32Array;
  rows: number;
  cols: number;
  /** One label per row (finite). */
  labels?: Float32Array;
  /** One non-negative weight per row. */
  weights?: Float32Array;
}

export interface DMatrixOptions {
  /** Threads used to build the matrix; 0 = all cores. Default: 0. */
  nthread?: number;
}

export const DMATRIX_DEFAULTS: Required<DMatrixOptions> = { nthread: 0 };

/** Realm-independent check: arrays from another context (a jest sandbox, a worker message) fail `instanceof`. */
export function isFloat32Array(value: unknown): value is Float32Array {
  return Object.prototype.toString.call(value) === '[object Float32Array]';
}

function checkPerRow(name: string, values: Float32Array, rows: number): void {
  if (!isFloat32Array(values)) throw new Error(`${name} must be a Float32Array`);
  if (values.length !== rows)
    throw new Error(`${name} has ${values.length} values, expected one per row (${rows})`);
}

/** Throws unless `values` holds one finite value per row. */
export function validateLabels(values: Float32Array, rows: number): void {
  checkPerRow('labels', values, rows);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]))
      throw new Error(`labels must be finite numbers; row ${i} holds ${values[i]}`);
  }
}

function validateWeights(values: Float32Array, rows: number): void {
  checkPerRow('weights', values, rows);
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] >= 0) || !Number.isFinite(values[i])) {
      throw new Error(`weights must be finite and ≥ 0; row ${i} holds ${values[i]}`);
    }
  }
}

/** Throws unless `matrix` is a consistent DenseMatrix. */
export function validateDenseMatrix(matrix: DenseMatrix): void {
  const { data, rows, cols } = matrix;
  if (!isFloat32Array(data)) throw new Error('matrix data must be a Float32Array (row-major, NaN = missing)');
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 1) throw new Error(`cols must be a positive integer, got ${cols}`);
  if (data.length !== rows * cols) {
    throw new Error(
      `matrix data has ${data.length} values, expected rows × cols = ${rows} × ${cols} = ${rows * cols}`,
    );
  }
  if (matrix.labels) validateLabels(matrix.labels, rows);
  if (matrix.weights) validateWeights(matrix.weights, rows);
}

export class DMatrix extends NativeHandle {
  readonly rows: number;
  readonly cols: number;
  /** Protected (not private) so QuantileDMatrix, also a DMatrix in C, can extend it. */
  protected labelValues: Float32Array | null = null;

  protected constructor(ptr: Pointer, rows: number, cols: number) {
    super(ptr, (p) => xgb().XGDMatrixFree(p), 'DMatrix');
    this.rows = rows;
    this.cols = cols;
  }

  /** A DMatrix holding a copy of `matrix` (XGBoost copies the values; the Float32Array may be reused after). */
  static fromDense(matrix: DenseMatrix, options: DMatrixOptions = {}): DMatrix {
    validateDenseMatrix(matrix);
    const { nthread } = { ...DMATRIX_DEFAULTS, ...options };
    const out: Out<Pointer> = [null];
    check(
      xgb().XGDMatrixCreateFromMat_omp(matrix.data, matrix.rows, matrix.cols, NaN, out, nthread),
      'creating a DMatrix',
    );
    const dmat = new DMatrix(out[0]!, matrix.rows, matrix.cols);
    if (matrix.labels) dmat.setLabels(matrix.labels);
    if (matrix.weights) dmat.setWeights(matrix.weights);
    return dmat;
  }

  /** Sets one finite label per row. */
  setLabels(labels: Float32Array): void {
    validateLabels(labels, this.rows);
    check(xgb().XGDMatrixSetFloatInfo(this.ptr, 'label', labels, labels.length), 'setting labels');
    this.labelValues = labels.slice();
  }

  /** Sets one non-negative weight per row. */
  setWeights(weights: Float32Array): void {
    validateWeights(weights, this.rows);
    check(xgb().XGDMatrixSetFloatInfo(this.ptr, 'weight', weights, weights.length), 'setting weights');
  }

  /** The labels set on this matrix, or null (kept on the JS side so training can check them up front). */
  get labels(): Float32Array | null {
    return this.labelValues;
  }

  /** Row count as XGBoost sees it. */
  numRows(): number {
    const out: Out<number> = [null];
    check(xgb().XGDMatrixNumRow(this.ptr, out), 'reading the row count');
    return Number(out[0]);
  }

  /** Column count as XGBoost sees it. */
  numCols(): number {
    const out: Out<number> = [null];
    check(xgb().XGDMatrixNumCol(this.ptr, out), 'reading the column count');
    return Number(out[0]);
  }
}
