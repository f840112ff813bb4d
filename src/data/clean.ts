/**
 * Cleaning: the original app's rules (drop empty name/album, year 0, tempo 0) plus range checks against the
 * schema's BOUNDS. Each dropped row is counted once, under the FIRST rule it breaks, in this order:
 *   1. `empty_name`   2. `empty_album`   3. `year_zero`   4. `tempo_zero`
 *   5. `missing:<col>`      a numeric cell that is empty (NULL) in any column the file has, except the
 *                           descriptive ones no step computes with (key, mode, time signature, track and disc
 *                           number): spotify-2023.csv leaves `key` blank on one track in ten, and those tracks
 *                           are as usable as the rest; they are kept with NULL there and counted in a note
 *   6. `not_finite:<col>`   NaN, Infinity or -Infinity
 *   7. `out_of_range:<col>` outside BOUNDS[col]
 *   8. `duration_not_positive` duration_ms <= 0
 * Nothing else is dropped; duplicated ids are counted by the loader, not dropped. A rule whose column the file
 * lacks is skipped (a file with no album column drops no row for an empty album).
 *
 * The rules are one SQL CASE expression evaluated inside the loading scan, over every column the file has —
 * not only the columns a step asked for — so the kept rows are the same whatever `columns` a caller loads.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { BOUNDS, NumericColumn } from './schema';

/** Numeric columns that are shown but never analysed: an empty cell keeps the row (NULL), counted apart. */
export const DESCRIPTIVE_NUMERIC: readonly NumericColumn[] = [
  'key',
  'mode',
  'time_signature',
  'track_number',
  'disc_number',
];

/** The rule names in the order they are tried, for reports and documentation. */
export const CLEANING_RULE_ORDER = [
  'empty_name',
  'empty_album',
  'year_zero',
  'tempo_zero',
  'missing:<col>',
  'not_finite:<col>',
  'out_of_range:<col>',
  'duration_not_positive',
] as const;

export interface CleaningInput {
  /** Text columns the file has (of name, album). */
  text: readonly ('name' | 'album')[];
  /** Numeric columns the file has (after mapping; `year` included when it can be derived from release_date). */
  numeric: readonly NumericColumn[];
  /** SQL expression of each column (defaults to the column's quoted name). */
  expression?: (column: string) => string;
}

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SQL CASE expression giving the first rule each row breaks (a VARCHAR), or NULL for a row that is kept. */
export function dropReasonSql(input: CleaningInput): string {
  const rules = firstBrokenRuleSql(input);
  const kept = surelyKeptSql(input);
  // Almost every row is kept: one short test (about 20 comparisons) spares it the rule list (about 50).
  return kept && rules !== 'NULL::VARCHAR' ? `CASE WHEN ${kept} THEN NULL ELSE ${rules} END` : rules;
}

/** The rules in order as one CASE: the first rule a row breaks, or NULL. */
export function firstBrokenRuleSql(input: CleaningInput): string {
  const col = input.expression ?? ((c: string) => `"${c}"`);
  const has = (c: NumericColumn) => input.numeric.includes(c);
  const cases: [string, string][] = [];
  if (input.text.includes('name')) cases.push([`coalesce(${col('name')}, '') = ''`, 'empty_name']);
  if (input.text.includes('album')) cases.push([`coalesce(${col('album')}, '') = ''`, 'empty_album']);
  if (has('year')) cases.push([`${col('year')} = 0`, 'year_zero']);
  if (has('tempo')) cases.push([`${col('tempo')} = 0`, 'tempo_zero']);
  for (const c of input.numeric)
    if (!DESCRIPTIVE_NUMERIC.includes(c)) cases.push([`${col(c)} IS NULL`, `missing:${c}`]);
  for (const c of input.numeric) cases.push([`NOT isfinite(${col(c)})`, `not_finite:${c}`]);
  for (const c of input.numeric) {
    const bounds = BOUNDS[c];
    if (bounds) cases.push([`${col(c)} NOT BETWEEN ${bounds[0]} AND ${bounds[1]}`, `out_of_range:${c}`]);
  }
  if (has('duration_ms')) cases.push([`${col('duration_ms')} <= 0`, 'duration_not_positive']);
  if (cases.length === 0) return 'NULL::VARCHAR';
  return `CASE ${cases.map(([when, reason]) => `WHEN ${when} THEN ${sqlString(reason)}`).join(' ')} END`;
}

/**
 * A condition that is TRUE only on rows breaking no rule (it may be FALSE or NULL on kept rows too; those
 * go through the rules). `c BETWEEN lo AND hi` with finite bounds is TRUE only for a finite, non-NULL value
 * (DuckDB orders NaN above every number), so one test covers missing, not finite and out of range.
 * Undefined when a column has no finite bounds.
 */
