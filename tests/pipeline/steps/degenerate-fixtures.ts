/**
 * Small tracks files in the 1.2M layout, written by the test itself (seeded), with columns dropped or
 * overridden to make the degenerate cases a real user brings: one row, no explicit, no album, a constant
 * column, a rule that promotes none or all. Names are plain words, so dropping a column is a string join.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RAW_COLUMNS } from '../../../src/data/schema';
import { createRandom } from '../../../src/util/random';

export interface FixtureSpec {
  rows: number;
  seed?: number;
  /** Columns left out of the file. */
  drop?: readonly string[];
  /** Per-column value overrides (row index → cell text). */
  set?: Record<string, (i: number) => string | number>;
  /** Columns added after the 1.2M layout's (their values come from `set`). */
  extra?: readonly string[];
}

/** One seeded row of the 1.2M layout, with loosely realistic correlations (energy ~ loudness). */
function row(i: number, r: ReturnType<typeof createRandom>): Record<string, string | number> {
  const energy = r.next();
  const round = (x: number) => +x.toFixed(4);
  const year = 1960 + r.int(60);
  const artist = `Artist ${r.int(12)}`;
  return {
    id: `id${String(i).padStart(6, '0')}`,
    name: `Song ${i}`,
    album: `Album ${r.int(25)}`,
    album_id: `al${r.int(25)}`,
    artists: `['${artist}']`,
    artist_ids: `['a${artist.slice(7)}']`,
    track_number: 1 + r.int(12),
    disc_number: 1,
    explicit: r.next() < 0.2 ? 'True' : 'False',
    danceability: round(r.next()),
    energy: round(energy),
    key: r.int(12),
    loudness: round(-30 + 25 * energy + 3 * r.normal()),
    mode: r.int(2),
    speechiness: round(0.3 * r.next()),
    acousticness: round(Math.min(1, Math.max(0, 1 - energy + 0.2 * r.normal()))),
    instrumentalness: round(r.next() < 0.7 ? 0.001 * r.next() : r.next()),
    liveness: round(0.05 + 0.6 * r.next()),
    valence: round(r.next()),
    tempo: round(70 + 110 * r.next()),
    duration_ms: 120000 + r.int(180000),
    time_signature: 4.0,
    year,
    release_date: `${year}-0${1 + r.int(9)}-1${r.int(9)}`,
  };
}

/** Writes the fixture and returns its path. */
export function writeFixture(dir: string, name: string, spec: FixtureSpec): string {
  const r = createRandom(spec.seed ?? 7);
  const columns = [...RAW_COLUMNS, ...(spec.extra ?? [])].filter((c) => !(spec.drop ?? []).includes(c));
  const quote = (v: string | number) =>
    typeof v === 'string' && /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const lines = [columns.join(',')];
  for (let i = 0; i < spec.rows; i++) {
    const values = row(i, r);
    for (const [c, f] of Object.entries(spec.set ?? {})) values[c] = f(i);
    lines.push(columns.map((c) => quote(values[c])).join(','));
  }
  const file = path.join(dir, `${name}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
