/**
 * The table's columns as raw files beside the track store: the same table as the store gives, bit for bit (NaN
 * for NULL included); read only whole and from the store it was written from; the store read once.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  cachedColumns,
  columnCacheDir,
  readColumnCache,
  writeColumnCache,
} from '../../src/data/column-cache';
import { writeDemoCsv } from '../../src/data/demo';
import { openTrackStore, type TrackStore } from '../../src/data/track-store';
import type { TrackTable } from '../../src/data/schema';

let work: string;
let store: TrackStore;
const COLUMNS = ['danceability', 'key', 'year', 'duration_min', 'explicit'];

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-columns-'));
  const file = path.join(work, 'tracks.csv');
  await writeDemoCsv(file, { rows: 500, seed: 4 });
  // One empty key (kept: no step computes with it): a NULL in the store, NaN in the table.
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const key = lines[0].split(',').indexOf('key');
  expect(key).toBeGreaterThan(0);
  lines[7] = lines[7]
    .split(',')
    .map((v, i) => (i === key ? '' : v))
    .join(',');
  fs.writeFileSync(file, lines.join('\n'));
  store = await openTrackStore(file, { cacheDir: path.join(work, 'cache') });
});
afterAll(() => {
  store?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const bytes = (t: TrackTable) =>
  COLUMNS.map((c) => {
    const a = c === 'explicit' ? t.explicit! : t.numeric[c as 'year']!;
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
  });

test('the first read goes to the store and writes the files; the next reads them, the same bytes', async () => {
  let reads = 0;
  const read = () => (reads++, store.toTable(COLUMNS));
  const first = await cachedColumns(store.file, COLUMNS, store.rowCount, read);
  const second = await cachedColumns(store.file, COLUMNS, store.rowCount, read);
  expect(reads).toBe(1);
  expect(second.length).toBe(store.rowCount);
  expect(bytes(second)).toEqual(bytes(first));
  expect(second.numeric.key!.some(Number.isNaN)).toBe(true);
  expect(Object.keys(second.numeric)).toEqual(Object.keys(first.numeric));
});

test('only whole columns are read: a missing or cut file sends the read back to the store', async () => {
  const dir = columnCacheDir(store.file);
  await cachedColumns(store.file, COLUMNS, store.rowCount, () => store.toTable(COLUMNS));
  expect(readColumnCache(dir, COLUMNS, store.rowCount)).not.toBeNull();
  expect(readColumnCache(dir, ['danceability', 'tempo'], store.rowCount)).toBeNull(); // tempo never written
  const year = path.join(dir, 'year.f64');
  fs.truncateSync(year, 8);
  expect(readColumnCache(dir, COLUMNS, store.rowCount)).toBeNull();
  expect(readColumnCache(dir, ['name'], store.rowCount)).toBeNull(); // text stays in DuckDB
  fs.rmSync(year);
});

test('a store written again gets a new folder: never the columns of the old one, whose folder goes', async () => {
  const read = () => store.toTable(COLUMNS);
  await cachedColumns(store.file, COLUMNS, store.rowCount, read);
  const dir = columnCacheDir(store.file);
  expect(fs.existsSync(dir)).toBe(true);
  const later = new Date(fs.statSync(store.file).mtimeMs + 5000);
  fs.utimesSync(store.file, later, later);
  const next = columnCacheDir(store.file);
  expect(next).not.toBe(dir);
  expect(readColumnCache(next, COLUMNS, store.rowCount)).toBeNull();
  await cachedColumns(store.file, COLUMNS, store.rowCount, read);
  expect(readColumnCache(next, COLUMNS, store.rowCount)).not.toBeNull();
  expect(fs.existsSync(dir)).toBe(false);
});

test('a disk that cannot take the files leaves no half-written file and costs only the speed-up', () => {
  const dir = path.join(work, 'not-a-folder');
  fs.writeFileSync(dir, 'a file where the folder would go');
  const table = { length: 2, numeric: { year: new Float64Array([1999, 2000]) }, text: {}, lists: {} };
  expect(writeColumnCache(dir, ['year'], table)).toBe(false);
  const full = path.join(work, 'full');
  fs.mkdirSync(full);
  fs.mkdirSync(path.join(full, 'year.f64')); // the rename onto a folder fails after the write
  expect(writeColumnCache(full, ['year'], table)).toBe(false);
  expect(fs.readdirSync(full)).toEqual(['year.f64']);
});
