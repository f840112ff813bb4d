/**
 * `npm run bench:distributed`: the same training on 1, 2 and 4 workers (lab shard + lab train --workers N), on
 * the seeded demo file (default 10M rows). Per worker count: wall time, the slowest worker's read / matrix /
 * train seconds, peak RSS per worker (each worker's own getrusage maxRSS), and the test AUC over all test rows.
 *
 * What it shows on ONE machine: memory per worker falls roughly as 1/N (each worker holds only its shard's rows
 * and their bins), which is what lets a table that does not fit one machine train on several. It does not show
 * speed: here the N workers share the same cores, so wall time does not drop (on separate hosts it would).
 *
 * Options: --rows N (default 10,000,000; quick 20,000), --rounds R (default 30; quick 10), --workers 1,2,4,
 * --data FILE (use this file instead of the generated one, e.g. another worktree's bench/.cache copy),
 * --reuse (take a worker count's result from bench/.cache when an earlier run saved it),
 * --quick (small, for CI; RESULTS.md untouched). Children run under `nice -n 10`: the machine is shared.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { TrainDistributedResult } from '../src/distributed/train-distributed';
import { readManifest } from '../src/distributed/manifest';
import {
  benchCacheDir,
  demoFile,
  formatTable,
  intOption,
  machineSummary,
  quickMode,
  writeResultsSection,
} from './common';

const LAB = path.resolve(__dirname, '../bin/lab.js');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** Runs `lab ARGS` under nice; returns stdout, throws with stderr's tail on failure. */
function lab(args: string[]): string {
  const result = spawnSync('nice', ['-n', '10', process.execPath, LAB, ...args], {
    // OpenMP threads that spin while waiting starve each other when workers share cores (measured: 10 rounds
    // on 16k rows took 42 s instead of 0.4 s on this loaded machine); passive waiting yields the core.
    env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(
      `lab ${args[0]} failed (${result.status ?? result.signal}): ${result.stderr.trim().split('\n').slice(-5).join('\n')}`,
    );
  }
  return result.stdout;
}

/** The shards of `file` in `parts` parts, cut once and kept in bench/.cache (checked by the manifest). */
function shardsFor(file: string, parts: number): string {
  const stat = fs.statSync(file);
  const dir = path.join(benchCacheDir(), `shards-${path.basename(file)}-${stat.size}-${parts}`);
  if (fs.existsSync(path.join(dir, 'manifest.json'))) {
    readManifest(dir); // throws if the cached shards do not match their manifest
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  lab(['shard', '--data', file, '--parts', String(parts), '--out', dir]);
  console.error(`sharded ${file} into ${parts} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return dir;
}

async function main(): Promise<void> {
  const quick = quickMode();
  const rows = intOption('rows', 10_000_000, 20_000);
  const rounds = intOption('rounds', 30, 10);
  const counts = (option('workers') ?? (quick ? '1,2' : '1,2,4')).split(',').map(Number);
  const file = option('data') ?? (await demoFile(rows));
  const modelDir = path.join(benchCacheDir(), `models-${process.pid}`);
  const measured: Array<{ workers: number; result: TrainDistributedResult }> = [];
  try {
    for (const n of counts) {
      // Each worker count's result is kept, so a long run cut short (or --workers 4 alone) can be completed
      // later with --reuse instead of training again (at 10M rows on a shared machine each count takes minutes).
      const cached = path.join(
        benchCacheDir(),
        `distributed-${path.basename(file)}-${fs.statSync(file).size}-${rounds}r-${n}w.json`,
      );
      if (process.argv.includes('--reuse') && fs.existsSync(cached)) {
        measured.push({ workers: n, result: JSON.parse(fs.readFileSync(cached, 'utf8')) });
        console.error(`${n} worker(s): reused ${cached}`);
        continue;
      }
      const shards = shardsFor(file, n);
      const out = lab([
        'train',
        '--workers',
        String(n),
        '--shards',
        shards,
        '--rounds',
        String(rounds),
        '--model-dir',
        modelDir,
        '--name',
        `bench-${n}`,
        '--json',
        '--quiet',
      ]);
      const result = JSON.parse(out) as TrainDistributedResult;
      measured.push({ workers: n, result });
      if (!quickMode()) fs.writeFileSync(cached, JSON.stringify(result));
      console.error(
        `${n} worker(s): ${result.wallSeconds} s, peak RSS per worker ${result.workers.map((w) => w.peakRssMiB).join(', ')} MiB, test AUC ${result.workers[0].testAuc.toFixed(4)}`,
      );
    }
  } finally {
    fs.rmSync(modelDir, { recursive: true, force: true });
  }
  const gb = (mib: number) => mib / 1024;
  const peak = (r: TrainDistributedResult) => Math.max(...r.workers.map((w) => w.peakRssMiB));
  const slowest = (r: TrainDistributedResult, k: 'read' | 'matrix' | 'train') =>
    Math.max(...r.workers.map((w) => w.seconds[k]));
  const table = formatTable(
    ['workers', 'wall s', 'read s', 'matrix s', 'train s', 'peak RSS/worker GB', 'test AUC'],
    measured.map(({ workers, result: r }) => [
      String(workers),
      r.wallSeconds,
      slowest(r, 'read'),
      slowest(r, 'matrix'),
      slowest(r, 'train'),
      gb(peak(r)),
      r.workers[0].testAuc.toFixed(4),
    ]),
  );
  console.log(table);
  const first = measured[0];
  const last = measured[measured.length - 1];
  const gap = Math.abs(last.result.workers[0].testAuc - first.result.workers[0].testAuc);
  const line =
    `bench distributed: ${last.workers} workers peak RSS per worker ${gb(peak(last.result)).toFixed(2)} GB ` +
    `vs ${first.workers} worker ${gb(peak(first.result)).toFixed(2)} GB, AUC gap ${gap.toFixed(4)}`;
  writeResultsSection(
    'Distributed training (npm run bench:distributed)',
    [
      `${rows.toLocaleString('en-US')} demo rows, ${rounds} rounds, hist, one machine: ${machineSummary()}.`,
      'On one machine the point is memory per worker (each holds only its shard), not speed: the workers share the same cores.',
      '',
      '```',
      table,
      '```',
      '',
      line,
    ].join('\n'),
  );
  console.log(line);
}

main().catch((err) => {
  console.error(`bench distributed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
