/**
 * XGBoost's QuantileDMatrix built from an iterator of dense batches (`XGQuantileDMatrixCreateFromCallback`).
 *
 * Why: an ordinary DMatrix copies the whole table into XGBoost's CSR pages (8 bytes per value: index + float)
 * before `hist` bins it (1 byte per value). A QuantileDMatrix goes straight from the caller's batches to the
 * binned index: XGBoost walks the batches twice (once to sketch the quantiles, once to bin) and keeps only the
 * bins. It is the matrix Python's `xgb.QuantileDMatrix` builds; `tree_method: 'hist'` only.
 *
 * How (facts of XGBoost 1.7.4 and koffi 3): XGBoost calls `reset()` and `next()` while the create call runs, on
 * this thread, so koffi's transient callbacks suffice. Each `next()` hands a batch to a proxy DMatrix through
 * numpy's `__array_interface__` JSON (the address of the Float32Array's memory, which stays put and is kept
 * referenced until the next batch). An exception thrown in a koffi callback would reach C as 0 — "no more
 * data" — so errors are caught, the pass is ended, and the error is rethrown once XGBoost returns.
 */
import * as koffi from 'koffi';
import { DMatrix, validateDenseMatrix, type DenseMatrix } from './dmatrix';
import { check, xgb, type Out, type Pointer } from './native';

/** One batch of rows: the same shape as a DenseMatrix (row-major Float32Array, NaN = missing). */
export type DenseBatch = DenseMatrix;

/**
 * The batches, from the first: called once per pass (XGBoost makes two), so it must give the same batches
 * in the same order each time. An array of batches, or a generator function reading them from memory.
 */
export type BatchSource = () => Iterable<DenseBatch>;

export interface QuantileDMatrixOptions {
  /** Histogram bins per feature (XGBoost's `max_bin`); training must use the same value. Default: 256. */
  maxBin?: number;
  /** Threads used to sketch and bin; 0 = all cores. Default: 0. */
  nthread?: number;
  /**
   * A QuantileDMatrix whose bin edges this one reuses: give the training matrix when building an evaluation
   * matrix, as Python's `QuantileDMatrix(..., ref=dtrain)`. Default: none (own quantiles).
   */
  ref?: QuantileDMatrix | null;
}

export const QUANTILE_DMATRIX_DEFAULTS: Required<Omit<QuantileDMatrixOptions, 'ref'>> = {
  maxBin: 256,
  nthread: 0,
};

/** numpy's `__array_interface__` (version 3) for a Float32Array, as XGBoost's proxy reads it. */
export function arrayInterface(values: Float32Array, shape: number[]): string {
  // The address is written as an integer literal: JSON numbers are doubles, addresses stay below 2^53 on
  // x86-64/arm64 user space, and BigInt keeps the text exact either way.
  const address = koffi.address(values).toString();
  return `{"data":[${address},true],"shape":[${shape.join(',')}],"strides":null,"typestr":"<f4","version":3}`;
}

