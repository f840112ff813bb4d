/**
 * `npm run bench:xgb`: our XGBoost binding against Python's xgboost (same libxgboost) on the same seeded
 * 1.2M × 12 float32 matrix: 200 rounds, depth 6, eta 0.1, `hist`, 2 threads. Each side runs as its own child
 * process, alternating; we report train wall (matrix build + boosting + model bytes), SHAP on 10k rows, peak
 * RSS and test AUC. Options: --rows N --test-rows N --rounds N --reps N --shap-rows N (smaller while developing);
 * --quick or BENCH_QUICK=1: 20000 rows, 5000 test rows, 20 rounds, 1 rep, SHAP on 1000.
 * Child mode (internal): --side ours --dir DIR.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Booster, DMatrix, trainInWorker, xgboostVersion } from '../src/model/xgboost';
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

const COLS = 12;
const TARGET = 1.1;

/** Seeded features with some missing values and a nonlinear, noisy target, written as raw float32 files. */
function writeData(dir: string, rows: number, testRows: number, seed: number): void {
  const rng = createRandom(seed);
  const make = (n: number): { x: Float32Array; y: Float32Array } => {
    const x = new Float32Array(n * COLS);
    const y = new Float32Array(n);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < COLS; j++) x[r * COLS + j] = rng.next() < 0.01 ? NaN : rng.normal();
      const v = (j: number): number => (Number.isNaN(x[r * COLS + j]) ? 0 : x[r * COLS + j]);
      const logit =
        1.2 * v(0) - 0.8 * v(1) + v(2) * v(3) + 0.5 * Math.sin(2 * v(4)) + 0.3 * Math.abs(v(5)) - 0.3;
      y[r] = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }
    return { x, y };
  };
  const train = make(rows);
  const test = make(testRows);
  fs.writeFileSync(path.join(dir, 'X.f32'), train.x);
  fs.writeFileSync(path.join(dir, 'y.f32'), train.y);
  fs.writeFileSync(path.join(dir, 'Xt.f32'), test.x);
  fs.writeFileSync(path.join(dir, 'yt.f32'), test.y);
}

function readFloats(file: string): Float32Array {
  const buf = fs.readFileSync(file);
  return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
}

