/**
 * Load a tracks file (CSV or Parquet) into an in-memory DuckDB table, mapped onto the schema and cleaned.
 *
 * Contract of the cleaned table (others write SQL against it):
 * - name `LoadedTracks.relation` (default 'tracks'), one row per kept track, columns named as in schema.ts;
 * - numeric columns DOUBLE (the file's numeric columns and `duration_min` = duration_ms / 60000);
 *   0–1 features on a 0–100 scale in the file are divided by 100 (see report.percentScaled);
 * - `id`, `name`, `album`, `album_id`, `release_date`: VARCHAR, '' when empty or not in the file;
 * - `artists`, `artist_ids`: VARCHAR[] (Python list literals parsed; a plain name becomes a one-element list);
 * - `explicit`: BOOLEAN (NULL when the file has no such column);
 * - `release_year`, `release_month`, `release_day`: INTEGER from `release_date` (`YYYY-MM-DD`, `YYYY-MM`,
 *   `YYYY`; month/day 0 when left out; NULL when the file has no release_date);
 * - `popularity` DOUBLE and `genre` VARCHAR only when the file has them;
 * - a numeric column the file lacks is NULL (and its cleaning rules are skipped); `year` comes from
 *   release_date when the file has no year column.
 * When `columns` is given, the table holds only those columns; the kept rows are the same either way.
 */
import * as fs from 'fs';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { FILE_NUMERIC_COLUMNS, NumericColumn, TrackTable, UNIT_FEATURES } from './schema';
import { DataError } from './errors';
import { readCsvHeader, readCsvSample } from './csv-header';
import { detectLayout, Layout, SourcedColumn } from './layouts';
import { columnExpressions, csvSource, lit, parquetSource, q, Source } from './load-sql';
import { dropReasonSql, summarizeCleaning } from './clean';
import { LoadReport, MappedColumn } from './load-report';
import { collectRejects, dropRejectTables } from './rejects';

import { readTrackTable } from './to-table';
import type { OnProgress } from '../util/progress';

/** A column of the loaded table. */
export type LoadedColumn = SourcedColumn | 'duration_min' | 'release_year' | 'release_month' | 'release_day';

export const LOADED_COLUMNS: readonly LoadedColumn[] = [
  'id',
  'name',
  'album',
  'album_id',
  'artists',
  'artist_ids',
  'track_number',
  'disc_number',
  'explicit',
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'duration_ms',
  'time_signature',
  'year',
  'release_date',
  'duration_min',
  'release_year',
  'release_month',
  'release_day',
  'popularity',
  'genre',
];

export interface LoadOptions {
  /** Columns to keep in the table (memory matters at 1.2M rows). Default: all the layout provides. */
  columns?: readonly LoadedColumn[];
  /** How many rejected rows (and cleaning drops per rule) to cite in the report. Default: 20. */
  maxRejectExamples?: number;
  /** 'auto' reads UTF-8 and, if any line is not valid UTF-8, re-reads the file as latin-1. Default: 'auto'. */
  encoding?: 'auto' | 'utf-8' | 'latin-1';
  /** Force the CSV delimiter. Default: detected from the header line (',', ';', tab or '|'). */
  delimiter?: string;
  /** Table name. Default: 'tracks'. */
  relation?: string;
  /** DuckDB threads. Default: 2 (the machine's cores). */
  threads?: number;
  /** DuckDB memory limit. Default: '2GB'. */
  memoryLimit?: string;
  /** Progress of the loading scan, in percent (done of 100). */
  onProgress?: OnProgress;
}

export const LOAD_DEFAULTS = {
  maxRejectExamples: 20,
  encoding: 'auto',
  relation: 'tracks',
  threads: 2,
  memoryLimit: '2GB',
} as const;

export interface LoadedTracks {
  /** DuckDB connection whose table `relation` holds the cleaned tracks. */
  connection: DuckDBConnection;
  relation: string;
  rowCount: number;
  report: LoadReport;
  /** The cleaned table as a columnar TrackTable (default: every loaded column TrackTable can hold). */
  toTable(columns?: readonly string[]): Promise<TrackTable>;
  close(): void;
}

function validate(file: string, options: LoadOptions): void {
  if (typeof file !== 'string' || file === '')
    throw new DataError('expected a file path', { file: String(file) });
  if (!fs.existsSync(file))
    throw new DataError('file not found; expected a tracks CSV or Parquet file', { file });
  if (fs.statSync(file).isDirectory())
    throw new DataError('is a directory; expected a tracks CSV or Parquet file', { file });
  const unknown = (options.columns ?? []).filter((c) => !LOADED_COLUMNS.includes(c));
  if (unknown.length)
    throw new Error(
      `unknown column(s) ${unknown.join(', ')}; expected some of: ${LOADED_COLUMNS.join(', ')}`,
    );
  const max = options.maxRejectExamples;
  if (max !== undefined && !(Number.isInteger(max) && max >= 0))
    throw new Error(`maxRejectExamples must be an integer ≥ 0, got ${max}`);
}

