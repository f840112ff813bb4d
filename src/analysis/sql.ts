/**
 * The DuckDB edge of the analysis steps: quoting, running a query into plain rows, and checking at the door
 * that a relation holds the columns a step needs, with no missing values.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/** A table or view name, possibly schema-qualified (`main.relation`), quoted part by part. */
export function quoteRelation(relation: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(relation)) {
    throw new Error(
      `relation must be a table or view name such as 'relation' or 'main.tracks', got '${relation}'`,
    );
  }
  return relation
    .split('.')
    .map((part) => quoteIdentifier(part))
    .join('.');
}

/** A column name as a DuckDB identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Rows of a query as plain objects: DOUBLE → number, VARCHAR → string, NULL → null (cast counts to DOUBLE). */
export async function queryRows(
  connection: DuckDBConnection,
  sql: string,
  params: DuckDBValue[] = [],
): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/** A numeric cell: DuckDB's NULL (e.g. stddev of one value) becomes NaN, BIGINT becomes number. */
export function numberOf(value: unknown): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  throw new Error(`expected a number from DuckDB, got ${typeof value} ${String(value)}`);
}

/** Column name → DuckDB type name of `relation`. */
export async function describeRelation(
  connection: DuckDBConnection,
  relation: string,
): Promise<Map<string, string>> {
  const rows = await queryRows(connection, `DESCRIBE SELECT * FROM ${quoteRelation(relation)}`);
  return new Map(rows.map((row) => [String(row.column_name), String(row.column_type)]));
}

/**
 * Checks that `relation` has every column in `columns`, at least one row, no NULL in any of them, and no NaN in
 * the `numeric` ones — the cleaned-table contract. Aggregates would silently skip NULLs; the plain-TS versions would turn NaN
 * into NaN means; both hide a loader bug, so both refuse. Returns the row count.
 */
export async function assertCleanRelation(
  connection: DuckDBConnection,
  relation: string,
  columns: { numeric?: readonly string[]; other?: readonly string[] },
  step: string,
): Promise<number> {
  const types = await describeRelation(connection, relation);
  const numeric = columns.numeric ?? [];
  for (const name of [...numeric, ...(columns.other ?? [])]) {
    if (!types.has(name)) {
      throw new Error(
        `${step}: relation '${relation}' has no column '${name}'; it has: ${[...types.keys()].join(', ')}`,
      );
    }
  }
  const checked = [...numeric, ...(columns.other ?? [])];
  const missing = checked.map((name, i) => {
    const x = quoteIdentifier(name);
    const nan = i < numeric.length ? ` OR isnan(${x}::DOUBLE)` : '';
    return `count(*) FILTER (WHERE ${x} IS NULL${nan})::DOUBLE AS m${i}`;
  });
  const [row] = await queryRows(
    connection,
    `SELECT count(*)::DOUBLE AS n${missing.map((m) => `, ${m}`).join('')} FROM ${quoteRelation(relation)}`,
  );
  const n = numberOf(row.n);
  if (n === 0) throw new Error(`${step}: relation '${relation}' is empty; expected at least one track`);
  checked.forEach((name, i) => {
    const count = numberOf(row[`m${i}`]);
    if (count > 0) {
      const what = i < numeric.length ? 'NULL/NaN' : 'NULL';
      throw new Error(
        `${step}: column '${name}' has ${count} missing (${what}) values of ${n}; clean the table first`,
      );
    }
  });
  return n;
}
