/**
 * Step results as DuckDB TEMP tables (what `lab.sql` joins to `tracks`), written a column at a time.
 *
 * One appender call per value took ~1.8 s for two 1.2M-row step tables, the wait of a notebook's first
 * `lab.sql`. Here each 2,048-row chunk gets a whole typed-array slice per column (one copy into DuckDB's vector,
 * no call per value): numbers as they are, booleans as 0/1 and text as codes into its distinct values, turned
 * back into BOOLEAN and VARCHAR by one `CREATE TABLE … AS SELECT` that keeps the row order.
 */
import {
  DuckDBDataChunk,
  DuckDBDoubleType,
  DuckDBIntegerType,
  DuckDBVarCharType,
  type DuckDBConnection,
  type DuckDBDoubleVector,
  type DuckDBIntegerVector,
  type DuckDBVarCharVector,
} from '@duckdb/node-api';
import { quoteIdentifier as q } from '../analysis/sql';

export interface ColumnSpec {
  name: string;
  type: 'INTEGER' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';
  values: ArrayLike<number | string | boolean>;
}

/** DuckDB's vector size: the rows of one data chunk. */
const CHUNK_ROWS = 2048;
/** Text with more distinct values than this is written item by item (a list literal of them would be huge). */
const MAX_CODED_TEXT = 10_000;

type Staged = StagedNumbers | StagedText;
interface StagedNumbers {
  type: 'INTEGER' | 'DOUBLE';
  values: Int32Array | Float64Array;
  /** The SQL that turns the staged column back into the column asked for. */
  select: string;
}
interface StagedText {
  type: 'VARCHAR';
  values: string[];
  select: string;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

function stage(c: ColumnSpec, at: number): Staged {
  const column = q(`c${at}`);
  const as = `${column} AS ${q(c.name)}`;
  const n = c.values.length;
  if (c.type === 'DOUBLE') {
    const values = new Float64Array(n);
    if (ArrayBuffer.isView(c.values)) values.set(c.values as Float32Array);
    else for (let i = 0; i < n; i++) values[i] = c.values[i] as number;
    return { type: 'DOUBLE', values, select: as };
  }
  if (c.type === 'INTEGER') {
    if (c.values instanceof Int32Array) return { type: 'INTEGER', values: c.values, select: as };
    const values = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      values[i] = c.values[i] as number;
      if (values[i] !== c.values[i])
        throw new Error(`column ${c.name}: value ${String(c.values[i])} (row ${i}) is not a 32-bit integer`);
    }
    return { type: 'INTEGER', values, select: as };
  }
  if (c.type === 'BOOLEAN') {
    const values = new Int32Array(n);
    for (let i = 0; i < n; i++) values[i] = c.values[i] ? 1 : 0;
    return { type: 'INTEGER', values, select: `${column}::BOOLEAN AS ${q(c.name)}` };
  }
  // Text: codes into its distinct values (moods: a handful), looked up in a list literal — no join, order kept.
  const codes = new Map<string, number>();
  const values = new Int32Array(c.values.length);
  for (let i = 0; i < values.length; i++) {
    const text = String(c.values[i]);
    let code = codes.get(text);
    if (code === undefined) {
      if (codes.size === MAX_CODED_TEXT)
        return { type: 'VARCHAR', values: Array.from(c.values, String), select: as };
      codes.set(text, (code = codes.size + 1));
    }
    values[i] = code;
  }
  const list = `([${[...codes.keys()].map(literal).join(', ')}]::VARCHAR[])`;
  return { type: 'INTEGER', values, select: `${list}[${column}] AS ${q(c.name)}` };
}

/** (Re)creates TEMP table `name` from columns of equal length, in their order. */
export async function putTempTable(
  connection: DuckDBConnection,
  name: string,
  columns: ColumnSpec[],
): Promise<void> {
  if (columns.length === 0) throw new Error(`putTempTable ${name}: no columns`);
  const n = columns[0].values.length;
  for (const c of columns)
    if (c.values.length !== n)
      throw new Error(`putTempTable ${name}: column ${c.name} has ${c.values.length} values, expected ${n}`);
  const staged = columns.map(stage);
  const staging = `${name}__staging`;
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${q(staging)} (${staged.map((s, i) => `${q(`c${i}`)} ${s.type}`).join(', ')})`,
  );
  try {
    const typeOf = { DOUBLE: DuckDBDoubleType, INTEGER: DuckDBIntegerType, VARCHAR: DuckDBVarCharType };
    const types = staged.map((s) => typeOf[s.type].instance);
    const appender = await connection.createAppender(staging, 'main', 'temp');
    try {
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        const rows = Math.min(CHUNK_ROWS, n - start);
        const chunk = DuckDBDataChunk.create(types, rows);
        staged.forEach((s, i) => {
          if (s.type === 'VARCHAR') {
            const vector = chunk.getColumnVector(i) as DuckDBVarCharVector;
            for (let r = 0; r < rows; r++) vector.setItem(r, s.values[start + r]);
            vector.flush();
            return;
          }
          const vector = chunk.getColumnVector(i) as DuckDBIntegerVector | DuckDBDoubleVector;
          vector.getTypedArray().set(s.values.subarray(start, start + rows));
          vector.flush();
        });
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${q(name)} AS SELECT ${staged.map((s) => s.select).join(', ')} FROM ${q(staging)}`,
    );
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${q(staging)}`);
  }
}