function isParquet(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(4);
  fs.readSync(fd, magic, 0, 4, 0);
  fs.closeSync(fd);
  return magic.toString('latin1') === 'PAR1';
}

/**
 * 0–1 features held as percentages: in a sample, most positive values exceed 1 (and none exceeds 100).
 * "Most", not "any": one corrupt 1.5 in a 0–1 column must be dropped as out of range, not rescale the column.
 */
async function detectPercentScale(
  connection: DuckDBConnection,
  file: string,
  parquet: boolean,
  layout: Layout,
  delimiter: string,
  header: string[],
): Promise<Set<string>> {
  const present = layout.mapped.filter((m) => (UNIT_FEATURES as readonly string[]).includes(m.target));
  if (present.length === 0) return new Set();
  let samples: number[][];
  if (parquet) {
    const sql = `SELECT ${present.map((m) => q(m.source)).join(', ')} FROM read_parquet(${lit(file)}) LIMIT 10000`;
    samples = (await connection.runAndReadAll(sql)).getRows().map((r) => r.map(Number));
  } else {
    samples = readCsvSample(file, delimiter, header.length).map((r) =>
      present.map((m) => Number(r[m.index])),
    );
  }
  return new Set(
    present
      .filter((_, i) => {
        const positive = samples.map((r) => r[i]).filter((v) => Number.isFinite(v) && v > 0);
        const above = positive.filter((v) => v > 1).length;
        return above > positive.length / 2 && positive.every((v) => v <= 100);
      })
      .map((m) => m.target),
  );
}

/** Run `sql` while polling DuckDB's query progress into `onProgress` (percent). */
async function runWithProgress(
  connection: DuckDBConnection,
  sql: string,
  onProgress?: OnProgress,
): Promise<void> {
  if (!onProgress) {
    await connection.run(sql);
    return;
  }
  const timer = setInterval(() => {
    const percent = connection.progress.percentage;
    if (percent >= 0) onProgress(Math.min(99, Math.round(percent)), 100);
  }, 200);
  try {
    await connection.run(sql);
  } finally {
    clearInterval(timer);
  }
  onProgress(100, 100);
}

