/**
 * `lab shard`: the cleaned table as N Parquet shards, for N workers that each read only their own.
 *
 * Everything per row is decided from the track id alone, never from the row's position, so it does not depend
 * on the file's order, on the shard count, or on which machine reads the row:
 * - shard  = first 8 hex digits of md5(id) mod N (any tool recomputes it: Spark, Python, SQL);
 * - is_test = md5(seed:test:id) < testFraction (the held-out rows, the same whatever N);
 * - label   = the original app's rule (src/label/promotion-rule.ts thresholds) on valence, energy, danceability,
 *             flipped when md5(seed:flip:id) < flipRate. (The single-machine pipeline flips an exact count of
 *             rows by position; a per-track coin keeps a row's label the same in every shard layout.)
 * DuckDB does the work (loadTracks → SQL → COPY … TO parquet), so the table never becomes JS objects: sharding
 * a 10M-row file costs what loading it costs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadTracks, type LoadedColumn } from '../data/load';
import { lit, q } from '../data/load-sql';
import { MODEL_FEATURES } from '../data/schema';
import { PROMOTION_RULE_DEFAULTS } from '../label/promotion-rule';
import { DEFAULT_SEED } from '../util/random';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  contentHashOf,
  fileSha256,
  writeFileAtomic,
  type ShardEntry,
  type ShardManifest,
} from './manifest';

export interface ShardOptions {
  /** Number of shards (one per worker). */
  parts: number;
  /** Output folder; must not exist or be empty. */
  out: string;
  /** Seed of the test split and the label flips. Default: 42 (the project's seed). */
  seed?: number;
  /** Share of tracks held out for testing. Default: 0.2. */
  testFraction?: number;
  /** Share of labels flipped. Default: 0.05 (the original app's). */
  flipRate?: number;
  /** DuckDB threads. Default: 2. */
  threads?: number;
  /** DuckDB memory limit (it spills to disk beyond it). Default: '2GB'. */
  memoryLimit?: string;
}

export const SHARD_DEFAULTS = {
  seed: DEFAULT_SEED,
  testFraction: 0.2,
  flipRate: 0.05,
  threads: 2,
  memoryLimit: '2GB',
};

/** The label's input columns (those the promotion rule reads). */
export const LABEL_INPUTS = ['valence', 'energy', 'danceability'] as const;

/** `shard-002-of-004.parquet` */
export function shardFileName(index: number, parts: number): string {
  const width = Math.max(3, String(parts).length);
  return `shard-${String(index).padStart(width, '0')}-of-${String(parts).padStart(width, '0')}.parquet`;
}

/** A number in [0, 1) from the first 8 hex digits of md5(text) (SQL over `textSql`). */
function unitHashSql(textSql: string): string {
  return `(('0x' || left(md5(${textSql}), 8))::UBIGINT / 4294967296.0)`;
}

/** The SQL that adds shard, is_test and label to each row of `relation`. */
export function shardColumnsSql(relation: string, o: Required<Omit<ShardOptions, 'out'>>): string {
  const r = PROMOTION_RULE_DEFAULTS;
  const rule = `((valence > ${r.valenceAbove} AND energy > ${r.energyAbove}) OR danceability > ${r.danceabilityAbove})`;
  const flip = `${unitHashSql(`${lit(`${o.seed}:flip:`)} || id`)} < ${o.flipRate}`;
  return `SELECT id, ${MODEL_FEATURES.map(q).join(', ')},
      (CASE WHEN ${rule} <> (${flip}) THEN 1 ELSE 0 END)::UTINYINT AS label,
      ${unitHashSql(`${lit(`${o.seed}:test:`)} || id`)} < ${o.testFraction} AS is_test,
      (('0x' || left(md5(id), 8))::UBIGINT % ${o.parts})::INTEGER AS shard
    FROM ${q(relation)}`;
}

function validate(o: Required<ShardOptions>): void {
  if (!Number.isInteger(o.parts) || o.parts < 1 || o.parts > 4096)
    throw new Error(`--parts must be an integer in 1..4096, got ${o.parts}`);
  if (!(o.testFraction > 0 && o.testFraction < 1))
    throw new Error(`testFraction must be in (0, 1), got ${o.testFraction}`);
  if (!(o.flipRate >= 0 && o.flipRate < 0.5))
    throw new Error(`flipRate must be in [0, 0.5), got ${o.flipRate}`);
  if (fs.existsSync(o.out) && (!fs.statSync(o.out).isDirectory() || fs.readdirSync(o.out).length > 0)) {
    throw new Error(`${o.out} exists and is not an empty folder; choose another --out`);
  }
}

