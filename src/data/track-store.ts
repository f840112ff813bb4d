/**
 * The cleaned tracks, stored once per data content: the first process that loads a file (`loadTracks`: parse,
 * map, clean) also writes the cleaned table to a DuckDB database file in the cache, named by the file's content
 * fingerprint; every later process — each notebook kernel, the next `lab run` — attaches that file read-only
 * instead of parsing the CSV again. The table keeps file order (rowids 0..n−1 in order), which every seeded
 * step depends on.
 *
 * The connection is an in-memory DuckDB with the store attached and selected (`USE store`), so `tracks`
 * names the cleaned table and TEMP tables (step results for lab.sql) can still be created beside it.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { withFileLock } from '../util/file-lock';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  availableTableReader,
  loadTracks,
  LOAD_DEFAULTS,
  type LoadedColumn,
  type LoadedTracks,
} from './load';
import type { LoadReport } from './load-report';
import { lit } from './load-sql';
import { readTrackTable } from './to-table';
import type { TrackTable } from './schema';
import type { OnProgress } from '../util/progress';

/** Bump when the cleaned table's contract (load.ts) changes, so old stores are not opened. */
export const TRACK_STORE_VERSION = 2;

/**
 * A hash of the loader's source files (the .ts files directly in `dir`). It is part of every store's name and of
 * the fingerprint step keys hold, so after an upgrade (or an edit to the loader) a cache never serves a table
 * cleaned by other code, nor step results computed on one; a hand-bumped version alone was forgotten.
 */
export function loaderSourceVersion(dir: string = __dirname): string {
  const hash = createHash('sha1');
  try {
    for (const name of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort())
      hash
        .update(name)
        .update('\0')
        .update(fs.readFileSync(path.join(dir, name)))
        .update('\0');
  } catch {
    return 'nosrc';
  }
  return hash.digest('hex').slice(0, 10);
}

export interface TrackStoreOptions {
  /** Folder of the stores (and of the fingerprint memo). */
  cacheDir: string;
  /** Parse the file again and rewrite its store. Default: false. */
  refresh?: boolean;
  /** Progress of the loading scan (only when the file is parsed). */
  onProgress?: OnProgress;
}

export interface TrackStore extends LoadedTracks {
  /** Content fingerprint of the data file (see contentFingerprint), then the loader's source version. */
  fingerprint: string;
  /** The database file holding the cleaned table. */
  file: string;
  /** 'parsed': this process read the data file (and wrote the store); 'opened': it attached the stored table. */
  origin: 'parsed' | 'opened';
}

/**
 * A fingerprint of what the file holds, not where it is: SHA-1 of its bytes (≈0.3 s per 300 MB). Memoised per
 * (path, size, mtime, inode) in `cacheDir`, so a kernel pays it once per file version, not once per open.
 */
