/**
 * npm run bench:scale — how the original app's steps grow with the number of tracks, ours beside the Python
 * reference at every size. For each seeded demo file (default 1.2M, 5M and 10M rows; generated on first use,
 * ~170 bytes a row): load → clean → aggregates → k-means → labels → split → training (100 rounds) → SHAP on
 * 10k rows, as `bench/original-pipeline.ts` (ours) and bench/reference/original_pipeline.py (pandas,
 * scikit-learn, xgboost), each a child process: wall time and peak RSS of the whole process tree.
 *
 * Python runs under an address-space cap (prlimit --as, default 6 GiB: the machine is shared) and a time limit;
 * where pandas runs out of either, the table says so instead of a number.
 *
 *   nice npm run bench:scale [-- --sizes 1204025,5000000,10000000 --python-cap-gib 6 --python-timeout 900
 *                                --python-max-rows N (Python only up to N rows)]
 *   npm run bench:scale -- --quick      (5000 and 20000 rows; RESULTS.md untouched)
 * Last line: bench scale: 10M rows wall W s (Fx the 1.2M time), peak RSS R GB (target ≤ 4 GB)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  demoFile,
  formatTable,
  intOption,
  machineSummary,
  quickMode,
  runMeasuredOutcome,
  writeResultsSection,
  type MeasuredOutcome,
} from './common';

const TARGET_RSS_GB = 4;
const TARGET_GROWTH = 10;
const ROOT = path.resolve(__dirname, '..');

/** `--sizes a,b,c` (row counts), else the defaults. */
function sizesOption(): number[] {
  const i = process.argv.indexOf('--sizes');
  if (i < 0) return quickMode() ? [5_000, 20_000] : [1_204_025, 5_000_000, 10_000_000];
  const sizes = String(process.argv[i + 1] ?? '')
    .split(',')
    .map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1000))
    throw new Error(`--sizes expects comma-separated row counts ≥ 1000, got ${process.argv[i + 1]}`);
  return sizes;
}

/** 1204025 → "1.2M", 20000 → "20k". */
function rowsLabel(rows: number): string {
  if (rows >= 1e6) return `${Number((rows / 1e6).toFixed(1))}M`;
  if (rows >= 1e3) return `${Number((rows / 1e3).toFixed(1))}k`;
  return String(rows);
}

interface Stages {
  stages: Record<string, number>;
  rows_read: number;
  rows_clean: number;
  auc: number;
}

interface SideRun {
  /** 'ok', or why there is no number: 'out of memory (cap 6 GiB)', 'timed out after 900 s', 'failed (exit 1)'. */
  status: string;
  measured: MeasuredOutcome;
  report?: Stages;
}

const STAGES: [string, (s: Record<string, number>) => number][] = [
  ['load + clean', (s) => s.load + s.clean],
  ['aggregates', (s) => s.aggregates],
  ['k-means', (s) => s.kmeans],
  ['labels + split', (s) => s.label_split],
  ['train', (s) => s.train + (s.metrics ?? 0)],
  ['SHAP 10k', (s) => s.shap],
];

function ours(file: string, work: string): SideRun {
  const json = path.join(work, 'ours.json');
  fs.rmSync(json, { force: true });
  const measured = runMeasuredOutcome(process.execPath, [
    path.join(ROOT, 'bin/run-ts.js'),
    path.join(ROOT, 'bench/original-pipeline.ts'),
    file,
    '--timings-json',
    json,
  ]);
  if (measured.code !== 0)
    throw new Error(`ours failed on ${file} (exit ${measured.code}):\n${measured.stderr.slice(-3000)}`);
  return { status: 'ok', measured, report: JSON.parse(fs.readFileSync(json, 'utf8')) as Stages };
}

function python(file: string, work: string, capGiB: number, timeoutSeconds: number): SideRun {
  const measured = runMeasuredOutcome(
    'prlimit',
    [
      `--as=${capGiB * 2 ** 30}`,
      '/usr/bin/python3',
      path.join(ROOT, 'bench/reference/original_pipeline.py'),
      file,
      '--model-out',
      path.join(work, 'py_model.json'),
    ],
    { timeoutSeconds },
  );
  if (measured.timedOut) return { status: `timed out after ${timeoutSeconds} s`, measured };
  if (measured.code !== 0) {
    const oom = /MemoryError|Unable to allocate|bad_alloc|Cannot allocate memory|std::bad_alloc/.test(
      measured.stderr,
    );
    const status = oom ? `out of memory (cap ${capGiB} GiB)` : `failed (exit ${measured.code})`;
    if (!oom) console.error(measured.stderr.slice(-2000));
    return { status, measured };
  }
  return { status: 'ok', measured, report: JSON.parse(measured.stdout.trim().split('\n').pop()!) as Stages };
}

const gb = (mib: number) => mib / 1024;

const NOT_RUN: MeasuredOutcome = {
  wallSeconds: NaN,
  peakRssMiB: NaN,
  stdout: '',
  stderr: '',
  code: 0,
  timedOut: false,
};

interface SizeResult {
  rows: number;
  ours: SideRun;
  python: SideRun;
}

