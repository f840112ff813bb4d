/**
 * Load a tracks file (CSV or Parquet) into an in-memory DuckDB table, mapped onto the schema and cleaned.
 *
 * Contract of the cleaned table (others write SQL against it):
 * - name `LoadedTracks.relation` (default 'tracks'), one row per kept track, columns named as in schema.ts;
 * - numeric columns DOUBLE (the file's numeric columns and `duration_min` = duration_ms / 60000);
 *   0–1 features on a 0–100 scale in the file are divided by 100 (see report.percentScaled);
 * - `id`, `name`, `album`, `album_id`, `release_date`: VARCHAR, '' when empty; `spotify:track:` / open.spotify.com
 *   URL prefixes are stripped from ids;
 * - `artists`, `artist_ids`: VARCHAR[] (Python list literals parsed; `A;B` split, and `A, B` when many cells
 *   hold a comma; a plain name becomes a one-element list);
 * - `explicit`: BOOLEAN;
 * - `release_year`, `release_month`, `release_day`: INTEGER from `release_date` (`YYYY-MM-DD`, `YYYY-MM`,
 *   `YYYY`, US `8/16/24` or `4/26/2024`, European `20.10.2023`; month/day 0 when left out; NULL when the file
 *   has no release_date);
 * - `popularity` DOUBLE and `genre` VARCHAR only when the file has them;
 * - a column the file lacks is NULL in every row (never '' or false), its cleaning rules are skipped, and it is
 *   absent from `report.available` / `LoadedTracks.available`: steps check those, not the values; `year` comes
 *   from release_date when the file has no year column.
 * When `columns` is given, the table holds only those columns; the kept rows are the same either way.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { FILE_NUMERIC_COLUMNS, NumericColumn, TrackTable } from './schema';
import { DataError } from './errors';
import { readCsvHeader } from './csv-header';
import { detectLayout, Layout } from './layouts';
import { columnExpressions, csvSource, lit, parquetSource, q, scanColumnNames, Source } from './load-sql';
import { blankDescriptiveSql, countBlankDescriptive, dropReasonSql, summarizeCleaning } from './clean';
import { LoadReport } from './load-report';
import { collectRejects, dropRejectTables } from './rejects';
import { countDuplicateIds } from './duplicate-ids';
import { prepareText, PreparedText } from './prepare-text';
import { decideUnits } from './units';
import { valueSample } from './value-sample';
import { availableColumns, describeColumns, dropUnusable } from './column-report';
import { toDataError } from './friendly-error';
import { LOAD_DEFAULTS, LOADED_COLUMNS, validate, type LoadedColumn, type LoadOptions } from './load-options';
import { readTrackTable, TABLE_COLUMNS } from './to-table';
import type { OnProgress } from '../util/progress';

export { LOAD_DEFAULTS, LOADED_COLUMNS, type LoadedColumn, type LoadOptions } from './load-options';

export interface LoadedTracks {
  /** DuckDB connection whose table `relation` holds the cleaned tracks. */
  connection: DuckDBConnection;
  relation: string;
  rowCount: number;
  report: LoadReport;
  /**
   * The columns that hold data from the file (derived ones included: `year` from release_date, `duration_min`
   * from a duration). A column not in this set is NULL in the table (or absent: popularity, genre). Steps
   * check this to skip or reduce, never the values. Same list as `report.available`.
   */
  available: ReadonlySet<LoadedColumn>;
  /**
   * The cleaned table as a columnar TrackTable. Default: every available column a TrackTable can hold.
   * Requested columns that are not available are left out of the table (so `column()` says "not loaded")
   * rather than filled with NaN or false.
   */
  toTable(columns?: readonly string[]): Promise<TrackTable>;
  close(): void;
}

/**
 * `toTable` over a cleaned relation: by default every available column a TrackTable can hold (of `columns`);
 * requested columns that are not available are left out rather than read as NULL → NaN / false.
 */
