/**
 * npm run bench — the whole lab against the Python stack, side by side: on the same generated 1.2M-row file,
 * `bench/original-pipeline.ts` (the original app's steps on our stack) and bench/reference/original_pipeline.py
 * (pandas + scikit-learn + xgboost), alternating, several runs each. Per stage and end to end: median wall time,
 * peak RSS (whole process tree), ratio ours/Python; checks that both read and kept the same rows and reached
 * AUCs within 0.005. Options: --rows N (default 1204025), --runs N (default 3), --quick (20000 rows, 1 run;
 * also BENCH_QUICK=1).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  demoFile,
  benchLine,
  formatTable,
  intOption,
  machineSummary,
  median,
  runMeasured,
  writeResultsSection,
  type Measured,
} from './common';

const TARGET = 0.5;
/** Load, clean, aggregates, k-means, labels and split against pandas + scikit-learn's. */
const PREPARATION_TARGET = 0.3;

interface StageReport {
  stages: Record<string, number>;
  total: number;
  rows_read: number;
  rows_clean: number;
  auc: number;
}

/** Stages compared; our load includes cleaning and our train includes the test metrics, so both are merged. */
const ROWS: [string, (s: Record<string, number>) => number][] = [
  ['load + clean', (s) => s.load + s.clean],
  ['aggregates', (s) => s.aggregates],
  ['k-means', (s) => s.kmeans],
  ['labels + split', (s) => s.label_split],
  ['train + metrics', (s) => s.train + (s.metrics ?? 0)],
  ['SHAP (10k rows)', (s) => s.shap],
  ['save', (s) => s.save],
];

async function main(): Promise<void> {
  const rows = intOption('rows', 1_204_025, 20_000);
  const runs = intOption('runs', 3, 1);
  const file = await demoFile(rows);
  const root = path.resolve(__dirname, '..');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lab-'));
  const oursJson = path.join(work, 'ours.json');
  const ours = () =>
    runMeasured(process.execPath, [
      path.join(root, 'bin/run-ts.js'),
      path.join(root, 'bench/original-pipeline.ts'),
      file,
      '--timings-json',
      oursJson,
    ]);
  const python = () =>
    runMeasured('/usr/bin/python3', [
      path.join(root, 'bench/reference/original_pipeline.py'),
      file,
      '--model-out',
      path.join(work, 'py_model.json'),
    ]);
  const measured: Record<'ours' | 'python', { m: Measured; r: StageReport }[]> = { ours: [], python: [] };
  for (let run = 0; run < runs; run++) {
    const o = ours();
    measured.ours.push({ m: o, r: JSON.parse(fs.readFileSync(oursJson, 'utf8')) });
    const p = python();
    measured.python.push({ m: p, r: JSON.parse(p.stdout.trim().split('\n').pop()!) });
    console.error(
      `run ${run + 1}/${runs}: ours ${o.wallSeconds.toFixed(1)} s, python ${p.wallSeconds.toFixed(1)} s`,
    );
  }
  const med = (side: 'ours' | 'python', f: (x: { m: Measured; r: StageReport }) => number) =>
    median(measured[side].map(f));
  const tableRows = ROWS.map(([name, pick]) => {
    const o = med('ours', (x) => pick(x.r.stages));
    const p = med('python', (x) => pick(x.r.stages));
    return [name, o, p, `${(o / p).toFixed(2)}x`];
  });
  // What pandas + scikit-learn do before the shared library (XGBoost) takes over: the part we can speed up.
  const preparation = (st: Record<string, number>) =>
    st.load + st.clean + st.aggregates + st.kmeans + st.label_split;
  const prep = {
    ours: med('ours', (x) => preparation(x.r.stages)),
    python: med('python', (x) => preparation(x.r.stages)),
  };
  tableRows.push([
    'preparation (load … split)',
    prep.ours,
    prep.python,
    `${(prep.ours / prep.python).toFixed(2)}x (target ≤ ${PREPARATION_TARGET}x)`,
  ]);
  const wall = { ours: med('ours', (x) => x.m.wallSeconds), python: med('python', (x) => x.m.wallSeconds) };
  const rss = { ours: med('ours', (x) => x.m.peakRssMiB), python: med('python', (x) => x.m.peakRssMiB) };
  tableRows.push([
    'end to end (process)',
    wall.ours,
    wall.python,
    `${(wall.ours / wall.python).toFixed(2)}x`,
  ]);
  tableRows.push(['peak RSS (MiB)', rss.ours, rss.python, `${(rss.ours / rss.python).toFixed(2)}x`]);
  const table = formatTable(['stage (median s)', 'ours', 'python', 'ours/python'], tableRows);
  const o = measured.ours[runs - 1].r;
  const p = measured.python[runs - 1].r;
  const checks = [
    `rows read: ours ${o.rows_read}, python ${p.rows_read} ${o.rows_read === p.rows_read ? 'OK' : 'FAIL'}`,
    `rows kept: ours ${o.rows_clean}, python ${p.rows_clean} ${o.rows_clean === p.rows_clean ? 'OK' : 'FAIL'}`,
    `test ROC AUC: ours ${o.auc.toFixed(4)}, python ${p.auc.toFixed(4)} ${Math.abs(o.auc - p.auc) <= 0.005 ? 'OK' : 'FAIL'} (within 0.005)`,
  ];
  const line = benchLine('lab', wall.ours / wall.python, rss.ours / rss.python, TARGET);
  writeResultsSection(
    'lab (end to end)',
    `${machineSummary()}; \`npm run bench -- --rows ${rows} --runs ${runs}\`: ${rows} generated rows, ${runs} alternating runs each, medians.\n` +
      "Ours: `bench/original-pipeline.ts` (the original app's steps on DuckDB, our k-means kernel and libxgboost through koffi); " +
      'Python: bench/reference/original_pipeline.py (pandas, scikit-learn, xgboost 1.7.4, hist, 2 threads). ' +
      'Our load includes cleaning and our train includes the test metrics. End to end and RSS cover the whole process, start-up included.\n\n' +
      '```\n' +
      table +
      '\n' +
      checks.join('\n') +
      '\n' +
      line +
      '\n```',
  );
  console.log(table);
  for (const c of checks) console.log(c);
  console.log(line);
  if (checks.some((c) => c.includes('FAIL'))) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
