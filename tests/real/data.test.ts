/**
 * The loader on the real public files in ../shared/data. Expected counts are computed independently here with
 * pandas (Debian's /usr/bin/python3) applying the same documented rules, not typed in.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { loadTracks } from '../../src/data/load';

const DATA = path.resolve(__dirname, '../../../shared/data');

/** pandas: rows, and rows surviving the cleaning rules (name/album non-empty, year ≠ 0, tempo ≠ 0, BOUNDS, duration > 0). */
function pandasCounts(
  file: string,
  rename: Record<string, string>,
): { rows: number; kept: number; tempoZero: number; duplicateIds: number } {
  const script = `
import json, sys, numpy as np, pandas as pd
d = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=['']).rename(columns=json.loads(sys.argv[2]))
bounds = dict(danceability=(0,1), energy=(0,1), speechiness=(0,1), acousticness=(0,1), instrumentalness=(0,1),
  liveness=(0,1), valence=(0,1), loudness=(-60,10), tempo=(0,300), key=(-1,11), mode=(0,1), time_signature=(0,7),
  duration_ms=(0,86400000), year=(0,2100), popularity=(0,100), track_number=(0,10000), disc_number=(0,1000))
keep = pd.Series(True, index=d.index)
for c in ['name', 'album']:
    if c in d: keep &= d[c].fillna('').astype(str) != ''
keep &= (d['year'] != 0) & (d['tempo'] != 0) & (d['duration_ms'] > 0)
for c, (lo, hi) in bounds.items():
    if c in d: keep &= np.isfinite(d[c]) & d[c].between(lo, hi)
ids = d.loc[keep, 'id'].astype(str)
print(json.dumps(dict(rows=len(d), kept=int(keep.sum()), tempoZero=int((d['tempo'] == 0).sum()), duplicateIds=int(ids[ids != ''].duplicated().sum()))))
`;
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script, file, JSON.stringify(rename)], { encoding: 'utf8' }),
  );
}

test('tracks_features_real_subset.csv: renamed id/name, two extra columns', async () => {
  const file = path.join(DATA, 'tracks_features_real_subset.csv');
  const expected = pandasCounts(file, { track_id: 'id', track_name: 'name' });
  const loaded = await loadTracks(file);
  try {
    const r = loaded.report;
    expect(r.mapped).toEqual(
      expect.arrayContaining([
        { column: 'id', source: 'track_id' },
        { column: 'name', source: 'track_name' },
      ]),
    );
    expect(r.extra).toEqual(['liked_x', 'liked_y']);
    expect([r.rowsRead, r.rowsKept, r.rowsRejected, r.duplicateIds]).toEqual([
      expected.rows,
      expected.kept,
      0,
      expected.duplicateIds,
    ]);
    const first = (
      await loaded.connection.runAndReadAll(
        `SELECT artists, explicit, release_year FROM tracks WHERE id = '1wsRitfRRtWyEapl0q22o8'`,
      )
    ).getRowsJS();
    expect(first).toEqual([[['Rage Against The Machine'], true, 1999]]);
  } finally {
    loaded.close();
  }
});

test('spotify_600k_format_20k_real.csv: the 1921–2020 layout with popularity, plain artists, CRLF', async () => {
  const file = path.join(DATA, 'spotify_600k_format_20k_real.csv');
  const expected = pandasCounts(file, {});
  const loaded = await loadTracks(file);
  try {
    const r = loaded.report;
    expect(r.layout).toBe('spotify_1921_2020');
    expect(r.dialect?.newline).toBe('CRLF');
    expect(r.extra).toEqual(['artists_song']);
    expect([r.rowsRead, r.rowsKept, r.rowsRejected]).toEqual([expected.rows, expected.kept, 0]);
    expect(r.cleaning.byReason.tempo_zero).toBe(expected.tempoZero);
    expect(r.duplicateIds).toBe(expected.duplicateIds);
    const types = (
      await loaded.connection.runAndReadAll(`SELECT typeof(popularity), typeof(artists) FROM tracks LIMIT 1`)
    ).getRowsJS();
    expect(types).toEqual([['DOUBLE', 'VARCHAR[]']]);
    const coldplay = (
      await loaded.connection.runAndReadAll(`SELECT artists FROM tracks WHERE id = '3AJwUDP919kvQ9QcozQPxg'`)
    ).getRowsJS();
    expect(coldplay).toEqual([[['Coldplay']]]);
  } finally {
    loaded.close();
  }
});
