import {
  ARTIST_NOTE,
  topAlbums,
  topAlbumsSql,
  topArtists,
  topArtistsSql,
} from '../../src/analysis/top-entities';
import type { TrackTable } from '../../src/data/schema';
import { duckdbWith, expectClose, randomTracks } from './fixtures';

const table: TrackTable = {
  length: 5,
  numeric: {},
  text: {
    album_id: ['x', 'x', 'y', 'z', ''],
    album: ['Hits', 'Hits', 'Hits', 'Solo', 'Loose'],
  },
  lists: { artists: [['A', 'B'], ['A'], ['B', 'A', 'A'], ['C'], ['']] },
};

describe('topArtists / topAlbums', () => {
  it('counts each real artist once per track, collaborations included', () => {
    const result = topArtists(table);
    expect(result.rows).toEqual([
      { name: 'A', tracks: 3 },
      { name: 'B', tracks: 2 },
      { name: 'C', tracks: 1 },
    ]);
    expect(result.distinct).toBe(3);
    expect(result.note).toBe(ARTIST_NOTE);
    expect(topArtists(table, { limit: 1 }).rows).toHaveLength(1);
  });

  it('keeps albums with the same title apart by album_id and skips empty ids', () => {
    const result = topAlbums(table);
    expect(result.rows).toEqual([
      { name: 'Hits', id: 'x', tracks: 2 },
      { name: 'Hits', id: 'y', tracks: 1 },
      { name: 'Solo', id: 'z', tracks: 1 },
    ]);
    expect(result.distinct).toBe(3);
    expect(result.totalTracks).toBe(5);
  });

  it('errors on an empty table, a missing column, or a bad limit', () => {
    expect(() => topArtists({ length: 0, numeric: {}, text: {}, lists: {} })).toThrow(/empty/);
    expect(() => topAlbums({ ...table, text: {} })).toThrow(/album_id/);
    expect(() => topArtists(table, { limit: 0 })).toThrow(/positive integer/);
  });

  it('DuckDB matches the reference, on the tiny table and a seeded one', async () => {
    for (const t of [table, randomTracks(300, 9)]) {
      const connection = await duckdbWith(t);
      expectClose(await topArtistsSql(connection, 'relation', { limit: 4 }), topArtists(t, { limit: 4 }), 0);
      expectClose(await topAlbumsSql(connection, 'relation', { limit: 5 }), topAlbums(t, { limit: 5 }), 0);
    }
  });
});
