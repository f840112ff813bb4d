/**
 * Charts as a reader meets them in a live classic Notebook (Notebook 6 in headless Chromium): a notebook
 * executed elsewhere (nbconvert) and opened untrusted shows every chart as an image; once trusted, the same
 * saved outputs draw interactive Plotly charts with plotly.js loaded from the server (nothing re-run: this is
 * also a notebook reopened on a live kernel); run on a live kernel, they draw too. The saved notebook holds no
 * plotly.js, and its HTML export draws every chart from one inlined copy, offline.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { launchChromium } from '../../src/report/chromium';
import { PLOTLY_MIME } from '../../src/viz/figure-output';
import {
  notebookOf,
  PROJECT_ROOT,
  startClassicNotebook,
  type ClassicNotebookServer,
  type LiveNotebook,
} from '../helpers/classic-notebook';

const NOTEBOOK = path.join(PROJECT_ROOT, 'src', 'viz', 'notebook');
const CHARTS = 3;
const sources = (dir: string) => [
  // Relative: tslab resolves imports of .ts sources from the notebook's folder (rootDir patch), not absolute ones.
  `import { show } from ${JSON.stringify(path.relative(dir, NOTEBOOK))};`,
  'show({ data: [{ type: "bar", x: ["夜に駆ける", "강남스타일", "<b>Queen</b>"], y: [3, 5, 2] }], layout: { title: { text: "Plays" } } });',
  'show({ data: [{ type: "scatter", mode: "lines", x: [2018, 2019, 2020], y: [0.51, 0.55, 0.48] }], layout: { title: { text: "Valence" } } });\nshow({ data: [{ type: "heatmap", z: [[1, 0.2], [0.2, 1]] }], layout: {} });',
];

let server: ClassicNotebookServer;
let executed: string;

beforeAll(async () => {
  server = await startClassicNotebook();
  // "Elsewhere": executed by nbconvert, not by this server, so its outputs carry no signature.
  const source = server.writeNotebook('source.ipynb', notebookOf(sources(server.notebookDir)));
  const run = spawnSync(
    'jupyter',
    ['nbconvert', '--to', 'notebook', '--execute', '--output', 'executed.ipynb', source],
    { env: server.env, cwd: server.notebookDir, encoding: 'utf8', timeout: 240_000 },
  );
  if (run.status !== 0) throw new Error(`nbconvert --execute failed: ${run.stderr}`);
  executed = path.join(server.notebookDir, 'executed.ipynb');
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

/** Per chart output on the page: a visible image, an interactive plotly div, and any load error. */
async function charts(nb: LiveNotebook) {
  return nb.page.evaluate(() =>
    Array.from(document.querySelectorAll('.output_area'))
      .filter((area) => area.querySelector('.lab-figure, img'))
      .map((area) => {
        const img = area.querySelector('img');
        return {
          image: img !== null && img.naturalWidth > 0 && img.getBoundingClientRect().height > 0,
          interactive: area.querySelector('.lab-figure .main-svg') !== null,
          scripts: area.querySelectorAll('script').length,
          error: area.querySelector('.lab-figure')?.getAttribute('data-plotly-error') ?? null,
        };
      }),
  );
}

async function waitForInteractive(nb: LiveNotebook, count: number) {
  await nb.page.waitForFunction(
    (n) => document.querySelectorAll('.lab-figure .main-svg').length >= n,
    count,
    { timeout: 60_000 },
  );
}

test('the executed notebook is small: every chart carries its bundle, none carries plotly.js', () => {
  const text = fs.readFileSync(executed, 'utf8');
  const outputs = JSON.parse(text).cells.flatMap((c: { outputs: unknown[] }) => c.outputs) as {
    data?: Record<string, unknown>;
  }[];
  const bundles = outputs.filter((o) => o.data?.[PLOTLY_MIME]);
  expect(bundles).toHaveLength(CHARTS);
  for (const b of bundles) {
    expect(Object.keys(b.data ?? {}).sort()).toEqual(
      [PLOTLY_MIME, 'image/png', 'text/html', 'text/plain'].sort(),
    );
  }
  expect(text).not.toMatch(/plotly\.js v\d/);
  expect(text.length).toBeLessThan(CHARTS * 80_000);
});

test('opened untrusted, every chart shows as an image and no script runs', async () => {
  fs.copyFileSync(executed, path.join(server.notebookDir, 'untrusted.ipynb'));
  const nb = await server.open('untrusted.ipynb');
  expect(await nb.trusted()).toBe(false);
  await nb.page.waitForTimeout(1500);
  const seen = await charts(nb);
  expect(seen).toHaveLength(CHARTS);
  for (const chart of seen) expect(chart).toMatchObject({ image: true, interactive: false, scripts: 0 });
  await nb.close();
});

test('trusted, the saved charts draw interactive (reopened, nothing re-run); run again, they draw too', async () => {
  fs.copyFileSync(executed, path.join(server.notebookDir, 'trusted.ipynb'));
  server.trust('trusted.ipynb');
  const nb = await server.open('trusted.ipynb');
  expect(await nb.trusted()).toBe(true);
  await waitForInteractive(nb, CHARTS);
  for (const chart of await charts(nb)) expect(chart).toMatchObject({ interactive: true, error: null });
  // plotly.js came from the server's kernelspec folder, not from the notebook.
  const loaded = await nb.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.includes('plotly')),
  );
  expect(loaded.some((u) => /\/kernelspecs\/tslab\/plotly\.min\.js/.test(u))).toBe(true);

  await nb.runAll();
  await waitForInteractive(nb, CHARTS);
  const cells = await nb.cells();
  expect(cells.every((c) => c.executionCount !== null)).toBe(true);
  expect((await charts(nb)).filter((c) => c.interactive)).toHaveLength(CHARTS);
  await nb.close();
}, 180_000);

test('the HTML export (offline template) inlines plotly.js once and draws every chart from disk', async () => {
  const run = spawnSync(
    'jupyter',
    ['nbconvert', '--to', 'html', '--template', 'lab-offline', '--output', 'executed.html', executed],
    { env: server.env, cwd: server.notebookDir, encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`nbconvert --to html failed: ${run.stderr}`);
  const file = path.join(server.notebookDir, 'executed.html');
  expect(fs.readFileSync(file, 'utf8').match(/plotly\.js v\d/g)).toHaveLength(1);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route(/^https?:/, (route) => route.abort());
    await page.goto(`file://${file}`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.lab-figure .main-svg').length >= n,
      CHARTS,
      {
        timeout: 60_000,
      },
    );
  } finally {
    await browser.close();
  }
}, 180_000);
