import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadTracks } from '../../src/data/load';
import { MODEL_FEATURES } from '../../src/data/schema';
import { readManifest, verifyShard } from '../../src/distributed/manifest';
import { readShard } from '../../src/distributed/read-shard';
import { shardFileName, shardTable } from '../../src/distributed/shard';
import { demoFile, shardDemo } from './fixture';

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    c.closeSync();
  }
}

describe('lab shard', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => ({ dir, file } = await demoFile(3000)));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes N shards whose rows sum to the cleaned table, each with the same columns', async () => {
    const { out, manifest } = await shardDemo(file, dir, 3);
    const loaded = await loadTracks(file, { columns: ['id'] });
    const cleanedRows = loaded.rowCount;
    loaded.close();
    expect(manifest.rows).toBe(cleanedRows);
    expect(manifest.shards.reduce((s, e) => s + e.rows, 0)).toBe(cleanedRows);
    expect(manifest.source.rowsKept).toBe(cleanedRows);
    expect(manifest.shards.map((s) => s.file)).toEqual([0, 1, 2].map((i) => shardFileName(i, 3)));
    for (const shard of manifest.shards) {
      const p = path.join(out, shard.file);
      const columns = (await query(`DESCRIBE SELECT * FROM read_parquet('${p}')`)).map((r) => r.column_name);
      expect(columns).toEqual(['id', ...MODEL_FEATURES, 'label', 'is_test']);
      const [count] = await query(
        `SELECT count(*)::INTEGER AS n, sum(label)::INTEGER AS pos FROM read_parquet('${p}')`,
      );
      expect(count).toEqual({ n: shard.rows, pos: shard.positives });
      expect(shard.trainRows + shard.testRows).toBe(shard.rows);
      expect(verifyShard(manifest, out, p)).toEqual(shard);
    }
    // The test split is about testFraction of the rows, chosen per track.
    const test = manifest.shards.reduce((s, e) => s + e.testRows, 0);
    expect(test / manifest.rows).toBeGreaterThan(0.15);
    expect(test / manifest.rows).toBeLessThan(0.25);
  });

  it('assigns each track by md5 of its id (recomputable anywhere), the same on every run', async () => {
    const { out, manifest } = await shardDemo(file, dir, 4);
    const again = await shardTable(file, { parts: 4, out: path.join(dir, 'again') });
    expect(again.contentHash).toBe(manifest.contentHash);
    const p = path.join(out, manifest.shards[2].file);
    const ids = (await query(`SELECT id FROM read_parquet('${p}') LIMIT 50`)).map((r) => String(r.id));
    for (const id of ids) {
      const h = parseInt(createHash('md5').update(id).digest('hex').slice(0, 8), 16);
      expect(h % 4).toBe(2);
    }
  });

  it('reads a shard into Float32 train and test matrices with 0/1 labels', async () => {
    const { out, manifest } = await shardDemo(file, dir, 2);
    const data = await readShard(path.join(out, manifest.shards[1].file), manifest.features);
    expect([data.train.rows, data.test.rows]).toEqual([
      manifest.shards[1].trainRows,
      manifest.shards[1].testRows,
    ]);
    expect(data.train.cols).toBe(MODEL_FEATURES.length);
    expect(data.train.data.length).toBe(data.train.rows * data.train.cols);
    expect(new Set(data.train.labels)).toEqual(new Set([0, 1]));
  });

  it('refuses a folder that is not empty, and a shard whose bytes changed', async () => {
    const { out, manifest } = await shardDemo(file, dir, 1);
    await expect(shardTable(file, { parts: 2, out })).rejects.toThrow('exists and is not an empty folder');
    await expect(shardTable(file, { parts: 0, out: path.join(dir, 'zero') })).rejects.toThrow(
      '--parts must be',
    );
    const p = path.join(out, manifest.shards[0].file);
    fs.appendFileSync(p, 'x');
    expect(() => verifyShard(readManifest(out).manifest, out, p)).toThrow('changed since lab shard wrote it');
  });
});
