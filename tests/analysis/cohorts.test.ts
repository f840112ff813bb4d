import type { DuckDBConnection } from '@duckdb/node-api';
import {
  compareCohorts,
  compareCohortsSql,
  MAX_GENRE_SEGMENTS,
  type CohortSplit,
} from '../../src/analysis/cohorts';
import { takeRows, type TrackTable } from '../../src/data/schema';
import { duckdbWith, expectClose, randomTracks } from './fixtures';

const table: TrackTable = {
  length: 4,
  numeric: {
    year: Float64Array.from([1991, 1999, 2003, 2010]),
    energy: Float64Array.from([0.2, 0.4, 0.6, 0.8]),
  },
  text: { genre: ['pop', 'rock', 'pop', 'pop'] },
  lists: {},
  explicit: Uint8Array.from([1, 0, 0, 0]),
};
const features = ['energy'] as const;
// Overall: mean 0.5, sample sd = sqrt(0.2 / 3).
const sd = Math.sqrt(0.2 / 3);

describe('compareCohorts', () => {
  it('compares decades: mean, n, difference and standardized effect', () => {
    const result = compareCohorts(table, { kind: 'decade' }, { features });
    expect(result.overall.mean[0]).toBeCloseTo(0.5, 12);
    expect(result.overall.sd[0]).toBeCloseTo(sd, 12);
    expect(result.segments.map((s) => [s.key, s.n])).toEqual([
      ['1990', 2],
      ['2000', 1],
      ['2010', 1],
    ]);
    expect(result.segments[0].mean[0]).toBeCloseTo(0.3, 12);
    expect(result.segments[0].diff[0]).toBeCloseTo(-0.2, 12);
    expect(result.segments[0].effect[0]).toBeCloseTo(-0.2 / sd, 12);
  });

  it('segments by explicit, genre (largest first) and cluster labels', () => {
    expect(compareCohorts(table, { kind: 'explicit' }, { features }).segments.map((s) => s.key)).toEqual([
      'clean',
      'explicit',
    ]);
    const genre = compareCohorts(table, { kind: 'genre' }, { features });
    expect(genre.segments.map((s) => [s.key, s.n])).toEqual([
      ['pop', 3],
      ['rock', 1],
    ]);
    const cluster = compareCohorts(
      table,
      { kind: 'cluster', labels: Int32Array.from([2, 0, 2, 0]) },
      { features },
    );
    expect(cluster.segments.map((s) => s.key)).toEqual(['0', '2']);
    expect(cluster.segments[0].mean[0]).toBeCloseTo(0.6, 12);
  });

  it('errors clearly on bad input', () => {
    expect(() => compareCohorts(table, { kind: 'cluster', labels: new Int32Array(3) }, { features })).toThrow(
      /one label per row \(4\)/,
    );
    expect(() => compareCohorts({ ...table, text: {} }, { kind: 'genre' }, { features })).toThrow(
      /'genre' is not loaded/,
    );
    const flat = { ...table, numeric: { ...table.numeric, energy: new Float64Array(4).fill(0.5) } };
    expect(() => compareCohorts(flat, { kind: 'decade' }, { features })).toThrow(/'energy' is constant/);
  });

  describe('DuckDB matches the plain-TS reference', () => {
    const tracks = randomTracks(300, 21, true);
    const labels = Int32Array.from({ length: 300 }, (_, i) => (i * 7) % 5);
    const splits: CohortSplit[] = [
      { kind: 'decade' },
      { kind: 'explicit' },
      { kind: 'genre' },
      { kind: 'cluster', labels },
    ];
    let connection: DuckDBConnection;
    beforeAll(async () => {
      connection = await duckdbWith(tracks);
    });
    it.each(splits.map((s) => [s.kind, s] as const))('%s', async (_, split) => {
      expectClose(await compareCohortsSql(connection, 'relation', split), compareCohorts(tracks, split));
      // The temporary labels table is gone afterwards.
      const left = await connection.runAndReadAll(
        `SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE '__cohort%'`,
      );
      expect(left.getRowObjectsJS()[0].n).toBe(0);
    });
    it('aligns cluster labels by row position after rows were deleted (rowid gaps)', async () => {
      const gappy = await duckdbWith(tracks);
      await gappy.run('DELETE FROM relation WHERE rowid % 7 = 3');
      const kept = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 7 !== 3);
      const table = takeRows(tracks, kept);
      const split: CohortSplit = { kind: 'cluster', labels: Int32Array.from(kept, (i) => labels[i]) };
      expectClose(await compareCohortsSql(gappy, 'relation', split), compareCohorts(table, split));
    });
    it('rejects labels of the wrong length', async () => {
      await expect(
        compareCohortsSql(connection, 'relation', { kind: 'cluster', labels: new Int32Array(5) }),
      ).rejects.toThrow(/one label per row \(300\)/);
    });
  });
});

describe('genre cohorts on real layouts', () => {
  const features = ['energy'] as const;
  const genres = (list: string[]) => ({
    length: list.length,
    numeric: { energy: Float64Array.from(list, (_, i) => (i % 7) / 7) },
    text: { genre: list },
    lists: {},
  });

  it('count a track under the first genre of a list, and leave tracks with no genre out of the segments', () => {
    // Exportify's Genres: "hip hop,rap", many blank; songs_normalize.csv: "rock, pop" and set() for none.
    const table = genres(['hip hop,rap', '', 'rock, pop', 'rock', 'set()', 'hip hop', ' ', 'pop']);
    const cohorts = compareCohorts(
      table as unknown as TrackTable,
      { kind: 'genre' },
      { features: [...features] },
    );
    expect(cohorts.segments.map((s) => [s.key, s.n])).toEqual([
      ['hip hop', 2],
      ['rock', 2],
      ['pop', 1],
    ]);
    expect(cohorts.overall.n).toBe(8);
  });

  it('DuckDB agrees on lists and blanks', async () => {
    const table = genres([
      'hip hop,rap',
      'nan',
      'rock, pop',
      'rock',
      'set()',
      'hip hop',
      ' ',
      'pop',
    ]) as unknown as TrackTable;
    const connection = await duckdbWith(table);
    expectClose(
      await compareCohortsSql(connection, 'relation', { kind: 'genre' }, { features: [...features] }),
      compareCohorts(table, { kind: 'genre' }, { features: [...features] }),
    );
  });

  it('show the largest MAX_GENRE_SEGMENTS genres and count the rest (the 114k file has 114)', () => {
    const list = Array.from({ length: 600 }, (_, i) => `g${String(i % 40).padStart(2, '0')}`);
    const cohorts = compareCohorts(
      genres(list) as unknown as TrackTable,
      { kind: 'genre' },
      { features: [...features] },
    );
    expect(cohorts.segments.length).toBe(MAX_GENRE_SEGMENTS);
    expect(cohorts.omitted).toEqual({
      segments: 40 - MAX_GENRE_SEGMENTS,
      n: 600 - cohorts.segments.reduce((a, s) => a + s.n, 0),
    });
  });
});
