/**
 * Rows DuckDB's CSV reader could not parse, read back from its reject tables (`store_rejects = true`):
 * each error has the file line, the 1-based column index and an error type. A row may carry several errors
 * (e.g. a cast error and a missing column); it is one rejected row. Measured on DuckDB 1.5: with `skip = N`
 * the line numbers still count the skipped lines, so they are the file's own line numbers.
 */
import { DuckDBConnection } from '@duckdb/node-api';
import { RejectExample } from './load-report';

export interface RejectSummary {
  /** Distinct rejected lines. */
  rows: number;
  /** Distinct rejected lines per error type. */
  byType: Record<string, number>;
  /** The first `maxExamples` errors in line order. */
  examples: RejectExample[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function collectRejects(
  connection: DuckDBConnection,
  tables: { errors: string; scans: string },
  header: readonly string[],
  maxExamples: number,
): Promise<RejectSummary> {
  const errors = q(tables.errors);
  const total = await connection.runAndReadAll(`SELECT count(DISTINCT line) FROM ${errors}`);
  const byTypeRows = await connection.runAndReadAll(
    `SELECT error_type::VARCHAR AS t, count(DISTINCT line) AS n FROM ${errors} GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const exampleRows = await connection.runAndReadAll(
    `SELECT line, column_idx, error_type::VARCHAR, error_message FROM ${errors} ORDER BY line, column_idx LIMIT ${maxExamples}`,
  );
  const byType: Record<string, number> = {};
  for (const [type, count] of byTypeRows.getRows()) byType[String(type)] = Number(count);
  const examples = exampleRows.getRows().map(([line, columnIndex, type, message]): RejectExample => {
    const column =
      columnIndex !== null && Number(columnIndex) >= 1 ? header[Number(columnIndex) - 1] : undefined;
    const example: RejectExample = {
      line: Number(line),
      errorType: String(type),
      message: String(message),
    };
    if (column !== undefined) example.column = column;
    return example;
  });
  return { rows: Number(total.getRows()[0][0]), byType, examples };
}

export async function dropRejectTables(
  connection: DuckDBConnection,
  tables: { errors: string; scans: string },
): Promise<void> {
  await connection.run(`DROP TABLE IF EXISTS ${q(tables.errors)}`);
  await connection.run(`DROP TABLE IF EXISTS ${q(tables.scans)}`);
}
