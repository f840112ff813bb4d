/**
 * k-means, ours vs scikit-learn, side by side: `npm run bench:kmeans [-- --rows N --runs R --iterations I]`
 * (--quick or BENCH_QUICK=1: 20000 rows, 1 run, 10 iterations).
 *
 * Both sides cluster the same seeded 1.2M × 9 standardized matrix shaped like the audio features, with k = 6,
 * from the same k-means++ centers (ours, passed to sklearn as `init=` with n_init=1), tol = 0 and the same
 * max_iter — so both do the same Lloyd work. Each run is a separate child process, alternating ours/python.
 * Threads: ours uses 2 (main + 1 worker), sklearn's Lloyd uses OpenMP with OMP_NUM_THREADS=2.
 * Wall = the fit alone, timed inside each child (process start, imports and reading the file excluded);
 * peak RSS = the child's ru_maxrss (whole process, data included).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { featureMatrixFromTable, type FeatureMatrix } from '../src/cluster/feature-matrix';
import { kmeans } from '../src/cluster/kmeans';
import { kmeansPlusPlus } from '../src/cluster/kmeans-plus-plus';
import { standardize } from '../src/cluster/standardize';
import { AUDIO_FEATURES, type TrackTable } from '../src/data/schema';
import { createRandom } from '../src/util/random';
import {
  benchCacheDir,
  benchLine,
  formatTable,
  intOption,
  machineSummary,
  median,
  runMeasured,
  writeResultsSection,
} from './common';

const K = 6;
const TARGET = 1.5;
/**
 * How close the two inertias must be to count as equal. Our Lloyd keeps center sums incrementally, so it is no
 * longer bit-identical to a plain Lloyd: the tested promise (tests/cluster/lloyd.test.ts) is the same labels
 * and iterations, centers and inertia within 1e-9 relative; scikit-learn's own sums differ by ~1e-14.
 */
const INERTIA_TOLERANCE = 1e-9;
const PYTHON = '/usr/bin/python3'; // Debian's, with python3-sklearn; the pyenv python3 on PATH has no sklearn
const SCRIPT = path.join(__dirname, 'reference', 'kmeans_sklearn.py');