/** Loads and cleans `file`, writes `parts` Parquet shards and manifest.json to `out`; returns the manifest. */
export async function shardTable(file: string, options: ShardOptions): Promise<ShardManifest> {
  const o = { ...SHARD_DEFAULTS, ...options };
  validate(o);
  const columns: LoadedColumn[] = ['id', ...MODEL_FEATURES];
  const loaded = await loadTracks(file, { columns, threads: o.threads, memoryLimit: o.memoryLimit });
  try {
    const c = loaded.connection;
    const noId = Number((await c.runAndReadAll(`SELECT count(*) FROM tracks WHERE id = ''`)).getRows()[0][0]);
    if (noId > 0) {
      throw new Error(
        `${file}: ${noId} kept row(s) have no track id; shards are assigned by id (add an id column)`,
      );
    }
    await c.run(`CREATE TABLE sharded AS ${shardColumnsSql('tracks', o)}`);
    await c.run('DROP TABLE tracks');
    fs.mkdirSync(o.out, { recursive: true });
    const counts = new Map<number, { rows: number; test: number; positives: number }>();
    const reader = await c.runAndReadAll(
      'SELECT shard, count(*), count(*) FILTER (WHERE is_test), sum(label) FROM sharded GROUP BY shard',
    );
    for (const [shard, rows, test, positives] of reader.getRows()) {
      counts.set(Number(shard), { rows: Number(rows), test: Number(test), positives: Number(positives) });
    }
    const shards: ShardEntry[] = [];
    for (let i = 0; i < o.parts; i++) {
      const name = shardFileName(i, o.parts);
      const target = path.join(o.out, name);
      const tmp = path.join(o.out, `.${name}.tmp`);
      // Kept in table order (DuckDB preserves insertion order), so a shard's bytes are reproducible.
      await c.run(
        `COPY (SELECT * EXCLUDE (shard) FROM sharded WHERE shard = ${i}) TO ${lit(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
      );
      fs.renameSync(tmp, target);
      const n = counts.get(i) ?? { rows: 0, test: 0, positives: 0 };
      if (n.rows === 0)
        throw new Error(
          `shard ${i} of ${o.parts} would be empty: use fewer parts for ${loaded.rowCount} rows`,
        );
      shards.push({
        file: name,
        rows: n.rows,
        trainRows: n.rows - n.test,
        testRows: n.test,
        positives: n.positives,
        sha256: fileSha256(target),
      });
    }
    const report = loaded.report;
    const manifest: ShardManifest = {
      format: MANIFEST_FORMAT,
      source: {
        file: path.resolve(file),
        rowsRead: report.rowsRead,
        rowsKept: report.rowsKept,
        rowsRejected: report.rowsRejected,
        rowsDropped: report.cleaning.dropped,
      },
      parts: o.parts,
      assignment: `shard = (first 8 hex digits of md5(id)) mod ${o.parts}`,
      features: [...MODEL_FEATURES],
      label: {
        column: 'label',
        inputs: [...LABEL_INPUTS],
        rule:
          `promoted = (valence > ${PROMOTION_RULE_DEFAULTS.valenceAbove} and energy > ${PROMOTION_RULE_DEFAULTS.energyAbove}) ` +
          `or danceability > ${PROMOTION_RULE_DEFAULTS.danceabilityAbove}; flipped when md5('${o.seed}:flip:' || id) < ${o.flipRate} (as a fraction of 2^32 on its first 8 hex digits)`,
        flipRate: o.flipRate,
        seed: o.seed,
      },
      split: {
        column: 'is_test',
        testFraction: o.testFraction,
        rule: `is_test = md5('${o.seed}:test:' || id) < ${o.testFraction} (first 8 hex digits as a fraction of 2^32)`,
      },
      shards,
      rows: shards.reduce((s, e) => s + e.rows, 0),
      contentHash: contentHashOf(shards),
      createdAt: new Date().toISOString(),
    };
    if (manifest.rows !== loaded.rowCount) {
      throw new Error(`shards hold ${manifest.rows} rows, the cleaned table ${loaded.rowCount}`);
    }
    writeFileAtomic(path.join(o.out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    loaded.close();
  }
}
