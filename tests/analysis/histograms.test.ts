import type { DuckDBConnection } from '@duckdb/node-api';
import { FEATURE_BINS, histograms, histogramsSql } from '../../src/analysis/histograms';
import { duckdbWith, expectClose, randomTracks } from './fixtures';

const table = {
  length: 7,
  numeric: {
    energy: Float64Array.from([0, 0.05, 0.049, 0.5, 1, 0.999, 0.3]),
    tempo: Float64Array.from([0, 10, 305, 150, 299, 300, 9.99]),
  },
  text: {},
  lists: {},
};

describe('histograms', () => {
  it('puts values on fixed bins: lower edge inclusive, hi in the last bin, outside counted apart', () => {
    const [energy, tempo] = histograms(table, { features: ['energy', 'tempo'] });
    expect(energy.edges).toHaveLength(21);
    expect(energy.edges[1]).toBeCloseTo(0.05, 15);
    expect(energy.counts[0]).toBe(2); // 0 and 0.049
    expect(energy.counts[1]).toBe(1); // 0.05
    expect(energy.counts[10]).toBe(1); // 0.5
    expect(energy.counts[19]).toBe(2); // 0.999 and 1
    expect(energy.counts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(tempo.above).toBe(1);
    expect(tempo.counts[0]).toBe(2);
    expect(tempo.counts[29]).toBe(2);
    expect(tempo.total).toBe(7);
  });

  it('documents a bin spec for every numeric column and accepts overrides', () => {
    expect(FEATURE_BINS.loudness).toEqual({ lo: -60, hi: 10, bins: 28 });
    const [energy] = histograms(table, {
      features: ['energy'],
      bins: { energy: { lo: 0, hi: 0.5, bins: 2 } },
    });
    expect(energy.counts).toEqual([3, 2]);
    expect(energy.above).toBe(2);
    expect(() =>
      histograms(table, { features: ['energy'], bins: { energy: { lo: 1, hi: 0, bins: 2 } } }),
    ).toThrow(/lo < hi/);
  });

  describe('DuckDB matches the plain-TS reference', () => {
    const tracks = randomTracks(400, 3);
    let connection: DuckDBConnection;
    beforeAll(async () => {
      connection = await duckdbWith(tracks);
    });
    it('all audio features plus year and duration', async () => {
      const options = {
        features: ['danceability', 'energy', 'loudness', 'tempo', 'year', 'duration_min'] as const,
      };
      expectClose(await histogramsSql(connection, 'relation', options), histograms(tracks, options), 0);
    });
    it('edge values and out-of-range values land identically', async () => {
      const edgy = await duckdbWith(table as never);
      const options = { features: ['energy', 'tempo'] as const };
      expectClose(await histogramsSql(edgy, 'relation', options), histograms(table, options), 0);
    });
  });
});
