/**
 * A worker's data: one Parquet shard read straight into row-major Float32Arrays (train and test rows apart),
 * streamed chunk by chunk from DuckDB so no row objects are built. Float32 is what XGBoost bins anyway; the
 * shard's DOUBLEs never exist in JS as Float64.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import * as fs from 'fs';
import { lit, q } from '../data/load-sql';
import type { DenseMatrix } from '../model/xgboost';

export interface ShardData {
  features: string[];
  train: DenseMatrix & { labels: Float32Array };
  test: DenseMatrix & { labels: Float32Array };
}

export interface ReadShardOptions {
  /** DuckDB memory limit while reading. Default: '512MB' (a worker should stay small). */
  memoryLimit?: string;
  /** DuckDB threads. Default: 1. */
  threads?: number;
}

export const READ_SHARD_DEFAULTS = { memoryLimit: '512MB', threads: 1 };

/** Reads `features`, label and is_test of a shard; throws naming the file when a column is missing. */
export async function readShard(
  file: string,
  features: readonly string[],
  options: ReadShardOptions = {},
): Promise<ShardData> {
  const o = { ...READ_SHARD_DEFAULTS, ...options };
  if (!fs.existsSync(file)) throw new Error(`${file}: shard not found`);
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(o.threads),
    memory_limit: o.memoryLimit,
  });
  const c = await instance.connect();
  try {
    const source = `read_parquet(${lit(file)})`;
    const described = await c.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const present = new Set(described.getRowObjectsJson().map((r) => String(r.column_name)));
    const missing = [...features, 'label', 'is_test'].filter((f) => !present.has(f));
    if (missing.length) throw new Error(`${file}: shard lacks column(s) ${missing.join(', ')}`);
    const [testRows, trainRows] = (
      await c.runAndReadAll(
        `SELECT count(*) FILTER (WHERE is_test), count(*) FILTER (WHERE NOT is_test) FROM ${source}`,
      )
    )
      .getRows()[0]
      .map(Number);
    const cols = features.length;
    const alloc = (rows: number) => ({
      data: new Float32Array(rows * cols),
      rows,
      cols,
      labels: new Float32Array(rows),
    });
    const train = alloc(trainRows);
    const test = alloc(testRows);
    let trainAt = 0;
    let testAt = 0;
    const result = await c.stream(`SELECT ${features.map(q).join(', ')}, label, is_test FROM ${source}`);
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      const n = chunk.rowCount;
      const columns = features.map((_, j) => chunk!.getColumnValues(j));
      const labels = chunk.getColumnValues(cols);
      const isTest = chunk.getColumnValues(cols + 1);
      for (let i = 0; i < n; i++) {
        const target = isTest[i] ? test : train;
        const row = isTest[i] ? testAt++ : trainAt++;
        for (let j = 0; j < cols; j++) {
          const v = columns[j][i];
          target.data[row * cols + j] = v === null ? NaN : Number(v);
        }
        const label = Number(labels[i]);
        if (label !== 0 && label !== 1)
          throw new Error(`${file}: label must be 0 or 1, row holds ${labels[i]}`);
        target.labels[row] = label;
      }
    }
    if (trainAt !== trainRows || testAt !== testRows)
      throw new Error(`${file}: row count changed while reading`);
    return { features: [...features], train, test };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
