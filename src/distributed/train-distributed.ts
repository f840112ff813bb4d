/**
 * `lab train --workers N` on one machine: start the tracker, start N `lab worker` processes (the very command a
 * cluster runs on each host), each on its own shard, and watch them. Success = every worker exits 0 and the
 * tracker heard every shutdown. Any worker that dies (exit code ≠ 0 or a signal), or a tracker that dies, ends
 * the job at once: the other workers and the tracker are stopped, rank 0's staged files are removed, and one
 * message says who failed and how. Workers also die with this process (PR_SET_PDEATHSIG, see worker-cli.ts), and
 * the tracker when its stdin closes, so nothing outlives a killed `lab train`.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { XGBoostParams } from '../model/xgboost';
import { readManifest } from './manifest';
import { startTracker, type Tracker } from './tracker';
import { WORKER_DEFAULTS, type WorkerResult } from './worker';

export interface TrainDistributedOptions {
  /** The folder `lab shard` wrote (manifest.json + shards). */
  shards: string;
  /** Workers; must equal the manifest's parts (one shard per worker). Default: the manifest's parts. */
  workers?: number;
  /** Folder of the saved model. Default: 'models'. */
  modelDir?: string;
  /** File stem of the model. Default: 'distributed_model'. */
  name?: string;
  rounds?: number;
  params?: XGBoostParams;
  seed?: number;
  maxBin?: number;
  /** XGBoost threads per worker. Default: max(1, floor(cores / workers)). */
  nthread?: number;
  /** Tracker address. Default: '127.0.0.1'. */
  host?: string;
  /** Where worker and tracker messages go. Default: process.stderr; null = nowhere. */
  log?: NodeJS.WritableStream | null;
  /** Extra environment for the workers (tests use it). Default: none. */
  workerEnv?: NodeJS.ProcessEnv;
  /** Called with each worker's pid once it started (tests kill one). */
  onWorkerStarted?: (rank: number, pid: number) => void;
  /** Called with the tracker's pid once it listens. */
  onTrackerStarted?: (pid: number) => void;
}

export interface TrainDistributedResult {
  workers: WorkerResult[];
  files: { model: string; meta: string };
  tracker: { host: string; port: number };
  wallSeconds: number;
}

const LAB_BIN = path.resolve(__dirname, '../../bin/lab.js');

interface Running {
  rank: number;
  child: ChildProcess;
  stdout: string;
  stderrTail: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; seconds: number }>;
}

function startWorker(
  rank: number,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: TrainDistributedOptions['log'],
): Running {
  const started = performance.now();
  const child = spawn(process.execPath, [LAB_BIN, 'worker', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, LAB_WORKER_DIE_WITH_PARENT: '1' },
  });
  const running: Running = {
    rank,
    child,
    stdout: '',
    stderrTail: [],
    exit: new Promise((resolve) => {
      child.on('exit', (code, signal) =>
        resolve({ code, signal, seconds: (performance.now() - started) / 1000 }),
      );
      child.on('error', () =>
        resolve({ code: -1, signal: null, seconds: (performance.now() - started) / 1000 }),
      );
    }),
  };
  child.stdout!.on('data', (d: Buffer) => (running.stdout += d.toString()));
  let partial = '';
  child.stderr!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      running.stderrTail = [...running.stderrTail, line].slice(-20);
      log?.write(`[worker ${rank}] ${line}\n`);
    }
  });
  return running;
}

async function stopAll(workers: Running[], tracker: Tracker | null): Promise<void> {
  for (const w of workers)
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const w of workers)
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
  }, 2000);
  await Promise.all(workers.map((w) => w.exit));
  clearTimeout(timer);
  if (tracker) await tracker.stop();
}

/** Removes files rank 0 staged but never renamed (`.<name>.json.tmp-<pid>`, `.<name>.meta.json.tmp-<pid>`). */
function removeStaged(dir: string, name: string): void {
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    if (f.startsWith(`.${name}.`) && /\.tmp-\d+$/.test(f)) fs.rmSync(path.join(dir, f), { force: true });
  }
}

