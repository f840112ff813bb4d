/**
 * The distributed subcommands of `lab` (hooked into src/cli.ts): shard, train --workers, tracker, worker.
 * Results go to stdout (JSON with --json), progress and worker messages to stderr.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { XGBoostParams } from '../model/xgboost';
import { dieWithParent } from './die-with-parent';
import { MANIFEST_FILE, readManifest } from './manifest';
import { shardFileName, shardTable } from './shard';
import { startTracker } from './tracker';
import { trainDistributed } from './train-distributed';
import { runWorker } from './worker';

export const DISTRIBUTED_COMMANDS = new Set(['shard', 'train', 'tracker', 'worker']);

export const DISTRIBUTED_HELP = `Beyond one machine (XGBoost's own collective; see the README's scale section):
  lab shard --data FILE --parts N --out DIR [--seed S] [--test-fraction F] [--flip-rate F]
                                 the cleaned table as N Parquet shards (by md5 of track id) + manifest.json
  lab train --workers N (--shards DIR | --data FILE) [--rounds R] [--max-bin B] [--params JSON]
            [--model-dir D] [--name S]
                                 tracker + N worker processes on this machine (--data: shards FILE into
                                 data/shards/ first); rank 0 saves D/S.json + .meta.json (models/distributed_model)
  lab tracker --workers N [--host H] [--port P]
                                 the tracker alone (multi-host: run once, then one lab worker per shard)
  lab worker --tracker HOST:PORT --rank I --shard PATH [--workers N] [same training options]`;

const OPTIONS = {
  data: { type: 'string' },
  parts: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  'test-fraction': { type: 'string' },
  'flip-rate': { type: 'string' },
  workers: { type: 'string' },
  shards: { type: 'string' },
  rounds: { type: 'string' },
  'max-bin': { type: 'string' },
  nthread: { type: 'string' },
  params: { type: 'string' },
  'model-dir': { type: 'string' },
  name: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  tracker: { type: 'string' },
  rank: { type: 'string' },
  shard: { type: 'string' },
  manifest: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

const cwd = (): string => process.env.INIT_CWD || process.cwd();
const resolvePath = (p: string): string => path.resolve(cwd(), p);

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isInteger(x)) throw new Error(`--${name} expects an integer, got '${value}'`);
  return x;
}

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x)) throw new Error(`--${name} expects a number, got '${value}'`);
  return x;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is required (lab help)`);
  return value;
}

function params(text: string | undefined): XGBoostParams | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as XGBoostParams;
  } catch (err) {
    throw new Error(`--params expects JSON like '{"max_depth": 4}': ${(err as Error).message}`);
  }
}

/** The object without its undefined values, so `{ ...DEFAULTS, ...options }` keeps the defaults. */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

/** HOST:PORT → parts; the host may be a name, an IPv4 address, or [an IPv6 address]. */
export function parseTrackerAddress(text: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(text);
  if (!m) throw new Error(`--tracker expects HOST:PORT, got '${text}'`);
  return { host: m[1], port: Number(m[2]) };
}

/**
 * `lab train --data FILE --workers N`: the shards of FILE in data/shards/<name>-<N>-parts, cut on first use and
 * reused while the manifest names the same file (delete the folder after the file changes).
 */
async function shardsForData(
  file: string,
  parts: number,
  log: NodeJS.WritableStream | null,
): Promise<string> {
  const out = resolvePath(
    path.join('data', 'shards', `${path.basename(file).replace(/\.[^.]*$/, '')}-${parts}-parts`),
  );
  if (fs.existsSync(path.join(out, MANIFEST_FILE))) {
    const { manifest } = readManifest(out);
    if (manifest.source.file !== file || manifest.parts !== parts) {
      throw new Error(
        `${out} holds shards of ${manifest.source.file} in ${manifest.parts} parts; remove it or pass --shards`,
      );
    }
    log?.write(`using the shards in ${out}\n`);
    return out;
  }
  log?.write(`sharding ${file} into ${parts} parts in ${out}\n`);
  await shardTable(file, { parts, out });
  return out;
}

