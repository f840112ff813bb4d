/**
 * Rich output for tslab notebook cells: Plotly figures, tables and metric cards.
 *
 * `figureBundle` (figure-output.ts), `tableHtml` and `metricsHtml` are pure (data in, output out) so they are
 * tested without a kernel; `show`, `table` and `metrics` send the output to the notebook at the edge
 * (display-sink.ts). Charts are re-themed light for a white notebook and carry a static PNG (figure-image.ts).
 */
import * as path from 'path';
import { plotlyBundlePath } from '../report/plotly-asset';
import { escapeHtml } from '../util/html';
import { tslabSink, type DisplaySink } from './display-sink';
import { figureImage, figureImagesWanted, warmFigureImages } from './figure-image';
import { figureBundle, validateFigure, type PlotlyFigure, type PlotlyUrl } from './figure-output';
import { notebookFigure } from './notebook-theme';

export { figureBundle, figureHtml, type PlotlyFigure } from './figure-output';
export type { DisplaySink } from './display-sink';

export interface TableOptions {
  /** Columns to show, in order. Default: every key, in order of first appearance. */
  columns?: string[];
  /** Rows shown before "… N more rows". Default: 20. */
  maxRows?: number;
  /** Fraction digits for non-integer numbers. Default: 3. */
  digits?: number;
  /** Caption above the table. Default: none. */
  caption?: string;
}

export const TABLE_DEFAULTS = { maxRows: 20, digits: 3 } as const;

export interface MetricCard {
  label: string;
  value: number | string;
  /** A line under the value, e.g. "test set, 24,000 tracks". */
  note?: string;
  /** The best value reachable (e.g. the AUC ceiling that label noise implies), shown next to the value. */
  ceiling?: number;
  /** Fraction digits for numeric value and ceiling. Default: 3. */
  digits?: number;
}

