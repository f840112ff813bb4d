import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { launchChromium } from '../../src/report/chromium';
import { plotlyBundlePath } from '../../src/report/plotly-asset';
import {
  featureValueText,
  renderTrackPdf,
  trackInsightHtml,
  type TrackInsight,
} from '../../src/report/track-pdf';
import {
  FEATURES,
  HOSTILE_NAME,
  expectedProbability,
  expectedShap,
  featureRow,
  fixtureTable,
} from '../helpers/dashboard-input';

const table = fixtureTable();
const features = featureRow(table, 3);
const insight: TrackInsight = {
  track: { id: 'id003', name: HOSTILE_NAME, artists: ['A', 'B'], album: 'Album', year: 1993 },
  featureNames: FEATURES,
  features,
  probability: expectedProbability(features),
  cluster: { id: 2, label: 'calm acoustic' },
  shap: expectedShap(features),
  explanation: { text: 'Because energy is high.', source: 'offline' },
  provenance: 'npm start -- --seed 7',
};

test('the insight page escapes the track and labels the explanation', () => {
  const html = trackInsightHtml(insight, 'plotly.min.js');
  expect(html).not.toContain(HOSTILE_NAME);
  expect(html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;');
  expect(html).toContain('Offline explanation (template, no LLM)');
  expect(html).toContain(`<div class="v">${insight.probability.toFixed(3)}</div>`);
});

test('bad insights are refused with what was expected', async () => {
  await expect(renderTrackPdf({ ...insight, features: [1] }, '/tmp/x.pdf')).rejects.toThrow(
    /11 feature names but 1 values/,
  );
  await expect(renderTrackPdf({ ...insight, probability: 2 }, '/tmp/x.pdf')).rejects.toThrow(
    /probability must be in \[0, 1\]/,
  );
});

test('prints one track to a PDF with headless Chromium', async () => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-pdf-'));
  try {
    const { file } = await renderTrackPdf(insight, path.join(dir, 'sub', 'track.pdf'));
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pathToFileURL(file).href.endsWith('/sub/track.pdf')).toBe(true);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
});

test('feature values as written: years without separators, fractions to four digits', () => {
  expect(featureValueText('year', 2017)).toBe('2017');
  expect(featureValueText('track_number', 7)).toBe('7');
  expect(featureValueText('duration_ms', 214157)).toBe('214,157');
  expect(featureValueText('instrumentalness', 0.000114567)).toBe('0.0001146');
  expect(featureValueText('tempo', null)).toBe('missing');
  const html = trackInsightHtml(
    { ...insight, features: features.map((v, i) => (i === 0 ? 2017 : v)) },
    'p.js',
  );
  expect(html).toContain('<td class="num">2017</td>');
  expect(html).not.toContain('2,017');
});

test('clusters are numbered 1–k, names wrap, CJK fonts are in the stack', () => {
  const html = trackInsightHtml(insight, 'plotly.min.js');
  expect(html).toContain('<div class="v">3: calm acoustic</div>');
  expect(html).toContain('overflow-wrap:anywhere');
  expect(html).toContain('"Noto Sans CJK JP"');
});

test('printed, the waterfall keeps every value label inside the page and clear of the feature names', async () => {
  const wide: TrackInsight = {
    ...insight,
    track: { ...insight.track, name: `夜に駆ける ${'very long title '.repeat(8)}` },
    shap: { values: insight.shap!.values.map((v, i) => (i === 0 ? v + 2.5 : v)), bias: -1.7 },
  };
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-pdf-html-'));
  const browser = await launchChromium();
  try {
    const file = path.join(dir, 'track.html');
    fs.writeFileSync(file, trackInsightHtml(wide, pathToFileURL(plotlyBundlePath()).href));
    // The PDF's content box: A4 at 96 dpi minus the 10 mm side margins.
    const page = await browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-drawn="1"]');
    const boxes = await page.evaluate(() => {
      const rect = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent ?? '' };
      };
      return {
        labels: Array.from(document.querySelectorAll('#waterfall .bartext')).map(rect),
        ticks: Array.from(document.querySelectorAll('#waterfall .ytick text')).map(rect),
        title: rect(document.querySelector('h1')!),
        width: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(boxes.labels.length).toBeGreaterThan(5);
    expect(boxes.scrollWidth).toBeLessThanOrEqual(boxes.width);
    for (const label of boxes.labels) {
      expect(label.right).toBeLessThanOrEqual(boxes.width - 36);
      for (const tick of boxes.ticks) {
        const overlap =
          label.left < tick.right &&
          tick.left < label.right &&
          label.top < tick.bottom &&
          tick.top < label.bottom;
        expect(overlap ? `${label.text} over ${tick.text}` : null).toBeNull();
      }
    }
    // The long name wraps onto several lines instead of running off the page.
    expect(boxes.title.right).toBeLessThanOrEqual(boxes.width);
    expect(boxes.title.bottom - boxes.title.top).toBeGreaterThan(60);
  } finally {
    await browser.close();
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
});
