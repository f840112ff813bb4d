/**
 * Columns with a single value on these rows (instrumentalness all 0 in many chart files, anything on a one-row
 * file). Correlation, standardized effects and clustering divide by the spread, so such a column is left out
 * of them, and the step says so instead of failing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { column, type NumericColumn, type TrackTable } from '../data/schema';
import { numberOf, queryRows, quoteIdentifier, quoteRelation } from './sql';

/** Why a constant column is left out, e.g. "constant (every value 0)". */
function reason(min: number, rows: number): string {
  return rows < 2 ? 'single-valued (one track)' : `constant (every value ${+min.toPrecision(6)})`;
}

/** Constant columns among `columns` of `relation` (NULLs ignored), each with the reason to show. */
export async function constantColumnsSql(
  connection: DuckDBConnection,
  relation: string,
  columns: readonly string[],
): Promise<Record<string, string>> {
  if (columns.length === 0) return {};
  const parts = columns.map((c, i) => {
    const x = quoteIdentifier(c);
    return `min(${x})::DOUBLE AS lo${i}, max(${x})::DOUBLE AS hi${i}, count(${x})::DOUBLE AS n${i}`;
  });
  const [row] = await queryRows(connection, `SELECT ${parts.join(', ')} FROM ${quoteRelation(relation)}`);
  const out: Record<string, string> = {};
  columns.forEach((c, i) => {
    const lo = numberOf(row[`lo${i}`]);
    const n = numberOf(row[`n${i}`]);
    if (n < 2 || !(numberOf(row[`hi${i}`]) > lo)) out[c] = reason(lo, n);
  });
  return out;
}

/** Constant columns among `columns` of a TrackTable (NaN ignored; absent columns are not listed). */
export function constantColumns(
  table: TrackTable,
  columns: readonly NumericColumn[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    if (!table.numeric[c]) continue;
    const values = column(table, c);
    let lo = Infinity;
    let hi = -Infinity;
    let n = 0;
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      n++;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (n < 2 || !(hi > lo)) out[c] = reason(lo, n);
  }
  return out;
}
