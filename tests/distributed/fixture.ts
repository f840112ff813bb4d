/** A small seeded demo file, sharded once per test file into a temporary folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import { shardTable } from '../../src/distributed/shard';
import { readManifest, type ShardManifest } from '../../src/distributed/manifest';

export async function demoFile(rows: number, seed = 7): Promise<{ dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-dist-'));
  const file = path.join(dir, 'tracks.csv');
  await writeDemoCsv(file, { rows, seed });
  return { dir, file };
}

export async function shardDemo(
  file: string,
  dir: string,
  parts: number,
): Promise<{ out: string; manifest: ShardManifest }> {
  const out = path.join(dir, `shards-${parts}`);
  // Tests of one file share the shards of one part count (read-only): cut once.
  if (fs.existsSync(path.join(out, 'manifest.json'))) return { out, manifest: readManifest(out).manifest };
  return { out, manifest: await shardTable(file, { parts, out }) };
}
