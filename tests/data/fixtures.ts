/** Small CSV fixtures in the 1.2M layout, written to a fresh temp dir by each test. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RAW_COLUMNS } from '../../src/data/schema';

export type Row = Partial<Record<(typeof RAW_COLUMNS)[number], string>>;

/** A valid row: override any field (already CSV-encoded). */
export function row(overrides: Row = {}, n = 1): Row {
  return {
    id: `id${n}`,
    name: `Song ${n}`,
    album: `Album ${n}`,
    album_id: `al${n}`,
    artists: `['Artist ${n}']`,
    artist_ids: `['a${n}']`,
    track_number: '1',
    disc_number: '1',
    explicit: 'False',
    danceability: '0.5',
    energy: '0.6',
    key: '5',
    loudness: '-7.5',
    mode: '1',
    speechiness: '0.05',
    acousticness: '0.2',
    instrumentalness: '0.0',
    liveness: '0.1',
    valence: '0.4',
    tempo: '120.0',
    duration_ms: '200000',
    time_signature: '4.0',
    year: '1999',
    release_date: '1999-11-02',
    ...overrides,
  };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'data-test-'));
}

/** CSV text of `rows` in the 1.2M layout (fields are written as given: quote them yourself). */
export function csvText(rows: Row[], newline = '\n'): string {
  const lines = [RAW_COLUMNS.join(','), ...rows.map((r) => RAW_COLUMNS.map((c) => r[c] ?? '').join(','))];
  return lines.join(newline) + newline;
}

/** Write `content` to a fresh temp file and return its path. */
export function writeFixture(content: string | Buffer, name = 'tracks.csv'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}
