import type { DuckDBConnection } from '@duckdb/node-api';
import type { TrackTable } from '../../src/data/schema';
import {
  decadeMeans,
  decadeMeansSql,
  periodMeans,
  periodMeansSql,
  yearlyMeans,
  yearlyMeansSql,
} from '../../src/analysis/period-means';
import { duckdbWith, expectClose, randomTracks } from './fixtures';

function tiny(): TrackTable {
  return {
    length: 5,
    numeric: {
      year: Float64Array.from([1990, 1990, 1995, 2001, 2001]),
      energy: Float64Array.from([0.2, 0.4, 0.9, 0.5, 0.7]),
    },
    text: {},
    lists: {},
  };
}

describe('periodMeans', () => {
  it('computes yearly means, counts, sample sd and the 1.96 interval', () => {
    const result = yearlyMeans(tiny(), { features: ['energy'] });
    expect(result.periods).toEqual([1990, 1995, 2001]);
    expect(result.counts).toEqual([2, 1, 2]);
    const energy = result.features[0];
    expect(energy.mean[0]).toBeCloseTo(0.3, 12);
    expect(energy.sd[0]).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(energy.upper[0]).toBeCloseTo(0.3 + (1.96 * Math.sqrt(0.02)) / Math.sqrt(2), 12);
    expect(energy.lower[2]).toBeCloseTo(0.6 - (1.96 * Math.sqrt(0.02)) / Math.sqrt(2), 12);
    // One track: no spread to speak of, so no interval.
    expect(energy.sd[1]).toBeNaN();
    expect(energy.upper[1]).toBeNaN();
  });

  it('groups decades by floor(year / 10) · 10 and honours minTracks', () => {
    const result = decadeMeans(tiny(), { features: ['energy'] });
    expect(result.periods).toEqual([1990, 2000]);
    expect(result.counts).toEqual([3, 2]);
    expect(result.features[0].mean[0]).toBeCloseTo(0.5, 12);
    expect(yearlyMeans(tiny(), { features: ['energy'], minTracks: 2 }).periods).toEqual([1990, 2001]);
  });

  it('refuses NaN, empty tables and bad options with clear errors', () => {
    const t = tiny();
    t.numeric.energy![3] = NaN;
    expect(() => yearlyMeans(t, { features: ['energy'] })).toThrow(
      /'energy' has a missing \(NaN\) value at row 3/,
    );
    expect(() => yearlyMeans({ length: 0, numeric: {}, text: {}, lists: {} })).toThrow(/empty/);
    expect(() => periodMeans(tiny(), { features: ['energy'], periodYears: 0 })).toThrow(/positive integer/);
    expect(() => yearlyMeans(tiny(), { features: ['valence'] })).toThrow(/'valence' is not loaded/);
  });

  describe('DuckDB matches the plain-TS reference', () => {
    const table = randomTracks(300, 11);
    let connection: DuckDBConnection;
    beforeAll(async () => {
      connection = await duckdbWith(table);
    });
    it('yearly', async () => {
      expectClose(await yearlyMeansSql(connection, 'relation'), yearlyMeans(table));
    });
    it('decades with extra features and a wider z', async () => {
      const options = { features: ['tempo', 'duration_min', 'loudness'] as const, z: 2.58, minTracks: 3 };
      expectClose(await decadeMeansSql(connection, 'relation', options), decadeMeans(table, options));
    });
    it('5-year periods', async () => {
      expectClose(
        await periodMeansSql(connection, 'relation', { periodYears: 5 }),
        periodMeans(table, { periodYears: 5 }),
      );
    });
    it('errors on a missing column or NULLs', async () => {
      await expect(yearlyMeansSql(connection, 'relation', { features: ['popularity'] })).rejects.toThrow(
        /no column 'popularity'/,
      );
      await connection.run('CREATE TABLE holes AS SELECT * FROM relation');
      await connection.run('UPDATE holes SET energy = NULL WHERE rowid < 2');
      await expect(yearlyMeansSql(connection, 'holes')).rejects.toThrow(/'energy' has 2 missing/);
      await connection.run('CREATE TABLE nothing AS SELECT * FROM relation LIMIT 0');
      await expect(yearlyMeansSql(connection, 'nothing')).rejects.toThrow(/empty/);
    });
  });
});