/** Load, map and clean `file`; see the module comment for the table contract and LoadReport for the report. */
export async function loadTracks(file: string, options: LoadOptions = {}): Promise<LoadedTracks> {
  validate(file, options);
  const o = { ...LOAD_DEFAULTS, ...options };
  const parquet = isParquet(file);
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(o.threads),
    memory_limit: o.memoryLimit,
    // File order is kept (DuckDB's default): row i of every table must be the same track on every run, or
    // seeded steps (label flips, splits, samples) would pick different tracks from the same seed.
  });
  const connection = await instance.connect();
  let closed = false;
  const close = () => {
    // Idempotent: a step may free DuckDB's memory early and a `finally` close it again.
    if (closed) return;
    closed = true;
    connection.closeSync();
    instance.closeSync();
  };
  try {
    let header: string[];
    let dialect: LoadReport['dialect'];
    if (parquet) {
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(file)})`);
      header = described.getRowObjectsJson().map((r) => String(r.column_name));
    } else {
      const csv = readCsvHeader(file, o.delimiter);
      if (!csv.hasDataRows)
        throw new DataError('the file has a header but no data rows; expected one track per line after it', {
          file,
          line: 2,
        });
      header = csv.columns;
      dialect = {
        delimiter: csv.delimiter,
        bom: csv.bom,
        newline: csv.newline === '\r\n' ? 'CRLF' : 'LF',
        encoding: o.encoding === 'latin-1' ? 'latin-1' : 'utf-8',
      };
    }
    const layout = detectLayout(header, file);
    const notes: string[] = [];
    let encoding = dialect?.encoding ?? 'utf-8';
    let attempt = 0;
    for (;;) {
      attempt++;
      const source: Source = parquet
        ? parquetSource(file, layout)
        : csvSource(file, header, layout, dialect!.delimiter, encoding, String(attempt));
      const scaled = await detectPercentScale(
        connection,
        file,
        parquet,
        layout,
        dialect?.delimiter ?? ',',
        header,
      );
      const expressions = columnExpressions(layout, scaled);
      const available = LOADED_COLUMNS.filter((c) => expressions.has(c));
      const wanted = (o.columns ?? available).filter((c) => expressions.has(c));
      const mappedTargets = new Set(layout.mapped.map((m) => m.target as string));
      const numericChecked = [...FILE_NUMERIC_COLUMNS, 'popularity'].filter(
        (c) => mappedTargets.has(c) || (c === 'year' && mappedTargets.has('release_date')),
      ) as NumericColumn[];
      const reason = dropReasonSql({
        text: (['name', 'album'] as const).filter((c) => mappedTargets.has(c)),
        numeric: numericChecked,
        expression: (c) => q(`_${c}`),
      });
      const inner = [...expressions].map(([c, e]) => `${e} AS ${q(`_${c}`)}`).join(', ');
      const hasId = mappedTargets.has('id');
      const label = hasId ? '_id' : '_name';
      const outer = [
        ...wanted.map((c) => `${q(`_${c}`)} AS ${q(c)}`),
        `${reason} AS _drop`,
        `${q(label)} AS _label`,
      ];
      await connection.run(`DROP TABLE IF EXISTS ${q(o.relation)}`);
      await runWithProgress(
        connection,
        `CREATE TABLE ${q(o.relation)} AS SELECT ${outer.join(', ')} FROM (SELECT ${inner} FROM ${source.sql()})`,
        o.onProgress,
      );
      const rejects = source.rejects
        ? await collectRejects(connection, source.rejects, header, o.maxRejectExamples)
        : { rows: 0, byType: {}, examples: [] };
      if (o.encoding === 'auto' && encoding === 'utf-8' && rejects.byType['INVALID ENCODING']) {
        notes.push(
          `${rejects.byType['INVALID ENCODING']} line(s) were not valid UTF-8 (first: line ${rejects.examples.find((e) => e.errorType === 'INVALID ENCODING')?.line}); re-read as latin-1`,
        );
        encoding = 'latin-1';
        if (source.rejects) await dropRejectTables(connection, source.rejects);
        continue;
      }
      if (source.rejects) await dropRejectTables(connection, source.rejects);
      const cleaning = await summarizeCleaning(connection, o.relation, o.maxRejectExamples);
      const duplicates = hasId
        ? Number(
            (
              await connection.runAndReadAll(
                `SELECT count(_label) - count(DISTINCT _label) FROM ${q(o.relation)} WHERE _drop IS NULL AND _label <> ''`,
              )
            ).getRows()[0][0],
          )
        : null;
      await connection.run(`DELETE FROM ${q(o.relation)} WHERE _drop IS NOT NULL`);
      await connection.run(`ALTER TABLE ${q(o.relation)} DROP COLUMN _drop`);
      await connection.run(`ALTER TABLE ${q(o.relation)} DROP COLUMN _label`);
      if (!mappedTargets.has('year') && mappedTargets.has('release_date'))
        notes.push('year taken from release_date');
      const mapped: MappedColumn[] = layout.mapped.map((m) => {
        const note = [
          scaled.has(m.target) ? 'percent ÷ 100' : '',
          m.durationUnit === 's' ? 'seconds → ms' : m.durationUnit === 'auto' ? 'm:ss or ms → ms' : '',
          m.target === 'artists' || m.target === 'artist_ids' ? 'list' : '',
        ]
          .filter(Boolean)
          .join(', ');
        return note ? { column: m.target, source: m.source, note } : { column: m.target, source: m.source };
      });
      const report: LoadReport = {
        file,
        format: parquet ? 'parquet' : 'csv',
        dialect: dialect && { ...dialect, encoding },
        layout: layout.name,
        mapped,
        notFound: layout.notFound,
        extra: layout.extra,
        percentScaled: [...scaled],
        rowsRead: cleaning.kept + cleaning.dropped + rejects.rows,
        rowsKept: cleaning.kept,
        rowsRejected: rejects.rows,
        rejectedByType: rejects.byType,
        rejectExamples: rejects.examples,
        cleaning,
        duplicateIds: duplicates,
        notes,
      };
      if (cleaning.kept === 0) {
        throw new DataError(
          `no row survived loading: ${rejects.rows} rejected by the reader (${JSON.stringify(rejects.byType)}), ${cleaning.dropped} dropped by cleaning (${JSON.stringify(cleaning.byReason)})`,
          { file, line: rejects.examples[0]?.line, column: rejects.examples[0]?.column },
        );
      }
      return {
        connection,
        relation: o.relation,
        rowCount: cleaning.kept,
        report,
        toTable: (columns) => readTrackTable(connection, o.relation, columns ?? wanted),
        close,
      };
    }
  } catch (error) {
    close();
    throw error;
  }
}
