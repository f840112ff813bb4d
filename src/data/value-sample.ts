/**
 * A sample of each mapped column's values as text, for unit detection (units.ts): the first MiB of a CSV
 * (split here, no DuckDB scan) or the first 10,000 rows of a Parquet file.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readCsvSample } from './csv-header';
import type { Layout, SourcedColumn } from './layouts';
import { lit, q } from './load-sql';
import type { PreparedText } from './prepare-text';

export async function valueSample(
  connection: DuckDBConnection,
  prepared: PreparedText,
  layout: Layout,
  header: readonly string[],
  delimiter: string,
  headerLine: number,
): Promise<Map<SourcedColumn, string[]>> {
  const out = new Map<SourcedColumn, string[]>();
  if (layout.mapped.length === 0) return out;
  let rows: string[][];
  if (prepared.format === 'parquet') {
    const columns = layout.mapped.map((m) => `CAST(${q(m.source)} AS VARCHAR)`).join(', ');
    const result = await connection.runAndReadAll(
      `SELECT ${columns} FROM read_parquet(${lit(prepared.path)}) LIMIT 10000`,
    );
    rows = result.getRows().map((r) => r.map((v) => (v === null ? '' : String(v))));
    layout.mapped.forEach((m, j) =>
      out.set(
        m.target,
        rows.map((r) => r[j]),
      ),
    );
    return out;
  }
  rows = readCsvSample(prepared.path, delimiter, header.length, headerLine);
  for (const m of layout.mapped)
    out.set(
      m.target,
      rows.map((r) => r[m.index]),
    );
  return out;
}