/** ROC AUC by ranks (ties share their average rank), as scikit-learn computes it. */
function rocAuc(labels: Float32Array, scores: Float32Array): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (labels[order[k]] === 1) {
        positives++;
        rankSum += rank;
      }
    i = j + 1;
  }
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function peakRssMiB(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function runOurs(dir: string): Promise<void> {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
  const data = readFloats(path.join(dir, 'X.f32')).slice();
  const labels = readFloats(path.join(dir, 'y.f32')).slice();
  const { nthread, seed, ...params } = meta.params;
  const started = performance.now();
  const result = await trainInWorker(
    { data, rows: meta.rows, cols: meta.cols, labels },
    { params, rounds: meta.rounds, nthread, seed },
  );
  const trainSeconds = (performance.now() - started) / 1000;
  const booster = Booster.fromJson(result.model);
  booster.setParam('nthread', nthread);
  const testX = readFloats(path.join(dir, 'Xt.f32'));
  const dtest = DMatrix.fromDense({ data: testX, rows: meta.test_rows, cols: meta.cols });
  const auc = rocAuc(readFloats(path.join(dir, 'yt.f32')), booster.predict(dtest));
  const dshap = DMatrix.fromDense({
    data: testX.slice(0, meta.shap_rows * meta.cols),
    rows: meta.shap_rows,
    cols: meta.cols,
  });
  const shapStarted = performance.now();
  booster.contributions(dshap);
  const shapSeconds = (performance.now() - shapStarted) / 1000;
  console.log(
    JSON.stringify({
      side: 'ours',
      train_s: trainSeconds,
      shap_s: shapSeconds,
      auc,
      model_bytes: result.model.length,
      peak_rss_mib: peakRssMiB(),
      version: xgboostVersion().text,
    }),
  );
}

interface SideResult {
  side: string;
  train_s: number;
  shap_s: number;
  auc: number;
  peak_rss_mib: number;
  version: string;
  process_s: number;
  child_rss_mib: number;
}

function runSide(side: 'ours' | 'python', dir: string): SideResult {
  const root = path.join(__dirname, '..');
  const measured =
    side === 'ours'
      ? runMeasured(process.execPath, [
          path.join(root, 'bin/run-ts.js'),
          path.join(__dirname, 'xgb.ts'),
          '--side',
          'ours',
          '--dir',
          dir,
        ])
      : runMeasured('/usr/bin/python3', [path.join(__dirname, 'reference/xgb_reference.py'), dir]);
  const line = measured.stdout.trim().split('\n').pop()!;
  return { ...JSON.parse(line), process_s: measured.wallSeconds, child_rss_mib: measured.peakRssMiB };
}

async function main(): Promise<void> {
  const rows = intOption('rows', 1_200_000, 20_000);
  const testRows = intOption('test-rows', 100_000, 5_000);
  const rounds = intOption('rounds', 200, 20);
  const reps = intOption('reps', 2, 1);
  const shapRows = Math.min(intOption('shap-rows', 10_000, 1_000), testRows);
  const dir = path.join(benchCacheDir(), `xgb-${rows}-${testRows}`);
  fs.mkdirSync(dir, { recursive: true });
  const params = {
    objective: 'binary:logistic',
    tree_method: 'hist',
    max_depth: 6,
    eta: 0.1,
    nthread: 2,
    seed: 0,
  };
  if (!fs.existsSync(path.join(dir, 'yt.f32'))) writeData(dir, rows, testRows, 2024);
  fs.writeFileSync(
    path.join(dir, 'meta.json'),
    JSON.stringify({ rows, cols: COLS, test_rows: testRows, shap_rows: shapRows, rounds, params }),
  );
  const results: SideResult[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // Alternate who goes first so neither side always gets the warmer cache.
    const order: Array<'ours' | 'python'> = rep % 2 === 0 ? ['ours', 'python'] : ['python', 'ours'];
    for (const side of order) {
      const r = runSide(side, dir);
      process.stderr.write(
        `  ${side} rep ${rep + 1}: train ${r.train_s.toFixed(2)} s, auc ${r.auc.toFixed(6)}\n`,
      );
      results.push(r);
    }
  }
  const of = (side: string): SideResult[] => results.filter((r) => r.side === side);
  const table = formatTable(
    ['side', 'train s', 'SHAP 10k s', 'process s', 'peak RSS MiB', 'test AUC'],
    results.map((r) => [
      r.side === 'ours' ? `ours (koffi, worker) ${r.version}` : `python xgboost ${r.version}`,
      r.train_s,
      r.shap_s,
      r.process_s,
      r.child_rss_mib,
      r.auc.toFixed(6),
    ]),
  );
  const wall = median(of('ours').map((r) => r.train_s)) / median(of('python').map((r) => r.train_s));
  const rss =
    median(of('ours').map((r) => r.child_rss_mib)) / median(of('python').map((r) => r.child_rss_mib));
  const aucOurs = of('ours')[0].auc;
  const aucPython = of('python')[0].auc;
  const summary = [
    `${rows.toLocaleString('en-US')} × ${COLS} float32 rows (1% missing), ${testRows.toLocaleString('en-US')} test rows; ${rounds} rounds, depth 6, eta 0.1, hist, 2 threads.`,
    '',
    '```',
    table,
    '```',
    '',
    `- test AUC: ours ${aucOurs.toFixed(6)}, python ${aucPython.toFixed(6)} (${Math.abs(aucOurs - aucPython) < 1e-12 ? 'identical to 1e-12' : `differ by ${Math.abs(aucOurs - aucPython).toExponential(2)}`})`,
    `- median train wall ratio ${wall.toFixed(2)}x, median peak RSS ratio ${rss.toFixed(2)}x`,
  ].join('\n');
  console.log(summary);
  const command = `npm run bench:xgb -- --rows ${rows} --test-rows ${testRows} --rounds ${rounds} --reps ${reps}`;
  writeResultsSection(
    'XGBoost: our binding vs Python xgboost',
    `\`${command}\` on ${machineSummary()}.\n\n${summary}\n\n\`${benchLine('xgb', wall, rss, TARGET)}\``,
  );
  console.log(benchLine('xgb', wall, rss, TARGET));
}

const sideIndex = process.argv.indexOf('--side');
if (sideIndex > 0) {
  const dirIndex = process.argv.indexOf('--dir');
  runOurs(process.argv[dirIndex + 1]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
