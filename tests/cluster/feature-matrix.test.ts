import { featureMatrixFromTable, matrixRow, toFeatureMatrix } from '../../src/cluster/feature-matrix';
import type { TrackTable } from '../../src/data/schema';

const table: TrackTable = {
  length: 3,
  numeric: {
    energy: Float64Array.of(0.1, 0.2, 0.3),
    tempo: Float64Array.of(100, 120, 140),
  },
  text: {},
  lists: {},
};

describe('featureMatrixFromTable', () => {
  test('lays named columns out row-major on a shared buffer', () => {
    const m = featureMatrixFromTable(table, ['tempo', 'energy']);
    expect([m.rows, m.cols]).toEqual([3, 2]);
    expect(Array.from(m.values)).toEqual([100, 0.1, 120, 0.2, 140, 0.3]);
    expect(m.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(m.features).toEqual(['tempo', 'energy']);
    expect(Array.from(matrixRow(m, 1))).toEqual([120, 0.2]);
  });

  test('names the feature and row of a missing value', () => {
    const withNaN: TrackTable = {
      ...table,
      numeric: { ...table.numeric, energy: Float64Array.of(0.1, NaN, 0.3) },
    };
    expect(() => featureMatrixFromTable(withNaN, ['tempo', 'energy'])).toThrow(/'energy' is NaN at row 1/);
  });

  test('says which column is not loaded', () => {
    expect(() => featureMatrixFromTable(table)).toThrow(/column 'danceability' is not loaded/);
  });
});

describe('toFeatureMatrix', () => {
  test('checks the shape', () => {
    expect(() => toFeatureMatrix(new Float64Array(5), 2, 3)).toThrow(/2 × 3 = 6 values, got 5/);
    expect(() => toFeatureMatrix(new Float64Array(6), 2, 3, ['a'])).toThrow(/3 feature names/);
  });

  test('rejects infinities', () => {
    expect(() => toFeatureMatrix(Float64Array.of(1, Infinity), 1, 2)).toThrow(
      /column 1 is Infinity at row 0/,
    );
  });
});