function describeExit(
  w: Running,
  r: { code: number | null; signal: NodeJS.Signals | null; seconds: number },
): string {
  const how = r.signal ? `was killed by ${r.signal}` : `exited with code ${r.code}`;
  // A worker that failed on its own says why on its last `lab:` line; a killed one said nothing relevant.
  const said = r.signal ? undefined : w.stderrTail.filter((l) => /^lab: /.test(l)).pop();
  return `worker ${w.rank} (pid ${w.child.pid}) ${how} after ${r.seconds.toFixed(1)} s${said ? ` (${said.trim()})` : ''}`;
}

export async function trainDistributed(options: TrainDistributedOptions): Promise<TrainDistributedResult> {
  const started = performance.now();
  const startedAt = Date.now();
  const { manifest, dir } = readManifest(options.shards);
  const workers = options.workers ?? manifest.parts;
  if (workers !== manifest.parts) {
    throw new Error(
      `--workers ${workers} but ${dir} holds ${manifest.parts} shards: one worker reads one shard (re-shard with lab shard --parts ${workers})`,
    );
  }
  const modelDir = path.resolve(options.modelDir ?? WORKER_DEFAULTS.modelDir);
  const name = options.name ?? WORKER_DEFAULTS.name;
  const nthread = options.nthread ?? Math.max(1, Math.floor(os.cpus().length / workers));
  const log = options.log === undefined ? process.stderr : options.log;
  const tracker = await startTracker({ workers, host: options.host });
  log?.write(
    `tracker: python3 RabitTracker listening on ${tracker.host}:${tracker.port} (pid ${tracker.process.pid})\n`,
  );
  options.onTrackerStarted?.(tracker.process.pid!);
  const running: Running[] = [];
  try {
    for (let rank = 0; rank < workers; rank++) {
      const args = [
        '--tracker',
        `${tracker.host}:${tracker.port}`,
        '--rank',
        String(rank),
        '--shard',
        path.join(dir, manifest.shards[rank].file),
        '--workers',
        String(workers),
        '--model-dir',
        modelDir,
        '--name',
        name,
        '--nthread',
        String(nthread),
        '--json',
      ];
      if (options.rounds !== undefined) args.push('--rounds', String(options.rounds));
      if (options.seed !== undefined) args.push('--seed', String(options.seed));
      if (options.maxBin !== undefined) args.push('--max-bin', String(options.maxBin));
      if (options.params) args.push('--params', JSON.stringify(options.params));
      const w = startWorker(rank, args, options.workerEnv ?? {}, log);
      running.push(w);
      options.onWorkerStarted?.(rank, w.child.pid!);
    }
    // The first failure wins; success needs every worker's exit 0 and the tracker's.
    const failure = new Promise<never>((_, reject) => {
      for (const w of running) {
        void w.exit.then((r) => {
          if (r.code !== 0) reject(new Error(describeExit(w, r)));
        });
      }
      tracker.done.catch((err: Error) => reject(err));
    });
    failure.catch(() => undefined);
    await Promise.race([Promise.all([...running.map((w) => w.exit), tracker.done]), failure]);
    const results = running.map((w) => {
      const line = w.stdout.trim().split('\n').pop() ?? '';
      try {
        return JSON.parse(line) as WorkerResult;
      } catch {
        throw new Error(`worker ${w.rank} exited 0 but printed no result (stdout: ${line.slice(0, 200)})`);
      }
    });
    const files = results[0].files;
    if (!files) throw new Error('rank 0 reported no saved model');
    return {
      workers: results,
      files,
      tracker: { host: tracker.host, port: tracker.port },
      wallSeconds: Math.round((performance.now() - started) / 10) / 100,
    };
  } catch (err) {
    await stopAll(running, tracker);
    removeStaged(modelDir, name);
    const model = path.join(modelDir, `${name}.json`);
    // Rank 0 renames its files only after every worker finished training; say so if that happened first.
    const saved = fs.existsSync(model) && fs.statSync(model).mtimeMs >= startedAt;
    throw new Error(
      `distributed training failed: ${(err as Error).message}. Stopped every worker (${running.length}) and the tracker; ` +
        (saved ? `rank 0 had already saved a complete model to ${model}.` : 'no model was written.'),
    );
  } finally {
    await stopAll(running, tracker);
  }
}
