/**
 * Opens every exported page — reports/notebooks/*.html and reports/dashboard/*.html — from file:// in real
 * headless Chromium and fails unless each one drew all its charts (Plotly's .main-svg), raised no page or
 * console error, and requested nothing outside its own folder. `--screenshots DIR` also saves a PNG of each
 * dashboard page (the README's pictures). Run by .ci/run after `npm start`.
 *   node bin/run-ts.js scripts/check-reports.ts [--reports DIR] [--screenshots DIR]
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/report/chromium';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

interface PageCheck {
  file: string;
  charts: number;
  chartDivs: number;
  problems: string[];
}

/**
 * The model page's picker: tracks' probabilities, scored live in the page from the saved JSON model, must
 * equal the native libxgboost probabilities the pipeline embedded (within 1e-6). Each pick redraws a SHAP
 * waterfall (most of a second), so 25 evenly spaced tracks are checked.
 */
async function checkPicker(page: Page): Promise<string[]> {
  const tracks = await page.evaluate(() => {
    const data = (
      globalThis as unknown as {
        __LAB_DATA__: { widgets: { kind: string; tracks?: { id: string; nativeProbability: number }[] }[] };
      }
    ).__LAB_DATA__;
    return data.widgets.find((w) => w.kind === 'trackPicker')?.tracks ?? [];
  });
  const options = await page
    .locator('.picker-track option')
    .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
  const problems: string[] = [];
  let worst = 0;
  const step = Math.max(1, Math.ceil(options.length / 25));
  const checked = options.filter((_, i) => i % step === 0);
  for (const value of checked) {
    const track = tracks[Number(value)];
    await page.selectOption('.picker-track', value);
    const live = Number(
      await page
        .locator(`[data-live-probability][data-track-id="${track.id}"]`)
        .getAttribute('data-live-probability'),
    );
    const gap = Math.abs(live - track.nativeProbability);
    worst = Math.max(worst, gap);
    if (!(gap < 1e-6))
      problems.push(`track ${track.id}: live probability ${live} ≠ native ${track.nativeProbability}`);
  }
  if (options.length === 0) problems.push('the track picker offers no tracks');
  console.log(
    `  picker: ${checked.length} of ${options.length} tracks scored live, largest gap from native ${worst.toExponential(2)}`,
  );
  return problems.slice(0, 5);
}

async function main(): Promise<number> {
  const reports = path.resolve(option('reports') ?? path.join(__dirname, '..', 'reports'));
  const shots = option('screenshots');
  const pages = ['notebooks', 'dashboard'].flatMap((sub) => {
    const dir = path.join(reports, sub);
    if (!fs.existsSync(dir)) throw new Error(`no ${dir}: run npm start first`);
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => path.join(dir, f));
  });
  if (pages.length === 0) throw new Error(`no exported pages under ${reports}`);
  const browser = await launchChromium();
  const results: PageCheck[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    for (const file of pages) {
      const page = await context.newPage();
      const problems: string[] = [];
      const folder = path.dirname(file);
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      await page.route('**/*', (route) => {
        const url = route.request().url();
        const local =
          url.startsWith('data:') ||
          url.startsWith('blob:') ||
          (url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).startsWith(folder));
        if (!local) {
          problems.push(`request outside the page's folder: ${url}`);
          return route.abort();
        }
        return route.continue();
      });
      await page.goto(`file://${file}`);
      // Charts draw asynchronously; wait until each Plotly container has its SVG (or time out and report).
      // Mount points: notebook charts (.lab-figure) and dashboard figure blocks ([data-figure]) in view.
      const expected = await page
        .locator('.lab-figure, .figure[data-figure]')
        .evaluateAll((els) => els.filter((e) => e.closest('[hidden]') === null).length);
      const drawnCount = () =>
        page
          .locator('.js-plotly-plot .main-svg')
          .evaluateAll((els) => new Set(els.map((e) => e.closest('.js-plotly-plot'))).size);
      const deadline = Date.now() + 60_000;
      while ((await drawnCount()) < expected && Date.now() < deadline) await page.waitForTimeout(250);
      const drawn = await drawnCount();
      if (drawn < expected) problems.push(`${expected - drawn} of ${expected} charts did not draw`);
      const chartDivs = expected;
      if ((await page.locator('.picker-track').count()) > 0) problems.push(...(await checkPicker(page)));
      if (shots && file.includes(`${path.sep}dashboard${path.sep}`)) {
        fs.mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, path.basename(file).replace(/\.html$/, '.png')) });
      }
      results.push({ file: path.relative(reports, file), charts: drawn, chartDivs, problems });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  let failed = 0;
  for (const r of results) {
    const ok = r.problems.length === 0;
    if (!ok) failed++;
    console.log(
      `${ok ? '✓' : '✗'} ${r.file}: ${r.charts}/${r.chartDivs} charts drawn${ok ? '' : `\n    ${r.problems.join('\n    ')}`}`,
    );
  }
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
