import { DMatrix, train, type DenseMatrix } from '../../../src/model/xgboost';
import {
  QuantileDMatrix,
  arrayInterface,
  type DenseBatch,
} from '../../../src/model/xgboost/quantile-dmatrix';
import { HIST_LOGISTIC, syntheticBinary } from './synthetic';

function rowsOf(m: DenseMatrix, start: number, end: number): DenseBatch {
  return {
    data: m.data.slice(start * m.cols, end * m.cols),
    rows: end - start,
    cols: m.cols,
    labels: m.labels?.slice(start, end),
  };
}

describe('QuantileDMatrix', () => {
  const m = syntheticBinary(3000, 5, 11);

  it('trains the same model as an ordinary DMatrix (identical predictions)', () => {
    let passes = 0;
    // A generator: XGBoost walks it at least twice (sketch, then bin), from the first batch each time.
    const q = QuantileDMatrix.fromBatches(function* () {
      passes++;
      for (let start = 0; start < m.rows; start += 1000)
        yield rowsOf(m, start, Math.min(m.rows, start + 1000));
    });
    expect(passes).toBeGreaterThanOrEqual(2);
    expect([q.numRows(), q.numCols(), q.batches, q.rows, q.cols]).toEqual([3000, 5, 3, 3000, 5]);
    expect(Array.from(q.labels!)).toEqual(Array.from(m.labels));

    const fromQuantile = train(q, { params: HIST_LOGISTIC, rounds: 15, seed: 3 }).booster;
    const fromDense = train(m, { params: HIST_LOGISTIC, rounds: 15, seed: 3 }).booster;
    const d = DMatrix.fromDense(m);
    expect(Array.from(fromQuantile.predict(d))).toEqual(Array.from(fromDense.predict(d)));
    // XGBoost 1.7 also predicts on the QuantileDMatrix itself.
    expect(Array.from(fromQuantile.predict(q))).toEqual(Array.from(fromDense.predict(d)));
    for (const h of [q, d, fromQuantile, fromDense]) h.free();
  });

  it('evaluates a matrix built with the training matrix as ref, as Python does', () => {
    const valid = syntheticBinary(800, 5, 12);
    const q = QuantileDMatrix.fromDense(m, { batchRows: 512 });
    const qValid = QuantileDMatrix.fromDense(valid, { ref: q });
    const params = { ...HIST_LOGISTIC, eval_metric: 'auc' };
    const a = train(q, { params, rounds: 10, seed: 1, evals: [{ name: 'valid', matrix: qValid }] });
    const b = train(m, { params, rounds: 10, seed: 1, evals: [{ name: 'valid', matrix: valid }] });
    expect(a.history.valid.auc).toEqual(b.history.valid.auc);
    expect(a.history.valid.auc[9]).toBeGreaterThan(0.8);
    for (const h of [q, qValid, a.booster, b.booster]) h.free();
  });

  it('names the batch that breaks the shape, instead of stopping early', () => {
    const bad = [
      rowsOf(m, 0, 10),
      { data: new Float32Array(12), rows: 3, cols: 4, labels: new Float32Array(3) },
    ];
    expect(() => QuantileDMatrix.fromBatches(() => bad)).toThrow('batch 1 has 4 columns, the first had 5');
    const noLabels = [rowsOf(m, 0, 10), { ...rowsOf(m, 10, 20), labels: undefined }];
    expect(() => QuantileDMatrix.fromBatches(() => noLabels)).toThrow(
      'batch 1: labels and weights must be given for every batch or for none',
    );
    const short = [{ data: new Float32Array(7), rows: 2, cols: 5 }];
    expect(() => QuantileDMatrix.fromBatches(() => short)).toThrow('batch 0: matrix data has 7 values');
  });

  it('rethrows an error of the batch source (koffi would hand C a silent 0)', () => {
    function* failing(): Generator<DenseBatch> {
      yield rowsOf(m, 0, 100);
      throw new Error('shard file vanished');
    }
    expect(() => QuantileDMatrix.fromBatches(failing)).toThrow('shard file vanished');
    expect(() => QuantileDMatrix.fromBatches(() => [])).toThrow('The batch source gave no batches');
  });

  it('checks its options', () => {
    expect(() => QuantileDMatrix.fromDense(m, { maxBin: 1 })).toThrow('maxBin must be an integer ≥ 2');
    const q = QuantileDMatrix.fromDense(m, { maxBin: 64 });
    expect(() => QuantileDMatrix.fromDense(m, { ref: q })).toThrow(
      "maxBin 256 differs from the ref matrix's 64",
    );
    q.free();
  });

  it("describes a Float32Array as numpy's __array_interface__", () => {
    const values = new Float32Array(6);
    const parsed = JSON.parse(arrayInterface(values, [2, 3]));
    expect(parsed).toMatchObject({ shape: [2, 3], typestr: '<f4', version: 3, strides: null });
    expect(parsed.data[0]).toBeGreaterThan(0);
    expect(parsed.data[1]).toBe(true);
  });
});
