/**
 * The whole notebook path, end to end: the smoke notebook (imports from ../src through the tslab patch,
 * two Plotly figures, a table with a hostile track name, metric cards) runs through the real runner, and
 * the exported HTML is opened in real headless Chromium, offline.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { withPage } from '../helpers/browser';
import { FIXTURES, runNotebooksCli } from './run-cli';

const HOSTILE = '<img src=x onerror=alert(1)>';
let outDir: string;
let html: string;
let cli: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nb-export-'));
  cli = await runNotebooksCli(['--dir', path.join(FIXTURES, 'smoke'), '--out', outDir, '--timeout', '120'], {
    LAB_ROWS: '1234',
  });
  html = path.join(outDir, '00_smoke.html');
}, 180_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test('the runner executes the notebook and reports its time', () => {
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  expect(cli.stdout).toMatch(/✓ 00_smoke\.ipynb {2}\d+\.\d s {2}→ .*00_smoke\.html/);
  expect(fs.existsSync(html)).toBe(true);
});

test('the export holds the cells results, numbered, the environment passed through, plotly.js inlined once', () => {
  const text = fs.readFileSync(html, 'utf8');
  expect(text).toContain('escaped: &amp;lt;b&amp;gt;Rock &amp;amp; Roll&amp;lt;/b&amp;gt;');
  expect(text).toContain('answer from an earlier cell: 42');
  expect(text).toContain('LAB_ROWS in the kernel: 1234');
  expect(text).toContain('In&nbsp;[9]:');
  expect(text.match(/\* plotly\.js v/g)).toHaveLength(1);
  expect(text).not.toContain(HOSTILE);
});

test('in Chromium every chart draws, offline, without errors, and the hostile name stays text', async () => {
  await withPage(pathToFileURL(html).href, async (page, report) => {
    // A string, not a function: it runs in the page, and this project's TypeScript has no DOM types.
    const allChartsDrawn = `[...document.querySelectorAll('.lab-figure')].length === 2 &&
      [...document.querySelectorAll('.lab-figure')].every((chart) => chart.querySelector('.main-svg'))`;
    await page.waitForFunction(allChartsDrawn, undefined, { timeout: 60_000 });
    const cells = await page.$$eval('.lab-table td', (tds) => tds.map((td) => td.textContent));
    expect(cells).toContain(HOSTILE);
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(0);
    const card = await page.$eval('.lab-card', (el) => el.textContent);
    expect(card).toContain('ceiling 0.919');
    const titles = await page.$$eval('.lab-figure .gtitle', (els) => els.map((el) => el.textContent));
    expect(titles).toEqual(['Plays by artist', 'Mean valence by year']);
    expect(report.pageErrors).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    expect(report.externalRequests).toEqual([]);
    expect(report.dialogs).toEqual([]);
  });
}, 120_000);
