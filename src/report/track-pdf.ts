/**
 * `lab report --track <id>`: one track's insight page (what it is, its promotion probability, why — SHAP —
 * and the explanation), printed to PDF by headless Chromium. The original app listed this as "coming soon".
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { escapeHtml, jsonForScript } from '../util/html';
import { launchChromium } from './chromium';
import { waterfallFigure, type ShapValues } from './client/waterfall';
import { plotlyBundlePath } from './plotly-asset';
import type { Figure, TrackExplanation } from './types';

export interface TrackInsight {
  track: { id: string; name: string; artists: string[]; album: string; year?: number };
  /** Model inputs, in model order. */
  featureNames: string[];
  features: (number | null)[];
  /** Promotion probability of the model. */
  probability: number;
  /** Threshold for "promote". Default: 0.5. */
  threshold?: number;
  /** Mood cluster, when clustering ran; `id` 0-based as in the labels, shown 1-based as in every other view. */
  cluster?: { id: number; label: string };
  shap?: ShapValues;
  explanation?: TrackExplanation;
  /** A line on how it was produced (command, seed, model fingerprint). */
  provenance?: string;
}

export interface TrackPdfOptions {
  /** Chromium binary. Default: LAB_CHROMIUM or /usr/bin/chromium. */
  chromiumPath?: string;
  /** Paper format. Default: 'A4'. */
  format?: 'A4' | 'Letter';
}

export const TRACK_PDF_DEFAULTS = { format: 'A4' } as const;

/** CJK names need Noto CJK (scripts/setup-system.sh installs fonts-noto-cjk); long names wrap, never clip. */
const FONTS = '"Segoe UI","DejaVu Sans","Noto Sans CJK JP","Noto Sans CJK SC",system-ui,sans-serif';

const STYLE = `body{font-family:${FONTS};color:#111;margin:0;padding:28px 36px;overflow-wrap:anywhere}
h1{margin:0 0 4px;font-size:26px}.sub{color:#555;margin-bottom:18px}
.cards{display:flex;flex-wrap:wrap;gap:14px;margin:12px 0 18px}.card{border:1px solid #ddd;border-left:5px solid #1DB954;border-radius:6px;padding:10px 14px;min-width:150px;max-width:100%;box-sizing:border-box}
.card .l{color:#666;font-size:12px}.card .v{font-size:22px;font-weight:600}
table{border-collapse:collapse;font-size:12px;max-width:100%}td,th{border-bottom:1px solid #eee;padding:3px 12px;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
h2{break-after:avoid}table,#waterfall,.cards{break-inside:avoid}
.expl{border:1px solid #ddd;border-radius:6px;padding:10px 14px;white-space:pre-wrap;line-height:1.5}
.tag{font-size:11px;color:#666}.foot{color:#888;font-size:11px;margin-top:18px}`;

/** Width of the waterfall in CSS pixels: A4 (794 px) minus 2 × 10 mm page margins and 2 × 36 px padding is 646. */
const WATERFALL_WIDTH = 640;

/**
 * A feature's value in the table: years and other integers as written (2017, not "2,017"), fractions to four
 * significant digits, separators only from 10,000 up.
 */
export function featureValueText(name: string, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'missing';
  if (/year/i.test(name)) return String(Math.round(value));
  if (Number.isInteger(value))
    return Math.abs(value) >= 10000 ? value.toLocaleString('en-US') : String(value);
  return String(Number(value.toPrecision(4)));
}

/**
 * The waterfall laid out for a printed page: white, the track's fonts, and room on both sides for the value
 * labels drawn outside the bars (Plotly clips them at the plot's edge otherwise, and a negative base value's
 * label ran into the "base value" tick label).
 */