async function main(): Promise<void> {
  const sizes = sizesOption();
  const capGiB = intOption('python-cap-gib', 6);
  const timeoutSeconds = intOption('python-timeout', 900, 300);
  // On a busy machine the Python side at every size may not fit the time there is; this skips the largest.
  const pythonMaxRows = intOption('python-max-rows', Number.MAX_SAFE_INTEGER);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
  const results: SizeResult[] = [];
  try {
    for (const rows of sizes) {
      const file = await demoFile(rows);
      console.error(`${rowsLabel(rows)} rows: ours …`);
      const o = ours(file, work);
      console.error(
        `  ours ${o.measured.wallSeconds.toFixed(1)} s, ${gb(o.measured.peakRssMiB).toFixed(2)} GB; python …`,
      );
      const p: SideRun =
        rows <= pythonMaxRows
          ? python(file, work, capGiB, timeoutSeconds)
          : { status: `not run (above --python-max-rows ${pythonMaxRows})`, measured: NOT_RUN };
      console.error(
        `  python ${p.status === 'ok' ? `${p.measured.wallSeconds.toFixed(1)} s, ${gb(p.measured.peakRssMiB).toFixed(2)} GB` : p.status}`,
      );
      results.push({ rows, ours: o, python: p });
      // Written after every size, so a run stopped at the largest still leaves what it measured.
      report(results, { sizes, capGiB, timeoutSeconds, pythonMaxRows }, results.length === sizes.length);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

interface Settings {
  sizes: number[];
  capGiB: number;
  timeoutSeconds: number;
  pythonMaxRows: number;
}

/** The tables and last line of the sizes measured so far; printed when `done`, written to RESULTS.md always. */
function report(results: SizeResult[], settings: Settings, done: boolean): void {
  const { sizes, capGiB, timeoutSeconds, pythonMaxRows } = settings;
  const cell = (run: SideRun, f: (r: SideRun) => string) => (run.status === 'ok' ? f(run) : run.status);
  const summary = formatTable(
    ['rows', 'ours wall s', 'ours peak RSS GB', 'python wall s', 'python peak RSS GB', 'wall ours/python'],
    results.map(({ rows, ours: o, python: p }) => [
      rowsLabel(rows),
      o.measured.wallSeconds,
      gb(o.measured.peakRssMiB),
      cell(p, (r) => r.measured.wallSeconds.toFixed(2)),
      cell(p, (r) => gb(r.measured.peakRssMiB).toFixed(2)),
      cell(p, (r) => `${(o.measured.wallSeconds / r.measured.wallSeconds).toFixed(2)}x`),
    ]),
  );
  const stageTable = formatTable(
    ['stage (s)', ...results.flatMap((r) => [`ours ${rowsLabel(r.rows)}`, `python ${rowsLabel(r.rows)}`])],
    STAGES.map(([name, pick]) => [
      name,
      ...results.flatMap((r) => [
        pick(r.ours.report!.stages).toFixed(2),
        r.python.report ? pick(r.python.report.stages).toFixed(2) : '—',
      ]),
    ]),
  );
  const checks = results.map(({ rows, ours: o, python: p }) => {
    const a = o.report!;
    if (!p.report)
      return `${rowsLabel(rows)}: ours read ${a.rows_read}, kept ${a.rows_clean}, AUC ${a.auc.toFixed(4)}`;
    const b = p.report;
    const same = a.rows_read === b.rows_read && a.rows_clean === b.rows_clean;
    // Both sides split differently, so the test AUCs differ by sampling noise: ~1/sqrt(test rows), ≥ 0.005.
    const tolerance = Math.max(0.005, 2 / Math.sqrt(0.3 * a.rows_clean));
    const auc = Math.abs(a.auc - b.auc) <= tolerance;
    return `${rowsLabel(rows)}: rows read/kept ours ${a.rows_read}/${a.rows_clean}, python ${b.rows_read}/${b.rows_clean} ${same ? 'OK' : 'FAIL'}; AUC ours ${a.auc.toFixed(4)}, python ${b.auc.toFixed(4)} ${auc ? 'OK' : 'FAIL'} (within ${tolerance.toFixed(3)})`;
  });
  const first = results[0];
  const last = results[results.length - 1];
  const growth = last.ours.measured.wallSeconds / first.ours.measured.wallSeconds;
  const line =
    `bench scale: ${rowsLabel(last.rows)} rows wall ${last.ours.measured.wallSeconds.toFixed(1)} s ` +
    `(${growth.toFixed(1)}x the ${rowsLabel(first.rows)} time), peak RSS ${gb(last.ours.measured.peakRssMiB).toFixed(2)} GB ` +
    `(target ≤ ${TARGET_RSS_GB} GB)`;
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
  const notes = [
    `load average at the end: ${load} on ${os.cpus().length} cores — the machine is shared with other work, so wall times are upper bounds`,
    `targets at the largest size: peak RSS ≤ ${TARGET_RSS_GB} GB, wall ≤ ${TARGET_GROWTH}x the smallest size's`,
  ];
  if (!done)
    notes.push(
      `partial: ${results.length} of ${sizes.length} sizes measured when this was written (the run was still going)`,
    );
  if (done) {
    console.log(summary);
    console.log('');
    console.log(stageTable);
    for (const c of [...checks, ...notes]) console.log(c);
  }
  writeResultsSection(
    'scale (1.2M → 10M tracks)',
    `\`nice npm run bench:scale -- --sizes ${sizes.join(',')} --python-cap-gib ${capGiB} --python-timeout ${timeoutSeconds}${pythonMaxRows < Number.MAX_SAFE_INTEGER ? ` --python-max-rows ${pythonMaxRows}` : ''}\` on ${machineSummary()}.\n` +
      'Ours: `bench/original-pipeline.ts`; Python: bench/reference/original_pipeline.py under `prlimit --as` ' +
      `(${capGiB} GiB address space) and a ${timeoutSeconds} s limit. One run per size; wall and peak RSS of the whole process tree.\n\n` +
      '```\n' +
      `${summary}\n\n${stageTable}\n${[...checks, ...notes].join('\n')}\n${line}\n` +
      '```',
  );
  if (!done) return;
  console.log(line);
  if (checks.some((c) => c.includes('FAIL'))) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