export function surelyKeptSql(input: CleaningInput): string | undefined {
  const col = input.expression ?? ((c: string) => `"${c}"`);
  const terms: string[] = input.text.map((c) => `${col(c)} <> ''`);
  for (const c of input.numeric) {
    const bounds = BOUNDS[c];
    if (!bounds || !bounds.every(Number.isFinite)) return undefined;
    const inRange = `${col(c)} BETWEEN ${bounds[0]} AND ${bounds[1]}`;
    terms.push(DESCRIPTIVE_NUMERIC.includes(c) ? `(${col(c)} IS NULL OR ${inRange})` : inRange);
    if (c === 'year' || c === 'tempo') terms.push(`${col(c)} <> 0`);
    if (c === 'duration_ms') terms.push(`${col(c)} > 0`);
  }
  return terms.length === 0 ? undefined : terms.join(' AND ');
}

/**
 * A SQL VARCHAR naming the descriptive columns that are empty on a row (`'key,mode'`, '' for none), so the
 * loader can count what it kept with NULLs.
 */
export function blankDescriptiveSql(input: CleaningInput): string {
  const col = input.expression ?? ((c: string) => `"${c}"`);
  const columns = input.numeric.filter((c) => DESCRIPTIVE_NUMERIC.includes(c));
  if (columns.length === 0) return `''`;
  const blank = columns.map((c) => `CASE WHEN ${col(c)} IS NULL THEN ${sqlString(c)} END`);
  // concat_ws of all-NULL parts is '' too; building it only on rows with a blank halves its cost (1.2M rows).
  const any = columns.map((c) => `${col(c)} IS NULL`).join(' OR ');
  return `CASE WHEN ${any} THEN concat_ws(',', ${blank.join(', ')}) ELSE '' END`;
}

/** Kept rows with an empty descriptive column, per column, from the `_blank` column of `relation`. */
export async function countBlankDescriptive(
  connection: DuckDBConnection,
  relation: string,
): Promise<Record<string, number>> {
  const result = await connection.runAndReadAll(
    `SELECT c, count(*) FROM (SELECT unnest(string_split(_blank, ',')) AS c FROM "${relation.replace(/"/g, '""')}" WHERE _drop IS NULL AND _blank <> '') GROUP BY c ORDER BY c`,
  );
  const out: Record<string, number> = {};
  for (const [c, n] of result.getRowsJS() as [string, bigint | number][]) out[c] = Number(n);
  return out;
}

/** Rows dropped by cleaning, per reason (reason → count), with a few examples of each. */
export interface CleaningReport {
  /** Rows that passed every rule. */
  kept: number;
  /** Total rows dropped. */
  dropped: number;
  /** Count per reason, in rule order. */
  byReason: Record<string, number>;
  /** Up to `maxRejectExamples` ids (names when the file has no id) of dropped rows, per reason. */
  examples: Record<string, string[]>;
}

/** Order reasons as the rules are tried (so reports read in rule order). */
export function sortReasons(reasons: readonly string[]): string[] {
  const rank = (reason: string) => {
    const index = CLEANING_RULE_ORDER.findIndex((r) =>
      r.endsWith('<col>') ? reason.startsWith(r.slice(0, -5)) : r === reason,
    );
    return index < 0 ? CLEANING_RULE_ORDER.length : index;
  };
  return [...reasons].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Count the rows of `relation` by its `_drop` reason column (NULL = kept) with up to `maxExamples` `_label`
 * values per reason. The loader evaluates `dropReasonSql` into `_drop` during the scan, then deletes.
 */
export async function summarizeCleaning(
  connection: DuckDBConnection,
  relation: string,
  maxExamples: number,
): Promise<CleaningReport> {
  const result = await connection.runAndReadAll(
    `SELECT _drop, count(*) AS n, (list(_label ORDER BY _label) FILTER (WHERE _drop IS NOT NULL))[1:${maxExamples}] AS examples FROM "${relation.replace(/"/g, '""')}" GROUP BY _drop`,
  );
  let kept = 0;
  const counts = new Map<string, number>();
  const examples: Record<string, string[]> = {};
  for (const [reason, n, labels] of result.getRowsJS() as [string | null, bigint | number, string[]][]) {
    if (reason === null) {
      kept = Number(n);
      continue;
    }
    counts.set(reason, Number(n));
    examples[reason] = labels;
  }
  const byReason: Record<string, number> = {};
  let dropped = 0;
  for (const reason of sortReasons([...counts.keys()])) {
    byReason[reason] = counts.get(reason)!;
    dropped += counts.get(reason)!;
  }
  return { kept, dropped, byReason, examples };
}
