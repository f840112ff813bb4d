/**
 * The dashboard end to end in a real Chromium: export a small dashboard, open every page from file://,
 * click through the sidebar, move a filter, pick tracks and compare the live probability, check every chart
 * drew, no errors, no request outside the folder, and that a hostile track name stays text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { Booster, DMatrix } from '../../src/model/xgboost';
import { exportDashboard } from '../../src/report/export-dashboard';
import { PAGE_FILES } from '../../src/report/page-shell';
import { PAGE_KEYS } from '../../src/report/types';
import {
  COMMA_NAME,
  FEATURES,
  HOSTILE_NAME,
  dashboardFixture,
  expectedProbability,
  expectedShap,
  fixtureModel,
} from '../helpers/dashboard-input';
import { openBrowserSession, type BrowserSession, type PageReport } from './browser-session';

// Real browser work on a shared 2-core machine: allow for load, the assertions carry no timing.
jest.setTimeout(600_000);

const TOKEN_MARKER = 'hf_TESTMARKER_do_not_write_0123456789';
const fixture = dashboardFixture();
let siteDir: string;
let files: string[];
let session: BrowserSession;
let savedToken: string | undefined;

/** The picker's native probabilities, from libxgboost itself (the fixture's own are the hand-written rules). */
function nativeProbabilities(): void {
  const booster = Booster.fromJson(JSON.stringify(fixtureModel()));
  const rows = fixture.tracks.map((t) => t.features.map((v) => (v === null ? NaN : v)));
  const matrix = DMatrix.fromDense({
    data: Float32Array.from(rows.flat()),
    rows: rows.length,
    cols: FEATURES.length,
  });
  const probabilities = booster.predict(matrix);
  fixture.tracks.forEach((track, i) => (track.nativeProbability = probabilities[i]));
  matrix.free();
  booster.free();
}

beforeAll(async () => {
  nativeProbabilities();
  savedToken = process.env.HF_TOKEN;
  process.env.HF_TOKEN = TOKEN_MARKER;
  siteDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-dashboard-'));
  ({ files } = await exportDashboard(fixture.input, siteDir));
  session = await openBrowserSession(siteDir);
});

afterAll(async () => {
  if (savedToken === undefined) delete process.env.HF_TOKEN;
  else process.env.HF_TOKEN = savedToken;
  await session?.close();
  if (siteDir) await fs.promises.rm(siteDir, { recursive: true, force: true });
});

/** Waits until every visible figure mount holds a drawn plot; returns how many there are. */
async function waitForFigures(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const mounts = Array.from(
      document.querySelectorAll<HTMLElement>('[data-figure], [data-waterfall]'),
    ).filter((el) => el.offsetParent !== null);
    return mounts.every((el) => el.querySelector('.main-svg'));
  });
  return page.locator('[data-figure]:visible, [data-waterfall]:visible').count();
}

function expectClean(report: PageReport): void {
  expect(report.pageErrors).toEqual([]);
  expect(report.consoleErrors).toEqual([]);
  expect(report.externalRequests).toEqual([]);
  expect(report.dialogs).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.LAB_SCREENSHOTS) return;
  const dir = path.join(__dirname, '..', '..', 'docs', 'screenshots');
  await fs.promises.mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

test('writes five pages, one shared plotly, the app, the style and one data script per page', () => {
  const relative = files.map((f) => path.relative(siteDir, f)).sort();
  expect(relative).toEqual(
    [
      ...Object.values(PAGE_FILES).map((p) => p.file),
      'assets/app.js',
      'assets/plotly.min.js',
      'assets/style.css',
      ...PAGE_KEYS.map((k) => `assets/data-${k}.js`),
    ].sort(),
  );
  const plotly = require.resolve('plotly.js-dist-min/plotly.min.js');
  expect(fs.statSync(path.join(siteDir, 'assets/plotly.min.js')).size).toBe(fs.statSync(plotly).size);
});

test('never writes the HF token, and no page refers to the network', () => {
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    expect(text.includes(TOKEN_MARKER)).toBe(false);
    if (file.endsWith('.html')) expect(text).not.toMatch(/(src|href)="(https?:)?\/\//);
  }
});