export async function runDistributedCommand(command: string, argv: string[]): Promise<number> {
  const { values: v } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
  const log = v.quiet ? null : process.stderr;
  const training = definedOnly({
    rounds: int(v.rounds, 'rounds'),
    seed: int(v.seed, 'seed'),
    maxBin: int(v['max-bin'], 'max-bin'),
    nthread: int(v.nthread, 'nthread'),
    params: params(v.params),
    modelDir: v['model-dir'] === undefined ? resolvePath('models') : resolvePath(v['model-dir']),
    name: v.name,
  });
  switch (command) {
    case 'shard': {
      const manifest = await shardTable(
        resolvePath(need(v.data, 'lab shard --data FILE')),
        definedOnly({
          parts: need(int(v.parts, 'parts'), 'lab shard --parts N'),
          out: resolvePath(need(v.out, 'lab shard --out DIR')),
          seed: int(v.seed, 'seed'),
          testFraction: num(v['test-fraction'], 'test-fraction'),
          flipRate: num(v['flip-rate'], 'flip-rate'),
        }),
      );
      console.log(JSON.stringify(manifest, null, 2));
      return 0;
    }
    case 'train': {
      const shards =
        v.shards !== undefined
          ? resolvePath(v.shards)
          : await shardsForData(
              resolvePath(need(v.data, 'lab train --shards DIR (from lab shard) or --data FILE')),
              need(int(v.workers, 'workers'), 'lab train --data FILE --workers N'),
              log,
            );
      const result = await trainDistributed(
        definedOnly({
          ...training,
          shards,
          workers: int(v.workers, 'workers'),
          host: v.host,
          log,
        }),
      );
      if (v.json) console.log(JSON.stringify(result, null, 2));
      else {
        const w0 = result.workers[0];
        console.log(
          `trained on ${result.workers.length} workers in ${result.wallSeconds} s: test AUC ${w0.testAuc.toFixed(4)} ` +
            `over ${w0.testRowsTotal} rows; peak RSS per worker ${result.workers.map((w) => w.peakRssMiB).join(', ')} MiB\n` +
            `wrote ${result.files.model} and ${result.files.meta}`,
        );
      }
      return 0;
    }
    case 'tracker': {
      const workers = need(int(v.workers, 'workers'), 'lab tracker --workers N');
      const tracker = await startTracker({
        workers,
        host: v.host ?? '127.0.0.1',
        port: int(v.port, 'port') ?? 0,
      });
      const stop = () => void tracker.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      console.log(
        `tracker listening on ${tracker.host}:${tracker.port} for ${workers} worker(s) (pid ${tracker.process.pid}); on each host run:\n` +
          `  lab worker --tracker ${tracker.host}:${tracker.port} --rank I --shard DIR/${shardFileName(0, workers).replace(/-0+-of/, '-<I>-of')} --workers ${workers}`,
      );
      await tracker.done;
      console.log('tracker: every worker finished');
      return 0;
    }
    case 'worker': {
      // Started by lab train: die with it, even if it is killed with SIGKILL.
      if (process.env.LAB_WORKER_DIE_WITH_PARENT === '1') dieWithParent();
      const result = await runWorker(
        definedOnly({
          ...training,
          tracker: parseTrackerAddress(need(v.tracker, 'lab worker --tracker HOST:PORT')),
          rank: need(int(v.rank, 'rank'), 'lab worker --rank I'),
          shard: resolvePath(need(v.shard, 'lab worker --shard PATH')),
          manifest: v.manifest === undefined ? undefined : resolvePath(v.manifest),
          workers: int(v.workers, 'workers'),
          onProgress: (done, total) => {
            if (log && v.rank === '0' && (done === total || done % Math.max(1, Math.round(total / 10)) === 0))
              log.write(`round ${done}/${total}\n`);
          },
        }),
      );
      console.log(
        v.json
          ? JSON.stringify(result)
          : `worker ${result.rank}/${result.worldSize} done: test AUC ${result.testAuc.toFixed(4)}`,
      );
      return 0;
    }
    default:
      throw new Error(`unknown distributed command '${command}'`);
  }
}
