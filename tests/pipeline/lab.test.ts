/**
 * The lab's cell API on a small demo file: parameters where the step is called, the same parameters give the
 * cached result, new ones compute; lab.sql over the cleaned tracks and the step results; the track store is
 * parsed once per data content and opened by every later lab.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inspect } from 'util';
import { writeDemoCsv } from '../../src/data/demo';
import { featureMatrix } from '../../src/model/features';
import { predictDense } from '../../src/model/train-promotion-model';
import { Booster } from '../../src/model/xgboost';
import { openLab, type Lab } from '../../src/pipeline/lab';
import { stableHash } from '../../src/util/cache';

jest.setTimeout(180_000);

let dir: string;
let data: string;
let lab: Lab;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-test-'));
  data = path.join(dir, 'tracks.csv');
  await writeDemoCsv(data, { rows: 3000, seed: 5 });
  lab = await openLab({ data, cacheDir: path.join(dir, 'cache'), outDir: dir, quiet: true, rounds: 20 });
});

afterAll(() => {
  lab?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('clusters take k in the call; the same k is the same result, a new k computes', async () => {
  const c4 = await lab.clusters({ k: 4 });
  expect(c4.k).toBe(4);
  expect(c4.profiles).toHaveLength(4);
  const again = await lab.clusters({ k: 4 });
  expect(again).toBe(c4);
  const c6 = await lab.clusters();
  expect(c6.k).toBe(6);
  expect(c6.profiles).toHaveLength(6);
  expect(lab.steps.key('clusters', { k: 4 })).not.toBe(lab.steps.key('clusters', { k: 6 }));
  expect(lab.steps.key('clusters', {})).toBe(lab.steps.key('clusters', { k: 6 }));
  expect(() => lab.steps.key('clusters', { kk: 4 })).toThrow(
    /clusters takes k, seed; got unknown parameter\(s\) kk/,
  );
  await expect(lab.clusters({ k: 1 })).rejects.toThrow(/k must be an integer ≥ 2/);
});

test('the elbow curve does not depend on k: a new k reuses it, and it is the curve of k = 2..10', async () => {
  const c4 = await lab.clusters({ k: 4 });
  const c5 = await lab.clusters({ k: 5 });
  expect(c5.elbow).toBe(c4.elbow); // one step result, not nine more k-means runs
  expect(c5.elbow.map((p) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(lab.steps.key('elbow', { kMax: 10 })).toBe(lab.steps.key('elbow', {}));
  // Beyond k = 10 the curve reaches k.
  expect((await lab.clusters({ k: 12 })).elbow.map((p) => p.k).pop()).toBe(12);
});

test('labels take the flip rate; the noise ceiling moves with it', async () => {
  const low = await lab.labels({ flipRate: 0.02 });
  const high = await lab.labels({ flipRate: 0.2 });
  expect(high.ceiling.auc).toBeLessThan(low.ceiling.auc);
  expect(high.promotion.flipped.length).toBe(Math.round(0.2 * high.promotion.labels.length));
});

test('train takes rounds and XGBoost params; keys derive from upstream parameters', async () => {
  const m = await lab.train({ rounds: 10, params: { max_depth: 3, eta: 0.2 } });
  expect(m.evaluation.rocAuc).toBeGreaterThan(0.5);
  expect(m.evaluation.rocAuc).toBeLessThanOrEqual(1);
  expect(m.meta.rounds).toBe(10);
  expect(await lab.train({ rounds: 10, params: { max_depth: 3, eta: 0.2 } })).toBe(m);
  // A different flip rate changes the labels the model reads, so the model's key changes too.
  expect(lab.steps.key('model', { flipRate: 0.2 })).not.toBe(lab.steps.key('model', {}));
  expect(lab.steps.key('model', { rounds: 10 })).not.toBe(lab.steps.key('model', { rounds: 11 }));
});

test("train scores only the test rows; every row's score comes when lab.sql names scores", async () => {
  const p = { rounds: 12, params: { max_depth: 3 } };
  const m = await lab.train(p);
  const scoresFile = () => lab.cache.fileFor('scores', { key: lab.steps.key('scores', p) });
  expect(fs.existsSync(scoresFile())).toBe(false);
  const rows = (await lab.sql('select row, score, test from scores order by row')).toArray();
  expect(fs.existsSync(scoresFile())).toBe(true);
  // The oracle: the trained model's JSON, rebuilt, predicting every row of the table.
  const booster = Booster.fromJson(m.modelJson);
  const all = predictDense(booster, featureMatrix(await lab.table(), m.meta.features), m.meta.iterationEnd);
  booster.free();
  expect(rows.length).toBe(all.length);
  expect(Float32Array.from(rows, (r) => r.score as number)).toEqual(all);
  expect(rows.filter((r) => r.test).map((r) => r.row)).toEqual(Array.from(m.test.rows).sort((a, b) => a - b));
  // Scored apart or in one batch, a test row gets the very same float.
  expect(Float32Array.from(m.test.rows, (r) => all[r])).toEqual(m.test.scores);
  expect(await lab.scores(p)).toEqual(all);
  // The table follows the latest lab.train.
  await lab.train({ rounds: 5 });
  const other = (await lab.sql('select score from scores order by row')).toArray();
  expect(Float32Array.from(other, (r) => r.score as number)).toEqual(await lab.scores({ rounds: 5 }));
  expect(other.map((r) => r.score)).not.toEqual(rows.map((r) => r.score));
});

test('lab.sql answers over the cleaned tracks and the step results', async () => {
  const q = await lab.sql(
    'select year, avg(energy) as energy, count(*) as n from tracks group by year order by year',
  );
  expect(q.columnNames).toEqual(['year', 'energy', 'n']);
  const rows = q.toArray();
  expect(rows.length).toBe(q.numRows);
  expect(rows.reduce((s, r) => s + (r.n as number), 0)).toBe((await lab.loaded()).rowCount);
  expect(typeof rows[0].energy).toBe('number');
  const bundle = q.toMimeBundle();
  expect(bundle['text/html']).toContain('<table');
  expect(bundle['text/plain']).toContain('energy');
  const fig = q.plot.line({ x: 'year', y: 'energy', display: false });
  expect((fig.data[0] as { x: unknown[] }).x).toEqual(rows.map((r) => r.year));
  // Shown, then left as a cell's value: one line under the chart, not the figure's arrays again.
  const shown: unknown[] = [];
  const drawn = q.plot.line({ x: 'year', y: 'energy', display: { html: (h: string) => void shown.push(h) } });
  expect(shown.length).toBeGreaterThan(0);
  expect(inspect(drawn)).toBe('<Plotly figure: energy by year (shown above)>');
  expect(JSON.parse(JSON.stringify(drawn))).toEqual(JSON.parse(JSON.stringify(fig)));

  await lab.clusters({ k: 4 });
  const moods = await lab.sql('select count(distinct cluster) as k, count(*) as n from clusters');
  expect(moods.toArray()).toEqual([{ k: 4, n: (await lab.loaded()).rowCount }]);
  await lab.labels({ flipRate: 0.2 });
  const flips = await lab.sql('select avg(flipped::int) as rate from labels');
  expect(flips.toArray()[0].rate).toBeCloseTo(0.2, 2);
  const joined = await lab.sql(
    'select mood, count(*) as n from tracks join clusters on clusters.row = tracks.rowid group by mood',
  );
  expect(joined.numRows).toBe(4);
  await expect(lab.sql('select nope from tracks')).rejects.toThrow(/nope/);
});

test('a second lab opens the stored table and reads every step from the disk cache', async () => {
  const again = await openLab({
    data,
    cacheDir: path.join(dir, 'cache'),
    outDir: dir,
    quiet: true,
    rounds: 20,
  });
  try {
    expect(again.fingerprint).toBe(lab.fingerprint);
    expect((await again.loaded()).rowCount).toBe((await lab.loaded()).rowCount);
    const run = await again.steps.run('clusters', { k: 4 });
    expect(run.source).toBe('disk');
    expect(run.key).toBe(lab.steps.key('clusters', { k: 4 }));
  } finally {
    again.close();
  }
});

test('labels and their campaign come from the disk cache without the table; training never simulates the campaign', async () => {
  const labels = await lab.labels({ flipRate: 0.1 });
  const heard: string[] = [];
  const again = await openLab(
    { data, cacheDir: path.join(dir, 'cache'), outDir: dir, quiet: true, rounds: 20 },
    { onCompute: (what) => heard.push(what) },
  );
  try {
    const read = await again.labels({ flipRate: 0.1 });
    expect(stableHash(read)).toBe(stableHash(labels));
    expect(read.campaign.treatment).toEqual(labels.campaign.treatment);
    expect(again.timings.table).toBeUndefined(); // the table was never read
    await again.train({ flipRate: 0.15 });
    expect(heard.sort()).toEqual(['labelArrays', 'model']); // no 'campaign'
  } finally {
    again.close();
  }
});

test('hooks.columnCache: the table read by the next lab comes from the column files, the same values', async () => {
  const options = { data, cacheDir: path.join(dir, 'cache'), outDir: dir, quiet: true, rounds: 20 };
  const first = await openLab(options, { columnCache: true });
  const second = await openLab(options, { columnCache: true });
  try {
    const a = await first.table();
    const columns = fs.readdirSync(options.cacheDir).filter((f) => f.includes('.duckdb.columns-'));
    expect(columns).toHaveLength(1);
    const files = fs.readdirSync(path.join(options.cacheDir, columns[0]));
    expect(files).toEqual(expect.arrayContaining(['danceability.f64', 'year.f64', 'explicit.u8']));
    const b = await second.table();
    expect(stableHash(b)).toBe(stableHash(a));
    expect(stableHash(b)).toBe(stableHash(await lab.table()));
  } finally {
    first.close();
    second.close();
  }
});

test('keys hold the data content, not its path: a copy of the file shares the cache', async () => {
  const copy = path.join(dir, 'copy-of-tracks.csv');
  fs.copyFileSync(data, copy);
  const other = await openLab({
    data: copy,
    cacheDir: path.join(dir, 'cache'),
    outDir: dir,
    quiet: true,
    rounds: 20,
  });
  try {
    expect(other.fingerprint).toBe(lab.fingerprint);
    expect((await other.steps.run('clusters', { k: 4 })).source).toBe('disk');
  } finally {
    other.close();
  }
});

test('a frame displays itself: the kernel display symbol, text for util.inspect', async () => {
  const q = await lab.sql("select 1 as one, '<b>x</b>' as html");
  const bundle = (q as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for('Jupyter.display')
  ]();
  expect(bundle['text/html']).toContain('&lt;b&gt;x&lt;/b&gt;');
  expect(bundle['text/html']).not.toContain('<b>x</b>');
  expect(require('util').inspect(q)).toContain('one');
});

test('hooks.onCompute hears of parsing and of each step computed, not of what a cache served', async () => {
  const cacheDir = path.join(dir, 'hook-cache');
  const heard: string[] = [];
  const options = { data, cacheDir, outDir: dir, quiet: true, rounds: 20 };
  const first = await openLab(options, { onCompute: (what) => heard.push(what) });
  try {
    await first.trends();
    expect(heard[0]).toBe('load');
    expect(heard).toContain('trends');
    const before = heard.length;
    await first.trends();
    expect(heard).toHaveLength(before);
  } finally {
    first.close();
  }
  heard.length = 0;
  const second = await openLab(options, { onCompute: (what) => heard.push(what) });
  try {
    await second.trends();
    expect(heard).toEqual([]);
    await second.clusters({ k: 3 });
    expect(heard).toContain('clusters');
  } finally {
    second.close();
  }
});

test('hooks.keepTrainingData trains in one kept worker: the same models, ended by close()', async () => {
  const options = { data, cacheDir: path.join(dir, 'session-cache'), outDir: dir, quiet: true, rounds: 20 };
  const kept = await openLab(options, { keepTrainingData: true });
  try {
    for (const eta of [0.45, 0.35]) {
      const p = { rounds: 10, params: { max_depth: 3, eta } };
      const [a, b] = [await kept.train(p), await lab.train(p)];
      expect(Buffer.from(a.modelJson).equals(Buffer.from(b.modelJson))).toBe(true);
      expect(a.evaluation).toEqual(b.evaluation);
    }
  } finally {
    kept.close();
  }
});
