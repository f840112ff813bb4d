import { DMatrix } from '../../../src/model/xgboost';

describe('DMatrix', () => {
  const data = Float32Array.from([1, 2, 3, NaN, 5, 6]);

  it('holds rows × cols as XGBoost sees them', () => {
    const d = DMatrix.fromDense({ data, rows: 2, cols: 3, labels: Float32Array.from([0, 1]) });
    expect([d.numRows(), d.numCols()]).toEqual([2, 3]);
    expect(Array.from(d.labels!)).toEqual([0, 1]);
    d.free();
  });

  it('rejects a data length that is not rows × cols', () => {
    expect(() => DMatrix.fromDense({ data, rows: 4, cols: 2 })).toThrow('expected rows × cols = 4 × 2 = 8');
  });

  it('rejects NaN labels and a label count that is not one per row', () => {
    expect(() => DMatrix.fromDense({ data, rows: 2, cols: 3, labels: Float32Array.from([0, NaN]) })).toThrow(
      'labels must be finite numbers; row 1 holds NaN',
    );
    expect(() => DMatrix.fromDense({ data, rows: 2, cols: 3, labels: Float32Array.from([0]) })).toThrow(
      'one per row (2)',
    );
  });

  it('rejects negative weights', () => {
    expect(() => DMatrix.fromDense({ data, rows: 2, cols: 3, weights: Float32Array.from([1, -1]) })).toThrow(
      '≥ 0; row 1',
    );
  });

  it('refuses a second free and any use after free', () => {
    const d = DMatrix.fromDense({ data, rows: 2, cols: 3 });
    d.free();
    expect(d.freed).toBe(true);
    expect(() => d.free()).toThrow('already freed');
    expect(() => d.numRows()).toThrow('This DMatrix was freed');
  });
});