/** An escaped HTML table of `rows`; numbers right-aligned and formatted, long tables cut with a count. */
export function tableHtml(rows: ReadonlyArray<Record<string, unknown>>, options: TableOptions = {}): string {
  if (!Array.isArray(rows)) throw new TypeError('tableHtml: expected an array of row objects');
  const maxRows = options.maxRows ?? TABLE_DEFAULTS.maxRows;
  const digits = options.digits ?? TABLE_DEFAULTS.digits;
  if (!Number.isInteger(maxRows) || maxRows < 1) {
    throw new RangeError(`tableHtml: maxRows must be a positive integer, got ${maxRows}`);
  }
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`tableHtml: digits must be an integer in [0, 20], got ${digits}`);
  }
  const shown = rows.slice(0, maxRows);
  const columns = options.columns ?? columnsOf(shown);
  const numeric = columns.map((c) => shown.length > 0 && shown.every((r) => isNumberLike(r[c])));
  const formats = columns.map((c) =>
    columnFormat(
      shown.map((r) => r[c]),
      digits,
    ),
  );
  const head = columns
    .map((c, j) => `<th${numeric[j] ? ' class="lab-num"' : ''}>${escapeHtml(c)}</th>`)
    .join('');
  const body = shown
    .map((row) => {
      const cells = columns.map(
        (c, j) =>
          `<td${numeric[j] ? ' class="lab-num"' : ''}>${escapeHtml(formatCell(row[c], formats[j]))}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const hidden = rows.length - shown.length;
  const more =
    hidden > 0
      ? `\n<tr class="lab-more"><td colspan="${Math.max(1, columns.length)}">… ${formatNumber(hidden, { fraction: 0, grouping: true })} more rows</td></tr>`
      : '';
  const caption = options.caption === undefined ? '' : `<caption>${escapeHtml(options.caption)}</caption>`;
  return (
    `<style>${TABLE_CSS}</style>\n<table class="lab-table">${caption}<thead><tr>${head}</tr></thead>` +
    `<tbody>\n${body}${more}\n</tbody></table>`
  );
}

const TABLE_CSS =
  '.lab-table{border-collapse:collapse;font-size:13px;margin:4px 0}' +
  '.lab-table caption{caption-side:top;text-align:left;font-weight:600;padding:2px 0 6px}' +
  '.lab-table th,.lab-table td{padding:3px 10px;border-bottom:1px solid rgba(128,128,128,.3);text-align:left}' +
  '.lab-table th{font-weight:600}.lab-table .lab-num{text-align:right;font-variant-numeric:tabular-nums}' +
  '.lab-table .lab-more td{font-style:italic;opacity:.7}';

function columnsOf(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function isNumberLike(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'bigint';
}

/** How every number of one column is written, so that "9,620" stands above "14,157", not "9620". */
interface NumberFormat {
  /** Fraction digits. */
  fraction: number;
  /** Thousands separators. */
  grouping: boolean;
}

/**
 * One format per column: `digits` fraction digits when any number in it has a fraction, else none; thousands
 * separators when any reaches 10,000, so that a column of years stays `2019`.
 */
function columnFormat(values: readonly unknown[], digits: number): NumberFormat {
  const numbers = values
    .flat()
    .map((v) => (typeof v === 'bigint' ? Number(v) : v))
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return {
    fraction: numbers.some((v) => !Number.isInteger(v)) ? digits : 0,
    grouping: numbers.some((v) => Math.abs(v) >= 10000),
  };
}

/** A lone number (metric cards): its own fraction digits and grouping, as a one-value column. */
function formatLone(value: number, digits: number): string {
  return formatNumber(value, columnFormat([value], digits));
}

function formatNumber(value: number, format: NumberFormat): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: format.fraction,
    maximumFractionDigits: format.fraction,
    useGrouping: format.grouping,
  });
}

function formatCell(value: unknown, format: NumberFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, format);
  if (typeof value === 'bigint') return value.toLocaleString('en-US', { useGrouping: format.grouping });
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => formatCell(v, format)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Metric cards in a row: label, big value, optional ceiling and note. */
export function metricsHtml(cards: ReadonlyArray<MetricCard>): string {
  if (!Array.isArray(cards)) throw new TypeError('metricsHtml: expected an array of { label, value } cards');
  const items = cards.map((card, i) => {
    if (card === null || typeof card !== 'object' || typeof card.label !== 'string') {
      throw new TypeError(`metricsHtml: card ${i} needs a string label`);
    }
    const digits = card.digits ?? TABLE_DEFAULTS.digits;
    const value = typeof card.value === 'number' ? formatLone(card.value, digits) : String(card.value);
    const ceiling =
      card.ceiling === undefined
        ? ''
        : `<div class="lab-ceiling">ceiling ${escapeHtml(formatLone(card.ceiling, digits))}${ceilingShare(card)}</div>`;
    const note = card.note === undefined ? '' : `<div class="lab-note">${escapeHtml(card.note)}</div>`;
    return (
      `<div class="lab-card"><div class="lab-label">${escapeHtml(card.label)}</div>` +
      `<div class="lab-value">${escapeHtml(value)}</div>${ceiling}${note}</div>`
    );
  });
  return `<style>${METRICS_CSS}</style>\n<div class="lab-metrics">${items.join('')}</div>`;
}

/** " (97% of it)" when value and ceiling are both numbers and the ceiling is positive. */
function ceilingShare(card: MetricCard): string {
  if (typeof card.value !== 'number' || card.ceiling === undefined || !(card.ceiling > 0)) return '';
  return ` (${Math.round((100 * card.value) / card.ceiling)}% of it)`;
}

const METRICS_CSS =
  '.lab-metrics{display:flex;flex-wrap:wrap;gap:10px;margin:4px 0}' +
  '.lab-card{border:1px solid rgba(128,128,128,.35);border-radius:6px;padding:8px 14px;min-width:130px}' +
  '.lab-label{font-size:12px;opacity:.75}.lab-value{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums}' +
  '.lab-ceiling,.lab-note{font-size:12px;opacity:.75}';

/** A sink that takes HTML only (charts then send their HTML, which holds the static image). */
export type HtmlSink = Pick<DisplaySink, 'html'>;

export interface ShowOptions {
  /** Where the output goes. Default: the running tslab kernel. */
  display?: DisplaySink | HtmlSink;
  /**
   * Draw a static PNG fallback (headless Chromium). Default: true, unless LAB_FIGURE_IMAGES is `off` (as the
   * notebook runner sets it); false sends the chart without one.
   */
  image?: boolean;
  /** Keep the figure's own colours instead of the notebook's light theme. Default: false. */
  keepTheme?: boolean;
}

/** Whether this process is a notebook kernel started by the project's kernelspec (jupyter/kernels/tslab). */
function insideLabKernel(): boolean {
  return path.basename(process.argv[1] ?? '') === 'launch.js' && process.argv.includes('--config-path');
}

/**
 * In a notebook kernel, starts the shared figure renderer now, beside the work that is starting, so the figures
 * of new results do not wait for Chromium (the lab calls it when it computes; src/notebooks/lab.ts). Elsewhere
 * (scripts, tests) it does nothing.
 */
export function prepareFigures(): void {
  if (insideLabKernel() && figureImagesWanted()) warmFigureImages();
}

let figureCount = 0;
// Outputs of earlier kernel sessions stay on the page, so ids carry the session too.
const SESSION = `${process.pid.toString(36)}${Date.now().toString(36)}`;

/** Something that renders itself (a `lab.sql` frame): its whole bundle is shown. */
export interface HasMimeBundle {
  toMimeBundle(): Record<string, unknown>;
}

/**
 * Draws a Plotly figure in the cell's output: interactive where scripts run, a PNG where they do not (see
 * figure-output.ts), in the notebook's light theme. Or shows a value that renders itself (`toMimeBundle`, e.g.
 * a `lab.sql` frame).
 */
export function show(fig: PlotlyFigure | HasMimeBundle, options: ShowOptions = {}): void {
  const sink = options.display ?? tslabSink();
  if (typeof (fig as Partial<HasMimeBundle>).toMimeBundle === 'function') {
    send(sink, { data: (fig as HasMimeBundle).toMimeBundle(), metadata: {} });
    return;
  }
  validateFigure(fig as PlotlyFigure, 'show');
  const themed = options.keepTheme === true ? (fig as PlotlyFigure) : notebookFigure(fig as PlotlyFigure);
  figureCount += 1;
  const bundle = figureBundle(themed, {
    id: `lab-fig-${SESSION}-${figureCount}`,
    image: (options.image ?? figureImagesWanted()) ? figureImage(themed) : undefined,
    plotlyUrls: plotlyUrls(),
  });
  send(sink, bundle);
}

/** The whole bundle where the sink takes bundles; else its HTML (a sink that only takes HTML). */
function send(
  sink: DisplaySink | HtmlSink,
  bundle: { data: Record<string, unknown>; metadata: Record<string, unknown> },
): void {
  if ('bundle' in sink) sink.bundle(bundle.data, bundle.metadata);
  else sink.html(String(bundle.data['text/html']));
}

/**
 * Where a live notebook page loads plotly.js from: the kernelspec's folder, which Jupyter serves at
 * `kernelspecs/<name>/` whatever folder the server started in (jupyter/kernels/tslab/plotly.min.js links to
 * node_modules), then node_modules through `files/` when the server's root holds the project.
 */
function plotlyUrls(): PlotlyUrl[] {
  const kernel = insideLabKernel() ? path.basename(path.dirname(process.argv[1])) : 'tslab';
  const fromNotebook = path.relative(process.cwd(), plotlyBundlePath()).split(path.sep).join('/');
  return [{ server: `kernelspecs/${encodeURIComponent(kernel)}/plotly.min.js` }, { notebook: fromNotebook }];
}

/** Shows rows as a table (see `tableHtml`). */
export function table(
  rows: ReadonlyArray<Record<string, unknown>>,
  options: TableOptions & { display?: DisplaySink } = {},
): void {
  (options.display ?? tslabSink()).html(tableHtml(rows, options));
}

/** Shows metric cards (see `metricsHtml`). */
export function metrics(cards: ReadonlyArray<MetricCard>, options: { display?: DisplaySink } = {}): void {
  (options.display ?? tslabSink()).html(metricsHtml(cards));
}