export function availableTableReader(
  connection: DuckDBConnection,
  relation: string,
  available: ReadonlySet<string>,
  columns: readonly string[],
): (requested?: readonly string[]) => Promise<TrackTable> {
  const known = new Set<string>(LOADED_COLUMNS);
  const defaults = columns.filter((c) => available.has(c) && TABLE_COLUMNS.includes(c));
  return (requested) =>
    readTrackTable(
      connection,
      relation,
      requested ? requested.filter((c) => !known.has(c) || available.has(c)) : defaults,
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
  let prepared: PreparedText | undefined;
  try {
    prepared = await prepareText(file, { workDir: o.workDir, encoding: o.encoding });
    const first = await loadPrepared(file, prepared, o);
    if (first !== 'invalid-encoding') return first;
    // The head was valid UTF-8 but DuckDB met invalid bytes further on: decide on the whole file, transcode.
    prepared.cleanup();
    prepared = await prepareText(file, { workDir: o.workDir, encoding: o.encoding, forceScan: true });
    const second = await loadPrepared(file, prepared, o);
    if (second === 'invalid-encoding')
      throw new DataError('the file is not valid text in any encoding the loader knows', { file });
    return second;
  } catch (error) {
    throw toDataError(error, file);
  } finally {
    prepared?.cleanup();
  }
}

type Resolved = LoadOptions & {
  maxRejectExamples: number;
  encoding: NonNullable<LoadOptions['encoding']>;
  relation: string;
  threads: number;
  memoryLimit: string;
};

async function loadPrepared(
  file: string,
  prepared: PreparedText,
  o: Resolved,
): Promise<LoadedTracks | 'invalid-encoding'> {
  const parquet = prepared.format === 'parquet';
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
    let headerLine = 1;
    const notes: string[] = [];
    if (parquet) {
      const described = await connection.runAndReadAll(
        `DESCRIBE SELECT * FROM read_parquet(${lit(prepared.path)})`,
      );
      header = described.getRowObjectsJson().map((r) => String(r.column_name));
    } else {
      const csv = readCsvHeader(prepared.path, o.delimiter);
      headerLine = csv.line;
      if (!csv.hasDataRows)
        throw new DataError('the file has a header but no data rows; expected one track per line after it', {
          file,
          line: csv.line + 1,
        });
      header = csv.columns;
      dialect = {
        delimiter: csv.delimiter,
        bom: prepared.bom || csv.bom,
        newline: csv.newline === '\r\n' ? 'CRLF' : 'LF',
        encoding: prepared.encoding,
        gzip: prepared.gzip,
        headerLine: csv.line,
        replacedBytes: prepared.replaced,
      };
      if (csv.line > 1)
        notes.push(
          `header found on line ${csv.line}; skipped above it: ${csv.skipped.map((l) => JSON.stringify(l.slice(0, 60))).join(', ')}`,
        );
      if (prepared.encoding !== 'utf-8')
        notes.push(
          prepared.firstInvalidLine
            ? `not valid UTF-8 (first at line ${prepared.firstInvalidLine}); read as ${prepared.encoding}`
            : `read as ${prepared.encoding}${prepared.bom ? ' (byte-order mark)' : ''}`,
        );
      if (prepared.replaced > 0)
        notes.push(
          `${prepared.replaced} invalid UTF-8 byte sequence(s) replaced by \uFFFD (first on line ${prepared.firstReplacedLine}); the rows were kept`,
        );
      if (prepared.gzip) notes.push('gzip-compressed; decompressed while reading');
    }
    const names = parquet ? header : scanColumnNames(header);
    const detected = detectLayout(header, file, headerLine);
    const sample = await valueSample(
      connection,
      prepared,
      detected,
      header,
      dialect?.delimiter ?? ',',
      headerLine,
    );
    const units = decideUnits(detected.mapped, sample);
    const layout: Layout = dropUnusable(detected, units, header, file, headerLine);
    const source: Source = parquet
      ? parquetSource(prepared.path, layout)
      : csvSource(prepared.path, header, layout, {
          delimiter: dialect!.delimiter,
          skip: headerLine - 1,
          tag: '1',
        });
    const expressions = columnExpressions(layout, units, names);
    const mappedTargets = new Set(layout.mapped.map((m) => m.target as string));
    const available = availableColumns(mappedTargets, LOADED_COLUMNS);
    // Absent popularity/genre stay out of the table (steps DESCRIBE it); other absent columns are typed NULLs.
    const inTable = LOADED_COLUMNS.filter(
      (c) => (c !== 'popularity' && c !== 'genre') || available.includes(c),
    );
    const wanted = (o.columns ?? inTable).filter((c) => inTable.includes(c) && expressions.has(c));
    const numericChecked = [...FILE_NUMERIC_COLUMNS, 'popularity'].filter(
      (c) => mappedTargets.has(c) || (c === 'year' && mappedTargets.has('release_date')),
    ) as NumericColumn[];
    const cleaningInput = {
      text: (['name', 'album'] as const).filter((c) => mappedTargets.has(c)),
      numeric: numericChecked,
      expression: (c: string) => q(`_${c}`),
    };
    const reason = dropReasonSql(cleaningInput);
    const inner = [...expressions].map(([c, e]) => `${e} AS ${q(`_${c}`)}`).join(', ');
    const hasId = mappedTargets.has('id');
    const label = hasId ? '_id' : '_name';
    const outer = [
      ...wanted.map((c) => `${q(`_${c}`)} AS ${q(c)}`),
      `${reason} AS _drop`,
      `${q(label)} AS _label`,
      `${blankDescriptiveSql(cleaningInput)} AS _blank`,
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
    if (source.rejects) await dropRejectTables(connection, source.rejects);
    if (
      rejects.byType['INVALID ENCODING'] &&
      o.encoding === 'auto' &&
      prepared.encoding === 'utf-8' &&
      prepared.replaced === 0
    ) {
      close();
      return 'invalid-encoding';
    }
    const cleaning = await summarizeCleaning(connection, o.relation, o.maxRejectExamples);
    const duplicates = hasId ? await countDuplicateIds(connection, o.relation) : null;
    for (const [c, n] of Object.entries(await countBlankDescriptive(connection, o.relation)))
      notes.push(`${c} empty on ${n.toLocaleString('en-US')} row(s): kept (no step computes with ${c})`);
    await connection.run(`DELETE FROM ${q(o.relation)} WHERE _drop IS NOT NULL`);
    await connection.run(`ALTER TABLE ${q(o.relation)} DROP COLUMN _blank`);
    await connection.run(`ALTER TABLE ${q(o.relation)} DROP COLUMN _drop`);
    await connection.run(`ALTER TABLE ${q(o.relation)} DROP COLUMN _label`);
    if (!mappedTargets.has('year') && mappedTargets.has('release_date'))
      notes.push('year taken from release_date');
    const { mapped, columns } = describeColumns(layout, units);
    const report: LoadReport = {
      file,
      format: parquet ? 'parquet' : 'csv',
      dialect,
      layout: layout.name,
      mapped,
      columns,
      available,
      notFound: layout.notFound,
      extra: layout.extra,
      percentScaled: [...units.values()].filter((u) => u.factor === 0.01).map((u) => u.target),
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
    const availableSet = new Set(available);
    const tableDefault = wanted.filter((c) => availableSet.has(c) && TABLE_COLUMNS.includes(c));
    return {
      connection,
      relation: o.relation,
      rowCount: cleaning.kept,
      report,
      available: availableSet,
      toTable: (requested) =>
        readTrackTable(
          connection,
          o.relation,
          requested
            ? requested.filter(
                (c) => !LOADED_COLUMNS.includes(c as LoadedColumn) || availableSet.has(c as LoadedColumn),
              )
            : tableDefault,
        ),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