test('the hostile name is escaped in server-rendered HTML and in the data scripts', () => {
  const html = fs.readFileSync(path.join(siteDir, 'global.html'), 'utf8');
  expect(html).not.toContain(HOSTILE_NAME);
  expect(html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
  const data = fs.readFileSync(path.join(siteDir, 'assets/data-explorer.js'), 'utf8');
  expect(data).not.toMatch(/<\/script/i);
  expect(data).not.toContain('<img');
});

const FIGURES_PER_PAGE = { home: 0, global: 2, explorer: 0, clusters: 1, model: 1 } as const;

test('walking the sidebar from Home: every page opens from disk, draws every chart, no error, no request outside', async () => {
  await session.withPage('index.html', async (page, report) => {
    const home = (await page.locator('main').textContent()) ?? '';
    for (const needle of [
      'Demo (generated)',
      'year = 0',
      'tempo = 0',
      'npm start -- --demo --seed 7',
      '2026-01-02T03:04:05Z',
      '1.7.4 (fixture)',
    ]) {
      expect(home).toContain(needle);
    }
    await expect(page.locator('main h2').first().textContent()).resolves.toBe('What this is');
    await expect(page.locator('main strong').first().textContent()).resolves.toBe('lab');

    for (const key of [...PAGE_KEYS, 'home' as const]) {
      if (!page.url().endsWith(`/${PAGE_FILES[key].file}`)) {
        await page.click(`nav a:text-is("${PAGE_FILES[key].nav}")`);
        await page.waitForURL(`**/${PAGE_FILES[key].file}`);
      }
      await expect(page.locator('main h1').textContent()).resolves.toBe(fixture.input.pages[key].title);
      await expect(page.locator('nav a.active').textContent()).resolves.toBe(PAGE_FILES[key].nav);
      expect(await waitForFigures(page)).toBe(FIGURES_PER_PAGE[key]);
      await screenshot(page, key);
      if (key === 'clusters') {
        await page.selectOption('.choice-select', '1');
        await expect(page.locator('.choice-panel').nth(0).isHidden()).resolves.toBe(true);
        expect(await waitForFigures(page)).toBe(1);
        await expect(
          page.locator('.choice-panel').nth(1).locator('.main-svg').count(),
        ).resolves.toBeGreaterThan(0);
      }
    }
    expectClean(report);
  });
});

const setSlider = (page: Page, key: string, bound: 'min' | 'max', value: number) =>
  page.evaluate(
    ([k, b, v]) => {
      const input = document.querySelector<HTMLInputElement>(`input[data-filter="${k}"][data-bound="${b}"]`)!;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [key, bound, value] as const,
  );

test('explorer: filters change the row count, the table sorts and pages, the CSV holds the filtered rows', async () => {
  const { sample } = fixture.input.pages.explorer.blocks[0] as Extract<
    (typeof fixture.input.pages.explorer.blocks)[number],
    { kind: 'trackExplorer' }
  >;
  const col = (key: string) => sample.columns.findIndex((c) => c.key === key);
  const count = (page: Page) => page.locator('.row-count').getAttribute('data-count').then(Number);
  await session.withPage('explorer.html', async (page, report) => {
    await expect(page.locator('.note').textContent()).resolves.toContain(
      `sample of ${fixture.sampleSize} tracks (seed 7) out of 60`,
    );
    expect(await count(page)).toBe(fixture.sampleSize);
    await expect(page.locator('.explorer-table tbody tr').count()).resolves.toBe(20);

    await setSlider(page, 'energy', 'min', 0.5);
    const energetic = sample.rows.filter((r) => (r[col('energy')] as number) >= 0.5).length;
    expect(energetic).toBeGreaterThan(0);
    expect(energetic).toBeLessThan(fixture.sampleSize);
    expect(await count(page)).toBe(energetic);

    await setSlider(page, 'year', 'max', 1989);
    const both = sample.rows.filter(
      (r) => (r[col('energy')] as number) >= 0.5 && (r[col('year')] as number) <= 1989,
    ).length;
    expect(await count(page)).toBe(both);
    await setSlider(page, 'year', 'max', 9999);
    await setSlider(page, 'energy', 'min', 0);

    await page.fill('input[data-filter="search"]', "guns n'");
    const guns = sample.rows.filter((r) => (r[col('artists')] as string[]).includes("Guns N' Roses")).length;
    expect(await count(page)).toBe(guns);
    await page.fill('input[data-filter="search"]', '');

    await page.click('th[data-column="tempo"]');
    const tempos = await page
      .locator('.explorer-table tbody tr')
      .evaluateAll((rows, i) => rows.map((r) => Number(r.children[i].textContent)), col('tempo'));
    const allTempos = sample.rows.map((r) => r[col('tempo')] as number).sort((a, b) => b - a);
    expect(tempos).toEqual(allTempos.slice(0, 20));
    await page.click('.page-next');
    await expect(page.locator('.page-label').textContent()).resolves.toBe('page 2 of 3');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.download-csv')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(sample.columns.map((c) => `"${c.key}"`).join(','));
    expect(lines).toHaveLength(fixture.sampleSize + 1);
    if (sample.rows.some((r) => r[col('name')] === COMMA_NAME)) expect(csv).toContain('"Hello, ""World"""');
    // The hostile name, found by search, is text in the table and ran nothing.
    await page.fill('input[data-filter="search"]', 'onerror');
    await expect(page.locator('.row-count').getAttribute('data-count')).resolves.toBe('1');
    await expect(page.locator('.explorer-table tbody td').nth(1).textContent()).resolves.toBe(HOSTILE_NAME);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    expectClean(report);
  });
});

test('the track picker scores every track live, equal to the native probability within 1e-6', async () => {
  await session.withPage('model.html', async (page, report) => {
    const options = await page
      .locator('.picker-track option')
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(options).toHaveLength(fixture.tracks.length);
    expect(await waitForFigures(page)).toBe(1);
    for (const value of options) {
      const track = fixture.tracks[Number(value)];
      await page.selectOption('.picker-track', value);
      const card = page.locator(`[data-live-probability][data-track-id="${track.id}"]`);
      const live = Number(await card.getAttribute('data-live-probability'));
      expect(Math.abs(live - track.nativeProbability)).toBeLessThan(1e-6);
      expect(Math.abs(live - expectedProbability(track.features))).toBeLessThan(1e-6);
      await expect(page.locator('.explanation').textContent()).resolves.toContain(track.explanation!.text);
      await page.locator('[data-waterfall] .main-svg').first().waitFor();
      const bars = await page.evaluate(() => {
        const el = document.querySelector('[data-waterfall]') as unknown as { data: { x: number[] }[] };
        return el.data[0].x;
      });
      const shap = expectedShap(track.features);
      expect(bars[0]).toBeCloseTo(shap.bias, 5);
      expect(bars[bars.length - 1]).toBeCloseTo(shap.bias + shap.values.reduce((a, b) => a + b, 0), 5);
      // TreeSHAP in the browser equals the brute-force Shapley values, largest first.
      const largest = [...shap.values].sort((a, b) => Math.abs(b) - Math.abs(a)).slice(0, 3);
      bars.slice(1, 4).forEach((bar, i) => expect(bar).toBeCloseTo(largest[i], 5));
      await expect(page.locator('.source-tag').textContent()).resolves.toMatch(
        track.explanation!.source === 'llm' ? /^LLM explanation \(test-model\)/ : /^Offline explanation/,
      );
    }
    await page.selectOption('.picker-album', 'Album B');
    const albumTracks = fixture.tracks.filter((t) => t.album === 'Album B').length;
    await expect(page.locator('.picker-track option').count()).resolves.toBe(albumTracks);
    await page.selectOption('.picker-album', '__all__');
    await page.fill('.picker-search', 'onerror');
    await expect(page.locator('.picker-track option').count()).resolves.toBe(1);
    await expect(page.locator('.picker-result strong').textContent()).resolves.toBe(HOSTILE_NAME);
    await expect(
      page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    expectClean(report);
  });
});
