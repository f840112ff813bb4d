/**
 * What every benchmark shares: run a command as a child process and measure its wall time and peak RSS,
 * medians over runs, ratios, the fixed last line that scripts read, and bench/RESULTS.md sections.
 *
 * Peak RSS comes from getrusage(RUSAGE_CHILDREN).ru_maxrss, read by a five-line Python wrapper (Python is on
 * every machine this runs on; `/usr/bin/time` is not always installed). It covers the child and its
 * descendants, so a pipeline that forks workers is measured whole.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../src/data/demo';

export interface Measured {
  /** Wall-clock seconds of the child. */
  wallSeconds: number;
  /** Peak resident set size of the child (largest of it and its descendants), MiB. */
  peakRssMiB: number;
  stdout: string;
  stderr: string;
}

const WRAPPER = `
import resource, subprocess, sys, time, json
t = time.perf_counter()
limit = float(sys.argv[2]) or None
try:
    p = subprocess.run(sys.argv[3:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=limit)
    code, out, err, timed_out = p.returncode, p.stdout, p.stderr, False
except subprocess.TimeoutExpired as e:
    code, out, err, timed_out = -9, e.stdout or b"", e.stderr or b"", True
wall = time.perf_counter() - t
sys.stdout.buffer.write(out); sys.stderr.buffer.write(err)
open(sys.argv[1], "w").write(json.dumps({"wall": wall, "maxrss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "code": code, "timed_out": timed_out}))
`;

export interface MeasuredOutcome extends Measured {
  /** Exit code (negative: killed by that signal). */
  code: number;
  /** Killed because it ran past `timeoutSeconds`. */
  timedOut: boolean;
}

/**
 * Run `command args…` and measure it whatever its outcome (exit code, killed after `timeoutSeconds`), for a
 * side that may run out of memory or time (the Python reference at 10M rows).
 */
export function runMeasuredOutcome(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutSeconds?: number } = {},
): MeasuredOutcome {
  const out = path.join(os.tmpdir(), `bench-${process.pid}-${Date.now()}.json`);
  const result = spawnSync(
    fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3',
    ['-c', WRAPPER, out, String(options.timeoutSeconds ?? 0), command, ...args],
    { env: options.env ?? process.env, maxBuffer: 1 << 28, encoding: 'utf8' },
  );
  if (result.error) throw result.error;
  const stats = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    wall: number;
    maxrss_kib: number;
    code: number;
    timed_out: boolean;
  };
  fs.rmSync(out, { force: true });
  return {
    wallSeconds: stats.wall,
    peakRssMiB: stats.maxrss_kib / 1024,
    stdout: result.stdout,
    stderr: result.stderr,
    code: stats.code,
    timedOut: stats.timed_out,
  };
}

/** Run `command args…` to completion and measure it; throws with its stderr when it fails. */
export function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const m = runMeasuredOutcome(command, args, { env });
  if (m.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${m.code}:\n${m.stderr.slice(-4000)}`);
  }
  const { code: _code, timedOut: _timedOut, ...measured } = m;
  return measured;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The fixed last line of every benchmark: `bench NAME: ours/python wall R.RRx, rss R.RRx (target ≤ T x)`. */
export function benchLine(name: string, wallRatio: number, rssRatio: number, target: number): string {
  return `bench ${name}: ours/python wall ${wallRatio.toFixed(2)}x, rss ${rssRatio.toFixed(2)}x (target ≤ ${target}x)`;
}

/** A plain-text table with right-aligned numeric columns. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toFixed(2) : c)))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => String(r[j] ?? '').length)));
  const line = (r: (string | number)[]) =>
    r.map((c, j) => (j === 0 ? String(c).padEnd(widths[j]) : String(c).padStart(widths[j]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

/** The machine a result was measured on, for RESULTS.md. */
export function machineSummary(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
}

/**
 * Quick mode (`--quick` or BENCH_QUICK=1): small inputs and one run, so CI can run every benchmark in seconds
 * and none can rot. Its figures say nothing about speed, so it never writes bench/RESULTS.md.
 */
export function quickMode(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--quick') || process.env.BENCH_QUICK === '1';
}

/**
 * The positive integer option `--name N`, else `quick` in quick mode, else `full`. Throws naming the option
 * when the value is not a positive integer.
 */
export function intOption(
  name: string,
  full: number,
  quick = full,
  argv: readonly string[] = process.argv,
): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return quickMode(argv) ? quick : full;
  const value = Number(argv[i + 1]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} expects a positive integer, got ${argv[i + 1] ?? 'nothing'}`);
  return value;
}

/** Replace (or append) the section `## title` of bench/RESULTS.md with `body`; skipped in quick mode. */
export function writeResultsSection(
  title: string,
  body: string,
  file = path.join(__dirname, 'RESULTS.md'),
): void {
  if (quickMode()) {
    console.error(`quick mode: bench/RESULTS.md section "${title}" not updated`);
    return;
  }
  const heading = `## ${title}`;
  const existing = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmark results\n\nWritten by the benchmarks in bench/; each section is replaced by its latest run.\n';
  const parts = existing.split(/^(?=## )/m);
  const section = `${heading}\n\n${body.trim()}\n\n`;
  const index = parts.findIndex((p) => p.startsWith(`${heading}\n`));
  if (index >= 0) parts[index] = section;
  else parts.push(section);
  fs.writeFileSync(file, parts.join('').replace(/\n{3,}/g, '\n\n'));
}

/** The cached generated demo file of `rows` rows (seed 42), written on first use. */
export async function demoFile(rows: number): Promise<string> {
  const file = path.join(benchCacheDir(), `demo-${rows}-seed42.csv`);
  if (!fs.existsSync(file)) {
    console.error(`generating ${file} …`);
    // A static import above, not `await import()`: run-ts.js registers tsx's require hook only, and Node's
    // own ESM loader refuses the directory import (ERR_UNSUPPORTED_DIR_IMPORT) on a clean clone.
    await writeDemoCsv(`${file}.tmp`, { rows, seed: 42 });
    fs.renameSync(`${file}.tmp`, file);
  }
  return file;
}

/** The folder where benchmarks cache their generated inputs (git-ignored). */
export function benchCacheDir(): string {
  const dir = path.join(__dirname, '.cache');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
