/**
 * The shard manifest: which file holds which rows, how rows were assigned, what each shard holds, and hashes
 * to check that a worker reads the very bytes `lab shard` wrote. Travels into the model's meta, so a model
 * trained on shards names its data as exactly as one trained on a file.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const MANIFEST_FORMAT = 'spotify-insights-lab/shards@1';
export const MANIFEST_FILE = 'manifest.json';

export interface ShardEntry {
  /** File name, relative to the manifest's folder. */
  file: string;
  /** Rows in the shard (= train + test). */
  rows: number;
  trainRows: number;
  testRows: number;
  /** Rows labelled 1. */
  positives: number;
  /** SHA-256 of the file's bytes. */
  sha256: string;
}

export interface ShardManifest {
  format: typeof MANIFEST_FORMAT;
  /** The file the shards were cut from, and its load report's counts. */
  source: { file: string; rowsRead: number; rowsKept: number; rowsRejected: number; rowsDropped: number };
  parts: number;
  /** How a row's shard is chosen (the SQL, in words). */
  assignment: string;
  /** Model feature columns, in model order; every shard holds them all (DOUBLE, NULL = missing). */
  features: string[];
  /** The label column, the columns it is computed from, and the rule. */
  label: { column: 'label'; inputs: string[]; rule: string; flipRate: number; seed: number };
  /** The held-out test rows (column is_test), chosen per track so they do not depend on the shard count. */
  split: { column: 'is_test'; testFraction: number; rule: string };
  shards: ShardEntry[];
  /** Sum of shard rows: the cleaned table's row count. */
  rows: number;
  /** SHA-256 over the shards' hashes in order: one value naming the whole sharded table. */
  contentHash: string;
  createdAt: string;
}

/** SHA-256 of a file's bytes, read in 1 MiB pieces (shards can be large). */
export function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** The manifest's content hash: SHA-256 over the shard hashes, in shard order. */
export function contentHashOf(shards: readonly ShardEntry[]): string {
  return createHash('sha256')
    .update(shards.map((s) => s.sha256).join('\n'))
    .digest('hex');
}

/** Reads and checks a manifest (a manifest.json file, or the folder holding it). */
export function readManifest(fileOrDir: string): { manifest: ShardManifest; dir: string } {
  const file =
    fs.existsSync(fileOrDir) && fs.statSync(fileOrDir).isDirectory()
      ? path.join(fileOrDir, MANIFEST_FILE)
      : fileOrDir;
  if (!fs.existsSync(file)) throw new Error(`${file}: no shard manifest here (write shards with lab shard)`);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const m = value as Partial<ShardManifest>;
  if (m.format !== MANIFEST_FORMAT)
    throw new Error(`${file}: format is ${m.format}, expected ${MANIFEST_FORMAT}`);
  if (!Array.isArray(m.shards) || m.shards.length !== m.parts || !Array.isArray(m.features)) {
    throw new Error(`${file}: expected ${m.parts} shard entries and a features list`);
  }
  if (m.shards.reduce((s, e) => s + e.rows, 0) !== m.rows) {
    throw new Error(`${file}: shard rows do not sum to the manifest's ${m.rows} rows`);
  }
  if (contentHashOf(m.shards) !== m.contentHash)
    throw new Error(`${file}: contentHash does not match the shards`);
  return { manifest: m as ShardManifest, dir: path.dirname(path.resolve(file)) };
}

/** Throws unless `file` has the bytes the manifest recorded for it. */
export function verifyShard(manifest: ShardManifest, dir: string, file: string): ShardEntry {
  const name = path.basename(file);
  const entry = manifest.shards.find((s) => s.file === name);
  if (!entry)
    throw new Error(`${file} is not one of the manifest's shards (${manifest.shards.map((s) => s.file)})`);
  if (path.resolve(dir, entry.file) !== path.resolve(file) && !fs.existsSync(file)) {
    throw new Error(`${file} does not exist`);
  }
  const sha = fileSha256(file);
  if (sha !== entry.sha256) {
    throw new Error(
      `${file} changed since lab shard wrote it (sha256 ${sha.slice(0, 12)}…, manifest ${entry.sha256.slice(0, 12)}…)`,
    );
  }
  return entry;
}

/** Writes `text` to `file` through a temporary file and a rename, so readers never see half a file. */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