export function contentFingerprint(file: string, cacheDir?: string): string {
  const stat = fs.statSync(file);
  const id = createHash('sha1')
    .update(`${path.resolve(file)}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}`)
    .digest('hex')
    .slice(0, 16);
  const memo = cacheDir && path.join(cacheDir, 'fingerprints', `${id}.txt`);
  if (memo && fs.existsSync(memo)) return fs.readFileSync(memo, 'utf8').trim();
  const hash = createHash('sha1');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(4 << 20);
    for (
      let n = fs.readSync(fd, buffer, 0, buffer.length, null);
      n > 0;
      n = fs.readSync(fd, buffer, 0, buffer.length, null)
    )
      hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  const fingerprint = `${hash.digest('hex').slice(0, 20)}-${stat.size}`;
  if (memo) writeAtomically(memo, fingerprint);
  return fingerprint;
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** The store's files for a fingerprint. */
export function storePaths(cacheDir: string, fingerprint: string): { db: string; report: string } {
  const base = path.join(cacheDir, `tracks-v${TRACK_STORE_VERSION}-${fingerprint}`);
  return { db: `${base}.duckdb`, report: `${base}.report.json` };
}

/** The cleaned tracks of `dataFile`: from its store when there is one, else parsed (and stored). */
export async function openTrackStore(dataFile: string, options: TrackStoreOptions): Promise<TrackStore> {
  fs.mkdirSync(options.cacheDir, { recursive: true });
  const fingerprint = `${contentFingerprint(dataFile, options.cacheDir)}-${loaderSourceVersion()}`;
  const paths = storePaths(options.cacheDir, fingerprint);
  const stored = async (): Promise<TrackStore | null> => {
    if (!fs.existsSync(paths.db) || !fs.existsSync(paths.report)) return null;
    try {
      return await attachStore(paths, fingerprint);
    } catch {
      return null; // a store another version or a crash left unreadable: parse again and replace it
    }
  };
  const before = options.refresh ? null : await stored();
  if (before) return before;
  // Kernels opening the lab side by side parse the file once: the others wait, then open what it stored.
  return withFileLock(`${paths.db}.lock`, async () => {
    const meanwhile = options.refresh ? null : await stored();
    if (meanwhile) return meanwhile;
    const loaded = await loadTracks(dataFile, { onProgress: options.onProgress });
    try {
      await writeStore(loaded, paths);
    } finally {
      loaded.close();
    }
    // Read back through the store like every later process, so row positions are rowids 0..n−1 everywhere.
    return { ...(await attachStore(paths, fingerprint)), origin: 'parsed' as const };
  });
}

/** Copies the loaded table, in file order, into a new database file; renamed into place when complete. */
async function writeStore(loaded: LoadedTracks, paths: { db: string; report: string }): Promise<void> {
  const tmp = `${paths.db}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  const c = loaded.connection;
  await c.run(`ATTACH ${lit(tmp)} AS store_out`);
  try {
    await c.run(`CREATE TABLE store_out.tracks AS SELECT * FROM "${loaded.relation}" ORDER BY rowid`);
  } finally {
    await c.run('DETACH store_out');
  }
  // The report first: a store is only used when both files exist, and the database's rename is the commit.
  writeAtomically(paths.report, JSON.stringify(loaded.report));
  fs.renameSync(tmp, paths.db);
}

async function attachStore(paths: { db: string; report: string }, fingerprint: string): Promise<TrackStore> {
  const report = JSON.parse(fs.readFileSync(paths.report, 'utf8')) as LoadReport;
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(LOAD_DEFAULTS.threads),
    memory_limit: LOAD_DEFAULTS.memoryLimit,
  });
  const connection = await instance.connect();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await connection.run(`ATTACH ${lit(paths.db)} AS store (READ_ONLY)`);
    await connection.run('USE store');
    const relation = LOAD_DEFAULTS.relation;
    const columns = (await connection.runAndReadAll(`SELECT * FROM "${relation}" LIMIT 0`)).columnNames();
    const rowCount = Number(
      (await connection.runAndReadAll(`SELECT count(*) FROM "${relation}"`)).getRows()[0][0],
    );
    if (rowCount !== report.rowsKept)
      throw new Error(`track store ${paths.db} holds ${rowCount} rows, its report says ${report.rowsKept}`);
    return {
      connection,
      relation,
      rowCount,
      report,
      // v2: columns the file lacks are NULL and `available` lists the rest (load.ts).
      available: new Set(report.available as LoadedColumn[]),
      toTable: availableTableReader(connection, relation, new Set(report.available), columns),
      close,
      fingerprint,
      file: paths.db,
      origin: 'opened',
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** A query's answer, by column: names, DuckDB type names, JS values (BIGINT as number when exact). */
export interface QueryColumns {
  names: string[];
  types: string[];
  columns: unknown[][];
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v;
}

/** Runs one read query (the user's SQL) on the store's connection. */
export async function queryColumns(connection: DuckDBConnection, sql: string): Promise<QueryColumns> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map(String);
  // An empty answer has no chunks, so DuckDB returns no column arrays at all: one empty array per name.
  const raw = reader.getColumnsJS();
  const columns = names.map((_, j) => (raw[j] ?? []).map(plainValue));
  return { names, types, columns };
}

/** Rows `rows` (ascending positions) of the stored table, every column a TrackTable holds. */
export async function readStoredRows(
  store: Pick<TrackStore, 'connection' | 'relation' | 'rowCount'>,
  rows: Uint32Array,
  columns: readonly string[],
): Promise<TrackTable> {
  for (let i = 1; i < rows.length; i++)
    if (rows[i] <= rows[i - 1]) throw new Error('rows must be ascending and distinct');
  if (rows.length > 0 && rows[rows.length - 1] >= store.rowCount)
    throw new Error(`row ${rows[rows.length - 1]} is past the table's ${store.rowCount} rows`);
  // The store's rowids are the row positions 0..n−1 (written in file order).
  const view = `rows_view_${++rowViews}`;
  await store.connection.run(
    `CREATE OR REPLACE TEMP VIEW "${view}" AS SELECT * FROM "${store.relation}"
       WHERE rowid IN (SELECT unnest([${Array.from(rows).join(',')}]::BIGINT[])) ORDER BY rowid`,
  );
  try {
    return await readTrackTable(store.connection, view, columns);
  } finally {
    await store.connection.run(`DROP VIEW IF EXISTS "${view}"`);
  }
}
let rowViews = 0;

/** How many cleaned rows carry track id `id` (a file may repeat an id; `findTrackRow` picks the first). */
export async function countTrackRows(
  store: Pick<TrackStore, 'connection' | 'relation'>,
  id: string,
): Promise<number> {
  const found = await store.connection.runAndReadAll(
    `SELECT count(*) FROM "${store.relation}" WHERE id = $id`,
    { id },
  );
  return Number(found.getRows()[0][0]);
}

/** The row position of the first track with id `id`, or null. */
export async function findTrackRow(
  store: Pick<TrackStore, 'connection' | 'relation'>,
  id: string,
): Promise<number | null> {
  const found = await store.connection.runAndReadAll(
    `SELECT rowid FROM "${store.relation}" WHERE id = $id ORDER BY rowid LIMIT 1`,
    { id },
  );
  const rows = found.getRows();
  return rows.length === 0 ? null : Number(rows[0][0]);
}
