import { buildTrackSample } from '../../src/report/track-sample';
import { fixtureTable } from '../helpers/dashboard-input';

test('a seeded sample with the loaded columns and the extra ones, reproducible', () => {
  const table = fixtureTable();
  const extra = {
    cluster: { label: 'Cluster', values: Array.from({ length: table.length }, (_, i) => i % 3), digits: 0 },
  };
  const a = buildTrackSample(table, { size: 10, seed: 3, extra });
  expect(a.columns.map((c) => c.key)).toEqual([
    'id',
    'name',
    'artists',
    'album',
    'year',
    'danceability',
    'energy',
    'loudness',
    'speechiness',
    'acousticness',
    'instrumentalness',
    'liveness',
    'valence',
    'tempo',
    'duration_min',
    'cluster',
  ]);
  expect(a.rows).toHaveLength(10);
  expect(a.populationRows).toBe(60);
  expect(buildTrackSample(table, { size: 10, seed: 3, extra })).toEqual(a);
  expect(buildTrackSample(table, { size: 10, seed: 4, extra }).rows).not.toEqual(a.rows);
  // Each sampled row is the table's row with that id.
  for (const row of a.rows) {
    const r = Number(String(row[0]).slice(2));
    expect(row[6]).toBeCloseTo(table.numeric.energy![r], 9);
    expect(row[15]).toBe(r % 3);
  }
});

test('numbers keep the six decimals the source file prints; missing numbers become null', () => {
  const table = {
    length: 2,
    numeric: { energy: Float64Array.from([0.1234567891, NaN]) },
    text: {},
    lists: {},
  };
  expect(buildTrackSample(table, { size: 2, seed: 1 }).rows).toEqual([[0.123457], [null]]);
});

test('bad options say what was expected', () => {
  const table = fixtureTable();
  expect(() => buildTrackSample(table, { size: 0, seed: 1 })).toThrow(/positive integer/);
  expect(() => buildTrackSample(table, { seed: 1, extra: { x: { label: 'X', values: [1, 2] } } })).toThrow(
    /one per table row \(60\)/,
  );
});