interface ChildReport {
  fitSeconds: number;
  /** CPU time of the fit, all threads: unlike wall time, barely moved by other processes on a busy machine. */
  fitCpuSeconds: number;
  inertia: number;
  iterations: number;
  vmHwmMiB: number;
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** Seeded tracks with the audio features' ranges and main correlations (energy~loudness, acousticness~−energy). */
function audioLikeTable(rows: number, seed: number): TrackTable {
  const rng = createRandom(seed);
  const numeric: TrackTable['numeric'] = {};
  for (const f of AUDIO_FEATURES) numeric[f] = new Float64Array(rows);
  const n = numeric as Record<(typeof AUDIO_FEATURES)[number], Float64Array>;
  for (let i = 0; i < rows; i++) {
    const acoustic = rng.normal();
    const mood = rng.normal();
    const energy = clamp(0.55 - 0.2 * acoustic + 0.1 * rng.normal(), 0, 1);
    n.energy[i] = energy;
    n.acousticness[i] = clamp(0.35 + 0.3 * acoustic + 0.12 * rng.normal(), 0, 1);
    n.loudness[i] = clamp(-10 + 20 * (energy - 0.55) + 2.5 * rng.normal(), -60, 2);
    n.valence[i] = clamp(0.45 + 0.18 * mood + 0.1 * energy + 0.1 * rng.normal(), 0, 1);
    n.danceability[i] = clamp(0.5 + 0.1 * mood + 0.13 * rng.normal(), 0, 1);
    n.speechiness[i] =
      rng.next() < 0.06 ? 0.3 + 0.6 * rng.next() : clamp(0.04 + Math.abs(0.04 * rng.normal()), 0, 1);
    n.instrumentalness[i] = rng.next() < 0.3 ? clamp(0.75 + 0.2 * rng.normal(), 0, 1) : 0.01 * rng.next();
    n.liveness[i] = clamp(0.1 + Math.abs(0.15 * rng.normal()), 0, 1);
    n.tempo[i] = clamp(118 + 28 * rng.normal(), 40, 220);
  }
  return { length: rows, numeric, text: {}, lists: {} };
}

function readFloat64Shared(file: string, length: number): Float64Array {
  const values = new Float64Array(new SharedArrayBuffer(length * 8));
  const bytes = new Uint8Array(values.buffer);
  const fd = fs.openSync(file, 'r');
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const read = fs.readSync(fd, bytes, offset, Math.min(1 << 26, bytes.length - offset), offset);
      if (read === 0) throw new Error(`${file}: expected ${bytes.length} bytes, got ${offset}`);
      offset += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return values;
}

function vmHwmMiB(): number {
  const line = fs
    .readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
}

/** Child: `--child DATA INIT ROWS COLS K ITERATIONS THREADS`, prints one JSON line. */
async function child(args: string[]): Promise<void> {
  const [dataFile, initFile, rows, cols, k, iterations, threads] = args;
  const matrix: FeatureMatrix = {
    values: readFloat64Shared(dataFile, +rows * +cols),
    rows: +rows,
    cols: +cols,
  };
  const initialCenters = readFloat64Shared(initFile, +k * +cols);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await kmeans(matrix, {
    k: +k,
    initialCenters,
    maxIterations: +iterations,
    tolerance: 0,
    threads: +threads,
    minRowsForThreads: 0,
  });
  const fitSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const report: ChildReport = {
    fitSeconds,
    fitCpuSeconds: (cpu.user + cpu.system) / 1e6,
    inertia: result.inertia,
    iterations: result.iterations,
    vmHwmMiB: vmHwmMiB(),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function prepareInputs(rows: number, seed: number): { dataFile: string; initFile: string } {
  const dir = benchCacheDir();
  const dataFile = path.join(dir, `kmeans-audio-${rows}-${seed}.f64`);
  const initFile = path.join(dir, `kmeans-init-${rows}-${seed}-k${K}.f64`);
  if (!fs.existsSync(dataFile) || !fs.existsSync(initFile)) {
    const { matrix } = standardize(featureMatrixFromTable(audioLikeTable(rows, seed)));
    fs.writeFileSync(dataFile, new Uint8Array(matrix.values.buffer));
    fs.writeFileSync(initFile, kmeansPlusPlus(matrix, K, { seed }));
  }
  return { dataFile, initFile };
}

function parseReport(stdout: string): ChildReport {
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ChildReport;
}

async function main(): Promise<void> {
  const rows = intOption('rows', 1_200_000, 20_000);
  const runs = intOption('runs', 3, 1);
  const iterations = intOption('iterations', 50, 10);
  const threads = intOption('threads', 2);
  const seed = intOption('seed', 42);
  const cols = AUDIO_FEATURES.length;
  console.error(
    `preparing ${rows.toLocaleString('en-US')} × ${cols} standardized audio-like rows (seed ${seed}) …`,
  );
  const { dataFile, initFile } = prepareInputs(rows, seed);
  const childArgs = [dataFile, initFile, String(rows), String(cols), String(K), String(iterations)];
  const runTs = path.join(__dirname, '..', 'bin', 'run-ts.js');
  const sides = {
    ours: [] as Array<ChildReport & { wall: number; rss: number }>,
    python: [] as Array<ChildReport & { wall: number; rss: number }>,
  };
  for (let run = 1; run <= runs; run++) {
    const ours = runMeasured(process.execPath, [runTs, __filename, '--child', ...childArgs, String(threads)]);
    sides.ours.push({ ...parseReport(ours.stdout), wall: ours.wallSeconds, rss: ours.peakRssMiB });
    const python = runMeasured(PYTHON, [SCRIPT, ...childArgs], {
      ...process.env,
      OMP_NUM_THREADS: String(threads),
    });
    sides.python.push({ ...parseReport(python.stdout), wall: python.wallSeconds, rss: python.peakRssMiB });
    console.error(
      `run ${run}/${runs}: ours ${sides.ours[run - 1].fitSeconds.toFixed(2)} s, sklearn ${sides.python[run - 1].fitSeconds.toFixed(2)} s`,
    );
  }
  const tableRows = (['ours', 'python'] as const).flatMap((side) =>
    sides[side].map((r, i) => [
      side === 'ours' ? 'ours (typed arrays, 2 threads)' : 'scikit-learn 1.2 (OpenMP, 2 threads)',
      String(i + 1),
      r.fitSeconds,
      r.fitCpuSeconds,
      r.wall,
      r.rss,
      String(r.iterations),
      r.inertia.toFixed(3),
    ]),
  );
  const table = formatTable(
    ['side', 'run', 'fit s', 'fit CPU s', 'process s', 'peak RSS MiB', 'iterations', 'inertia'],
    tableRows,
  );
  const wallRatio =
    median(sides.ours.map((r) => r.fitSeconds)) / median(sides.python.map((r) => r.fitSeconds));
  const cpuRatio =
    median(sides.ours.map((r) => r.fitCpuSeconds)) / median(sides.python.map((r) => r.fitCpuSeconds));
  const rssRatio = median(sides.ours.map((r) => r.rss)) / median(sides.python.map((r) => r.rss));
  const inertiaOurs = sides.ours[0].inertia;
  const inertiaPython = sides.python[0].inertia;
  const relative = Math.abs(inertiaOurs - inertiaPython) / Math.abs(inertiaPython);
  const sameIterations = sides.ours.every((r, i) => r.iterations === sides.python[i].iterations);
  const notes = [
    `inertia: ours ${inertiaOurs.toFixed(3)}, sklearn ${inertiaPython.toFixed(3)}, relative difference ${relative.toExponential(2)} (${relative <= INERTIA_TOLERANCE ? `equal within ${INERTIA_TOLERANCE} relative` : `DIFFERENT: more than ${INERTIA_TOLERANCE} relative`})`,
    `iterations: ${sameIterations ? 'same on both sides' : 'DIFFER between sides'} (max ${iterations}, tol 0)`,
    `median fit wall ratio ${wallRatio.toFixed(2)}x, fit CPU ratio ${cpuRatio.toFixed(2)}x, peak RSS ratio ${rssRatio.toFixed(2)}x`,
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} on ${os.cpus().length} cores (wall ratios are noisy when it exceeds the cores)`,
  ];
  console.log(table);
  for (const note of notes) console.log(note);
  writeResultsSection(
    'k-means (Mood clusters): ours vs scikit-learn',
    [
      `\`npm run bench:kmeans -- --rows ${rows} --runs ${runs} --iterations ${iterations} --threads ${threads}\` on ${machineSummary()}.`,
      `${rows.toLocaleString('en-US')} × ${cols} standardized rows, k = ${K}, same k-means++ init, tol = 0, both sides ${threads} threads.`,
      '',
      '```',
      table,
      '```',
      '',
      ...notes.map((n) => `- ${n}`),
      '',
      `\`${benchLine('kmeans', wallRatio, rssRatio, TARGET)}\``,
    ].join('\n'),
  );
  console.log(benchLine('kmeans', wallRatio, rssRatio, TARGET));
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? child(process.argv.slice(childAt + 1)) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
