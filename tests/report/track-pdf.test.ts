import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { renderTrackPdf, trackInsightHtml, type TrackInsight } from '../../src/report/track-pdf';
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