function concat(parts: Float32Array[], total: number): Float32Array {
  const out = new Float32Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export class QuantileDMatrix extends DMatrix {
  /** Number of batches XGBoost read per pass. */
  readonly batches: number;
  readonly maxBin: number;

  private constructor(ptr: Pointer, rows: number, cols: number, batches: number, maxBin: number) {
    super(ptr, rows, cols);
    this.batches = batches;
    this.maxBin = maxBin;
  }

  /**
   * Builds the binned matrix from `source`'s batches. Every batch has the same `cols` and, when any has
   * labels (or weights), all do. Labels are kept on the JS side too (4 bytes a row) so training checks them.
   */
  static fromBatches(source: BatchSource, options: QuantileDMatrixOptions = {}): QuantileDMatrix {
    const { maxBin, nthread } = { ...QUANTILE_DMATRIX_DEFAULTS, ...options };
    if (!Number.isInteger(maxBin) || maxBin < 2)
      throw new Error(`maxBin must be an integer ≥ 2, got ${maxBin}`);
    if (!Number.isInteger(nthread) || nthread < 0)
      throw new Error(`nthread must be an integer ≥ 0, got ${nthread}`);
    if (options.ref && options.ref.maxBin !== maxBin) {
      throw new Error(
        `maxBin ${maxBin} differs from the ref matrix's ${options.ref.maxBin}; use the same bins`,
      );
    }
    const api = xgb();
    const proxyOut: Out<Pointer> = [null];
    check(api.XGProxyDMatrixCreate(proxyOut), 'creating a proxy DMatrix');
    const proxy = proxyOut[0]!;
    const pass = new BatchPass(source, proxy);
    try {
      const out: Out<Pointer> = [null];
      const config = `{"nthread":${nthread},"missing":NaN,"max_bin":${maxBin}}`;
      const rc = api.XGQuantileDMatrixCreateFromCallback(
        null,
        proxy,
        options.ref ? options.ref.ptr : null,
        () => pass.reset(),
        () => pass.next(),
        config,
        out,
      );
      pass.rethrow();
      check(rc, 'creating a QuantileDMatrix from batches');
      const summary = pass.summary();
      const dmat = new QuantileDMatrix(out[0]!, summary.rows, summary.cols, summary.batches, maxBin);
      dmat.labelValues = summary.labels;
      return dmat;
    } finally {
      pass.release();
      api.XGDMatrixFree(proxy);
    }
  }

  /** A QuantileDMatrix of one dense matrix (split into `batchRows`-row batches; 0 = one batch). */
  static override fromDense(
    matrix: DenseMatrix,
    options: QuantileDMatrixOptions & { batchRows?: number } = {},
  ): QuantileDMatrix {
    validateDenseMatrix(matrix);
    const step = options.batchRows && options.batchRows > 0 ? options.batchRows : matrix.rows;
    const batches: DenseBatch[] = [];
    for (let start = 0; start < matrix.rows; start += step) {
      const end = Math.min(matrix.rows, start + step);
      batches.push({
        data: matrix.data.subarray(start * matrix.cols, end * matrix.cols),
        rows: end - start,
        cols: matrix.cols,
        labels: matrix.labels?.subarray(start, end),
        weights: matrix.weights?.subarray(start, end),
      });
    }
    return QuantileDMatrix.fromBatches(() => batches, options);
  }
}

/** One walk over the source per reset(), feeding the proxy; records the shape seen on the first pass. */
class BatchPass {
  private iterator: Iterator<DenseBatch> | null = null;
  private current: DenseBatch | null = null;
  private error: unknown = null;
  private passes = 0;
  private seen = { rows: 0, cols: -1, batches: 0, hasLabels: false, hasWeights: false };
  private labelParts: Float32Array[] = [];

  constructor(
    private readonly source: BatchSource,
    private readonly proxy: Pointer,
  ) {}

  reset(): void {
    if (this.error) return;
    try {
      this.passes++;
      this.current = null;
      this.iterator = this.source()[Symbol.iterator]();
    } catch (err) {
      this.error = err;
    }
  }

  /** 1 = a batch is in the proxy, 0 = the pass is over (or failed: see rethrow). */
  next(): number {
    if (this.error) return 0;
    try {
      if (!this.iterator) this.reset();
      const step = this.iterator!.next();
      if (step.done) {
        if (this.passes === 1 && this.seen.batches === 0) throw new Error('The batch source gave no batches');
        return 0;
      }
      this.feed(step.value);
      return 1;
    } catch (err) {
      this.error = err;
      return 0;
    }
  }

  private feed(batch: DenseBatch): void {
    const n = this.passes === 1 ? this.seen.batches : -1;
    const where = n >= 0 ? `batch ${n}` : 'a batch';
    try {
      validateDenseMatrix(batch);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
    if (this.passes === 1) {
      if (this.seen.cols === -1) {
        this.seen.cols = batch.cols;
        this.seen.hasLabels = !!batch.labels;
        this.seen.hasWeights = !!batch.weights;
      }
      if (batch.cols !== this.seen.cols)
        throw new Error(`${where} has ${batch.cols} columns, the first had ${this.seen.cols}`);
      if (!!batch.labels !== this.seen.hasLabels || !!batch.weights !== this.seen.hasWeights) {
        throw new Error(`${where}: labels and weights must be given for every batch or for none`);
      }
      this.seen.rows += batch.rows;
      this.seen.batches++;
      if (batch.labels) this.labelParts.push(batch.labels.slice());
    }
    // Kept referenced until the next batch: XGBoost reads the memory after next() returns.
    this.current = batch;
    const api = xgb();
    check(
      api.XGProxyDMatrixSetDataDense(this.proxy, arrayInterface(batch.data, [batch.rows, batch.cols])),
      `handing ${where} to XGBoost`,
    );
    if (batch.labels) {
      check(
        api.XGDMatrixSetFloatInfo(this.proxy, 'label', batch.labels, batch.rows),
        `setting labels of ${where}`,
      );
    }
    if (batch.weights) {
      check(
        api.XGDMatrixSetFloatInfo(this.proxy, 'weight', batch.weights, batch.rows),
        `setting weights of ${where}`,
      );
    }
  }

  rethrow(): void {
    if (this.error) throw this.error;
  }

  summary(): { rows: number; cols: number; batches: number; labels: Float32Array | null } {
    const labels = this.seen.hasLabels ? concat(this.labelParts, this.seen.rows) : null;
    return { rows: this.seen.rows, cols: this.seen.cols, batches: this.seen.batches, labels };
  }

  release(): void {
    this.current = null;
    this.iterator = null;
    this.labelParts = [];
  }
}
