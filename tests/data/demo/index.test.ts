import { createHash } from 'crypto';
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEMO_CSV_HEADER, generateDemoTable, writeDemoCsv, type DemoReport } from '../../../src/data/demo';
import { RAW_COLUMNS, column, textColumn } from '../../../src/data/schema';

const ROWS = 8_000;
const SEED = 3;
let dir: string;
let file: string;
let report: DemoReport;
const progress: [number, number][] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'demo-csv-'));
  file = join(dir, 'tracks_features.csv');
  report = await writeDemoCsv(file, { rows: ROWS, seed: SEED, onProgress: (d, t) => progress.push([d, t]) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('writeDemoCsv', () => {
  it('reports what it wrote, flagged synthetic, and reports progress up to the total', () => {
    expect(report).toMatchObject({ synthetic: true, path: file, rows: ROWS, seed: SEED });
    expect(report.dirtyRows).toEqual({ emptyName: 1, emptyAlbum: 1, yearZero: 1, tempoZero: 19 });
    expect(report.bytes).toBe(readFileSync(file).length);
    expect(progress[progress.length - 1]).toEqual([ROWS, ROWS]);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1][0])).toBe(true);
  });

  it('is deterministic: same seed and rows give a byte-identical file; another seed does not', async () => {
    const again = join(dir, 'again.csv');
    const other = join(dir, 'other.csv');
    await writeDemoCsv(again, { rows: ROWS, seed: SEED });
    await writeDemoCsv(other, { rows: ROWS, seed: SEED + 1 });
    expect(sha256(again)).toBe(sha256(file));
    expect(sha256(other)).not.toBe(sha256(file));
  });

  it('writes the 24-column header of tracks_features.csv and one line per row', () => {
    const text = readFileSync(file, 'utf8');
    expect(DEMO_CSV_HEADER).toBe(
      'id,name,album,album_id,artists,artist_ids,track_number,disc_number,explicit,danceability,energy,key,' +
        'loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,' +
        'time_signature,year,release_date',
    );
    expect(text.startsWith(`${DEMO_CSV_HEADER}\n`)).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').length - 2).toBe(ROWS);
  });

  it('reads back with DuckDB: the real types, the same values as generateDemoTable, the dirt counts', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const path = file.replace(/'/g, "''");
      const result = await connection.runAndReadAll(`SELECT * FROM read_csv('${path}', header = true)`);
      expect(result.columnNames()).toEqual([...RAW_COLUMNS]);
      const types = Object.fromEntries(
        result.columnNames().map((n, i) => [n, result.columnTypes()[i].toString()]),
      );
      expect(types).toMatchObject({
        explicit: 'BOOLEAN',
        danceability: 'DOUBLE',
        loudness: 'DOUBLE',
        time_signature: 'DOUBLE',
        track_number: 'BIGINT',
        duration_ms: 'BIGINT',
        year: 'BIGINT',
        release_date: 'VARCHAR',
      });
      const rows = result.getRowObjectsJS();
      expect(rows).toHaveLength(ROWS);
      const table = generateDemoTable({ rows: ROWS, seed: SEED });
      for (const i of [0, 1, 777, ROWS - 1]) {
        expect(rows[i].id).toBe(textColumn(table, 'id')[i]);
        expect(rows[i].name).toBe(textColumn(table, 'name')[i]);
        expect(rows[i].energy).toBe(column(table, 'energy')[i]);
        expect(rows[i].loudness).toBe(column(table, 'loudness')[i]);
        expect(Number(rows[i].duration_ms)).toBe(column(table, 'duration_ms')[i]);
        expect(rows[i].explicit).toBe(table.explicit![i] === 1);
      }
      const count = async (where: string): Promise<number> =>
        Number(
          (
            await connection.runAndReadAll(
              `SELECT count(*) FROM read_csv('${path}', header = true) WHERE ${where}`,
            )
          ).getRows()[0][0],
        );
      expect(await count('year = 0')).toBe(report.dirtyRows.yearZero);
      expect(await count('tempo = 0')).toBe(report.dirtyRows.tempoZero);
      expect(await count("coalesce(name, '') = ''")).toBe(report.dirtyRows.emptyName);
      expect(await count("coalesce(album, '') = ''")).toBe(report.dirtyRows.emptyAlbum);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it("is byte-for-byte what Python's csv writer and repr produce (lists via ast.literal_eval)", () => {
    // Re-writes every row with Python's csv module; each float with repr(float), each list with repr(list)
    // after ast.literal_eval. Any difference in quoting, float text or list syntax changes the bytes.
    const script = `
import ast, csv, io, sys
floats = {'danceability','energy','loudness','speechiness','acousticness','instrumentalness','liveness','valence','tempo','time_signature'}
ints = {'track_number','disc_number','key','mode','duration_ms','year'}
src = open(sys.argv[1], encoding='utf-8', newline='').read()
rows = list(csv.reader(io.StringIO(src)))
header = rows[0]
out = io.StringIO()
w = csv.writer(out, lineterminator='\\n')
w.writerow(header)
apostrophe_artists = 0
for r in rows[1:]:
    row = dict(zip(header, r))
    for c in floats: row[c] = repr(float(row[c]))
    for c in ints: row[c] = str(int(row[c]))
    for c in ('artists', 'artist_ids'):
        items = ast.literal_eval(row[c])
        assert isinstance(items, list) and all(isinstance(x, str) for x in items), row[c]
        row[c] = repr(items)
    names = ast.literal_eval(row['artists'])
    assert len(names) == len(ast.literal_eval(row['artist_ids']))
    apostrophe_artists += any("'" in n for n in names)
    assert row['explicit'] in ('True', 'False')
    w.writerow([row[c] for c in header])
print(out.getvalue() == src, len(rows) - 1, apostrophe_artists)
`;
    const [same, rows, apostrophes] = execFileSync('/usr/bin/python3', ['-c', script, file])
      .toString()
      .trim()
      .split(' ');
    expect(same).toBe('True');
    expect(Number(rows)).toBe(ROWS);
    expect(Number(apostrophes)).toBeGreaterThan(0);
  });

  it('says what was expected when options are wrong', async () => {
    await expect(writeDemoCsv(join(dir, 'x.csv'), { rows: 0 })).rejects.toThrow(
      /rows must be an integer in 1\.\./,
    );
    await expect(writeDemoCsv(join(dir, 'x.csv'), { rows: 1.5 })).rejects.toThrow(/rows must be an integer/);
    await expect(writeDemoCsv(join(dir, 'x.csv'), { seed: -1 })).rejects.toThrow(
      /seed must be an integer in 0\.\.4294967295/,
    );
    await expect(writeDemoCsv('', {})).rejects.toThrow(/expects a file path/);
    await expect(writeDemoCsv(join(dir, 'no-such-dir', 'x.csv'), { rows: 10 })).rejects.toThrow(/ENOENT/);
  });

  it('writes a clean file when dirt is off', async () => {
    const clean = await writeDemoCsv(join(dir, 'clean.csv'), { rows: 2000, seed: SEED, dirt: false });
    expect(clean.dirtyRows).toEqual({ emptyName: 0, emptyAlbum: 0, yearZero: 0, tempoZero: 0 });
  });
});
