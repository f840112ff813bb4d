import { featureMatrixFromTable } from '../../src/cluster/feature-matrix';
import {
  applyStandardScaler,
  fitStandardScaler,
  standardize,
  standardizedFeatureMatrix,
  unstandardizeRow,
} from '../../src/cluster/standardize';

const matrix = {
  values: Float64Array.of(1, 10, 2, 20, 3, 30, 4, 40),
  rows: 4,
  cols: 2,
  features: ['a', 'b'],
};

describe('standardize', () => {
  test('uses the population sd, like StandardScaler', () => {
    const scaler = fitStandardScaler(matrix);
    expect(Array.from(scaler.mean)).toEqual([2.5, 25]);
    // population variance of 1..4 is 1.25 (sample variance would be 1.667)
    expect(scaler.sd[0]).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(scaler.sd[1]).toBeCloseTo(10 * Math.sqrt(1.25), 12);
  });

  test('gives zero mean and unit variance, and maps back', () => {
    const { matrix: z, scaler } = standardize(matrix);
    const col0 = [0, 1, 2, 3].map((i) => z.values[i * 2]);
    expect(col0.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
    expect(col0.reduce((s, v) => s + v * v, 0) / 4).toBeCloseTo(1, 12);
    expect(z.values[0]).toBeCloseTo(-1.5 / Math.sqrt(1.25), 12);
    expect(Array.from(unstandardizeRow(scaler, z.values.subarray(6, 8)))).toEqual([
      expect.closeTo(4, 12),
      expect.closeTo(40, 12),
    ]);
    expect(matrix.values[0]).toBe(1);
  });

  test('rejects a constant column by name', () => {
    const constant = {
      values: Float64Array.of(1, 5, 2, 5, 3, 5),
      rows: 3,
      cols: 2,
      features: ['a', 'tempo'],
    };
    expect(() => fitStandardScaler(constant)).toThrow(/'tempo' is constant/);
  });

  test('checks the scaler matches the matrix', () => {
    const scaler = fitStandardScaler(matrix);
    expect(() => applyStandardScaler({ values: new Float64Array(3), rows: 1, cols: 3 }, scaler)).toThrow(
      /scaler has 2 columns, the matrix has 3/,
    );
    expect(() => unstandardizeRow(scaler, [1])).toThrow(/expected 2/);
  });
});

test('standardize in place overwrites the input and gives the same values as a copy', () => {
  const values = Float64Array.of(1, 10, 2, 20, 4, 40);
  const copy = standardize({ values: Float64Array.from(values), rows: 3, cols: 2 });
  const input = { values, rows: 3, cols: 2 };
  const inPlace = standardize(input, { inPlace: true });
  expect(inPlace.matrix.values).toBe(values);
  expect(Array.from(values)).toEqual(Array.from(copy.matrix.values));
});

test('standardizedFeatureMatrix equals standardize(featureMatrixFromTable) bit for bit, and names bad columns', () => {
  const n = 1000;
  const wave = (f: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * f) * 7 + f);
  const table = {
    length: n,
    numeric: { energy: wave(0.37), loudness: wave(1.3), tempo: wave(0.011) },
    text: {},
    lists: {},
  };
  const features = ['energy', 'loudness', 'tempo'] as const;
  const fused = standardizedFeatureMatrix(table, features);
  const twoStep = standardize(featureMatrixFromTable(table, features));
  expect(fused.matrix.values).toEqual(twoStep.matrix.values);
  expect(fused.scaler.mean).toEqual(twoStep.scaler.mean);
  expect(fused.scaler.sd).toEqual(twoStep.scaler.sd);
  const withNaN = {
    ...table,
    numeric: { ...table.numeric, tempo: Float64Array.from(table.numeric.tempo).fill(NaN, 5, 6) },
  };
  expect(() => standardizedFeatureMatrix(withNaN, features)).toThrow(/'tempo' is NaN at row 5/);
  const flat = { ...table, numeric: { ...table.numeric, energy: new Float64Array(n).fill(0.5) } };
  expect(() => standardizedFeatureMatrix(flat, features)).toThrow(/'energy' is constant/);
});
