/**
 * The lab table's columns (numeric and `explicit`) as raw files beside the track store, for notebook kernels.
 *
 * Every kernel that models reads the same 16 or 17 columns of the store. Through DuckDB's client API that is
 * one call per 2,048-row chunk: about 0.7 s of calls at 1.2M rows before any copying, 1.0-1.3 s in all, where
 * DuckDB itself scans the columns in 30 ms. Here the first kernel writes each column's bytes once (Float64
 * or 0/1 bytes, as the table holds them), and the next ones read each with one read call.
 *
 * The files are a copy of what the store gives, in this machine's byte order, in a folder named by the store
 * file's size and time: a store written again (refresh, a new loader) never meets columns of the old one. A
 * file of the wrong size is not used, and a disk that cannot take them only costs the speed-up.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { NumericColumn, TrackTable } from './schema';

/** The column files' folder for the store database `storeFile`. */
export function columnCacheDir(storeFile: string): string {
  const stat = fs.statSync(storeFile);
  return `${storeFile}.columns-${stat.size}-${Math.round(stat.mtimeMs)}`;
}

const fileOf = (dir: string, column: string) =>
  path.join(dir, column === 'explicit' ? 'explicit.u8' : `${column}.f64`);

/** The table's array of `column`: numeric ones and `explicit` (text and lists stay in DuckDB, never cached). */
const arrayOf = (table: TrackTable, column: string): Float64Array | Uint8Array | undefined =>
  column === 'explicit' ? table.explicit : table.numeric[column as NumericColumn];

/** Fills `array` from `file` if it holds exactly its bytes. */
function readExactly(file: string, array: Float64Array | Uint8Array): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    if (fs.fstatSync(fd).size !== array.byteLength) return false;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let done = 0; done < bytes.length;) {
      const n = fs.readSync(fd, bytes, done, bytes.length - done, done);
      if (n <= 0) return false;
      done += n;
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The table of `columns` (`rows` rows) from the cache, or null when any column is not there whole (a text
 * column never is: writeColumnCache takes only numeric columns and `explicit`).
 */
export function readColumnCache(dir: string, columns: readonly string[], rows: number): TrackTable | null {
  const numeric: Partial<Record<NumericColumn, Float64Array>> = {};
  let explicit: Uint8Array | undefined;
  for (const c of columns) {
    const array = c === 'explicit' ? new Uint8Array(rows) : new Float64Array(rows);
    if (!readExactly(fileOf(dir, c), array)) return null;
    if (array instanceof Uint8Array) explicit = array;
    else numeric[c as NumericColumn] = array;
  }
  return { length: rows, numeric, text: {}, lists: {}, explicit };
}

/**
 * Writes the table's `columns` to the cache (each renamed into place when complete) and removes the folders of
 * the store's earlier versions; false if it could not write (nothing half-written is left).
 */
export function writeColumnCache(dir: string, columns: readonly string[], table: TrackTable): boolean {
  const arrays = columns.map((c) => arrayOf(table, c));
  if (arrays.some((a) => a === undefined)) return false;
  let tmp: string | null = null;
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const [i, c] of columns.entries()) {
      const array = arrays[i]!;
      const file = fileOf(dir, c);
      tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      fs.renameSync(tmp, file);
      tmp = null;
    }
  } catch {
    if (tmp !== null) fs.rmSync(tmp, { force: true });
    return false;
  }
  removeEarlierVersions(dir);
  return true;
}

/** The folders of the same store file's earlier versions (a refresh rewrote it): 160 MB each at 1.2M rows. */
function removeEarlierVersions(dir: string): void {
  const name = path.basename(dir);
  const prefix = name.slice(0, name.lastIndexOf('.columns-') + '.columns-'.length);
  try {
    for (const other of fs.readdirSync(path.dirname(dir)))
      if (other.startsWith(prefix) && other !== name)
        fs.rmSync(path.join(path.dirname(dir), other), { recursive: true, force: true });
  } catch {
    // Only disk space is at stake.
  }
}

/**
 * The table of `columns` of the store `storeFile` (`rows` rows): from the cache when it holds them all, else
 * `read()` from the store and written to the cache for the next process.
 */
export async function cachedColumns(
  storeFile: string,
  columns: readonly string[],
  rows: number,
  read: () => Promise<TrackTable>,
): Promise<TrackTable> {
  const dir = columnCacheDir(storeFile);
  const cached = readColumnCache(dir, columns, rows);
  if (cached) return cached;
  const table = await read();
  if (table.length === rows) writeColumnCache(dir, columns, table);
  return table;
}
