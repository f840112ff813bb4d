import { checkFeatures, featureMatrix, featureRow, labelsAt } from '../../src/model/features';
import type { TrackTable } from '../../src/data/schema';

const table: TrackTable = {
  length: 3,
  numeric: {
    energy: Float64Array.from([0.1, 0.2, 0.3]),
    duration_ms: Float64Array.from([60000, 120000, 90000]),
    year: Float64Array.from([2000, NaN, 2002]),
  },
  text: {},
  lists: {},
};

test('row-major layout in the requested order, NaN kept, duration_min derived from duration_ms', () => {
  const m = featureMatrix(table, ['year', 'energy', 'duration_min']);
  expect(m).toMatchObject({ rows: 3, cols: 3, features: ['year', 'energy', 'duration_min'] });
  expect(Array.from(m.data)).toEqual([
    2000,
    Math.fround(0.1),
    1,
    NaN,
    Math.fround(0.2),
    2,
    2002,
    Math.fround(0.3),
    1.5,
  ]);
  expect(featureRow(featureMatrix(table, ['energy', 'year'], [2, 0]), 0)).toEqual([Math.fround(0.3), 2002]);
  expect(Array.from(labelsAt([1, 0, 1], [2, 1]))).toEqual([1, 0]);
});

test('missing, repeated or no features are clear errors', () => {
  expect(() => checkFeatures(table, ['energy', 'valence', 'tempo'])).toThrow(
    /lacks feature column\(s\) valence, tempo; it has: energy, duration_ms, year/,
  );
  expect(() => checkFeatures(table, ['energy', 'energy'])).toThrow(/repeated: energy/);
  expect(() => checkFeatures(table, [])).toThrow(/at least one feature/);
});