export function printableWaterfall(figure: Figure): Figure {
  const trace = figure.data[0] as { x: number[]; measure: string[] };
  let running = 0;
  let lo = 0;
  let hi = 0;
  trace.x.forEach((v, i) => {
    const end = trace.measure[i] === 'relative' ? running + v : v;
    const start = trace.measure[i] === 'relative' ? running : 0;
    lo = Math.min(lo, start, end);
    hi = Math.max(hi, start, end);
    running = end;
  });
  // Labels are about seven characters ("+0.134"); give each side a fifth of the span for them.
  const pad = Math.max(0.2 * (hi - lo), 0.05);
  return {
    data: figure.data.map((t) => ({ ...(t as Record<string, unknown>), cliponaxis: false })),
    layout: {
      ...figure.layout,
      width: WATERFALL_WIDTH,
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
      font: { family: FONTS.replace(/"/g, "'"), size: 12, color: '#111' },
      margin: { l: 20, r: 30, t: 50, b: 50 },
      xaxis: { ...(figure.layout?.xaxis as object), range: [lo - pad, hi + pad], automargin: true },
      yaxis: { ...(figure.layout?.yaxis as object), automargin: true, ticksuffix: '  ' },
    },
  };
}

/** The insight page's HTML; `plotlyUrl` is where the page loads plotly from. */
export function trackInsightHtml(insight: TrackInsight, plotlyUrl: string): string {
  const { track } = insight;
  const threshold = insight.threshold ?? 0.5;
  const cards = [
    ['Promotion probability', insight.probability.toFixed(3)],
    ['Prediction', insight.probability >= threshold ? 'Promote' : 'Do not promote'],
    ...(insight.cluster ? [['Mood cluster', `${insight.cluster.id + 1}: ${insight.cluster.label}`]] : []),
  ]
    .map(
      ([label, value]) =>
        `<div class="card"><div class="l">${escapeHtml(label)}</div><div class="v">${escapeHtml(value)}</div></div>`,
    )
    .join('');
  const rows = insight.featureNames
    .map(
      (name, i) =>
        `<tr><td>${escapeHtml(name)}</td><td class="num">${escapeHtml(featureValueText(name, insight.features[i]))}</td>` +
        (insight.shap ? `<td class="num">${escapeHtml(insight.shap.values[i].toFixed(4))}</td>` : '') +
        '</tr>',
    )
    .join('');
  const figure = insight.shap
    ? printableWaterfall(waterfallFigure(insight.featureNames, insight.features, insight.shap))
    : null;
  const layout = figure ? figure.layout : null;
  const explanation = insight.explanation
    ? `<h2>Explanation</h2><div class="tag">${insight.explanation.source === 'llm' ? `LLM explanation${insight.explanation.model ? ` (${escapeHtml(insight.explanation.model)})` : ''}` : 'Offline explanation (template, no LLM)'}</div><div class="expl">${escapeHtml(insight.explanation.text)}</div>`
    : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(track.name)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(track.name)}</h1>
<div class="sub">${escapeHtml(track.artists.join(', '))} — ${escapeHtml(track.album)}${track.year ? ` (${escapeHtml(track.year)})` : ''} · id ${escapeHtml(track.id)}</div>
<div class="cards">${cards}</div>
${figure ? '<h2>Why: SHAP contributions</h2><div id="waterfall"></div>' : ''}
<h2>Features</h2><table><thead><tr><th>Feature</th><th class="num">Value</th>${insight.shap ? '<th class="num">SHAP (log-odds)</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>
${explanation}
${insight.provenance ? `<div class="foot">${escapeHtml(insight.provenance)}</div>` : ''}
<script src="${escapeHtml(plotlyUrl)}"></script>
<script>
(function () {
  var figure = ${jsonForScript(figure)};
  var done = function () { document.body.setAttribute('data-drawn', '1'); };
  if (!figure) return done();
  Plotly.newPlot('waterfall', figure.data, ${jsonForScript(layout)}, { staticPlot: true }).then(done);
})();
</script></body></html>
`;
}

/** Writes one track's insight page as a PDF to `outPath`. */
export async function renderTrackPdf(
  insight: TrackInsight,
  outPath: string,
  options: TrackPdfOptions = {},
): Promise<{ file: string }> {
  if (!insight?.track?.id) throw new Error('renderTrackPdf: insight.track.id is required');
  if (insight.features.length !== insight.featureNames.length) {
    throw new Error(
      `renderTrackPdf: ${insight.featureNames.length} feature names but ${insight.features.length} values`,
    );
  }
  if (!(insight.probability >= 0 && insight.probability <= 1))
    throw new Error(`renderTrackPdf: probability must be in [0, 1], got ${insight.probability}`);
  const { format } = { ...TRACK_PDF_DEFAULTS, ...options };
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-track-pdf-'));
  const browser = await launchChromium(options.chromiumPath);
  try {
    const htmlFile = path.join(work, 'track.html');
    await fs.promises.writeFile(
      htmlFile,
      trackInsightHtml(insight, pathToFileURL(plotlyBundlePath()).href),
      'utf8',
    );
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.waitForSelector('body[data-drawn="1"]', { timeout: 30000 });
    await fs.promises.mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
    await page.pdf({
      path: outPath,
      format,
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
    await fs.promises.rm(work, { recursive: true, force: true });
  }
  return { file: path.resolve(outPath) };
}
