/**
 * Rich output for tslab notebook cells: Plotly figures, tables and metric cards.
 *
 * `figureHtml`, `tableHtml` and `metricsHtml` are pure (data in, an HTML fragment out) so they are tested
 * without a kernel; `show`, `table` and `metrics` hand the fragment to tslab's `display.html` at the edge.
 * Figures are HTML + script rather than a Plotly MIME bundle because nbconvert's HTML export does not
 * render the MIME bundle; plotly.js is inlined once per kernel (4.8 MB) and later charts use window.Plotly.
 */
import * as fs from 'fs';
import type { Display } from 'tslab';
import { escapeHtml, jsonForScript } from '../util/html';

/** A Plotly figure as JSON: Node builds it, the browser draws it. */
export interface PlotlyFigure {
  data: unknown[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

export interface FigureHtmlOptions {
  /** DOM id of the chart's div; letters, digits, `-` and `_`. Required: ids must be unique on a page. */
  id: string;
  /** The plotly.js source to inline before the chart (the first chart of a kernel); null = use window.Plotly. */
  plotlySource: string | null;
}

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

/** Event the plotly-inlining output fires, so charts rendered before it (or reopened later) can draw. */
const PLOTLY_READY_EVENT = 'lab-plotly-ready';
const ID_PATTERN = /^[A-Za-z][\w-]*$/;

/** HTML that draws `fig` with Plotly, inlining `plotlySource` first when given. */
export function figureHtml(fig: PlotlyFigure, options: FigureHtmlOptions): string {
  if (fig === null || typeof fig !== 'object' || !Array.isArray(fig.data)) {
    throw new TypeError('figureHtml: expected a Plotly figure { data: [...], layout?: {...} }');
  }
  if (!ID_PATTERN.test(options.id)) {
    throw new TypeError(`figureHtml: id must match ${ID_PATTERN}, got ${JSON.stringify(options.id)}`);
  }
  const config = { responsive: true, displaylogo: false, ...(fig.config ?? {}) };
  const payload = jsonForScript({ data: fig.data, layout: fig.layout ?? {}, config });
  const loader = plotlyLoaderScript(options.id, payload);
  const inline = options.plotlySource === null ? '' : `${plotlyInlineHtml(options.plotlySource)}\n`;
  return `${inline}<div id="${options.id}" class="lab-figure" style="width:100%"></div>\n<script>${loader}</script>`;
}

/** A script that defines window.Plotly from `source`, then wakes the charts waiting for it. */
export function plotlyInlineHtml(source: string): string {
  return `<script>${scriptSafe(source)}\n;window.dispatchEvent(new Event(${jsonForScript(PLOTLY_READY_EVENT)}));</script>`;
}

/**
 * The chart's own script: draw now if Plotly is loaded, else wait for an output that inlines it and say why
 * nothing is drawn yet. Waiting covers JupyterLab rendering outputs lazily (the inlining output may come
 * later); a page reloaded while its kernel lives on has lost Plotly for good, hence the note's advice.
 */
function plotlyLoaderScript(id: string, payload: string): string {
  const note =
    'Waiting for plotly.js: this kernel inlined it in an earlier output that this page does not have ' +
    '(page reloaded, or output cleared). Run loadPlotly() in a cell, or restart the kernel and run all.';
  return `(function () {
  var fig = ${payload};
  var id = ${jsonForScript(id)};
  function draw() {
    var el = document.getElementById(id);
    if (!el) { return setTimeout(draw, 50); }
    el.textContent = '';
    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);
  }
  if (window.Plotly) { draw(); return; }
  var el = document.getElementById(id);
  if (el) { el.textContent = ${jsonForScript(note)}; }
  window.addEventListener(${jsonForScript(PLOTLY_READY_EVENT)}, draw, { once: true });
})();`;
}

/** Inline JS must not contain `</script` or `<!--` (the HTML parser acts on them inside a script). */
function scriptSafe(source: string): string {
  // `\x3C` is `<` in strings, templates and regexes, which is the only place those sequences occur in code.
  return source.replace(/<(?=!--|\/script)/gi, '\\x3C');
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
  const head = columns
    .map((c, j) => `<th${numeric[j] ? ' class="lab-num"' : ''}>${escapeHtml(c)}</th>`)
    .join('');
  const body = shown
    .map((row) => {
      const cells = columns.map(
        (c, j) => `<td${numeric[j] ? ' class="lab-num"' : ''}>${escapeHtml(formatCell(row[c], digits))}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const hidden = rows.length - shown.length;
  const more =
    hidden > 0
      ? `\n<tr class="lab-more"><td colspan="${Math.max(1, columns.length)}">… ${formatNumber(hidden, 0)} more rows</td></tr>`
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

/**
 * Integers without decimals, other numbers with `digits` fraction digits; thousands separators from 10,000 up
 * so that years stay `2019`.
 */
function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  const fraction = Number.isInteger(value) ? 0 : digits;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: fraction,
    maximumFractionDigits: fraction,
    useGrouping: Math.abs(value) >= 10000,
  });
}

function formatCell(value: unknown, digits: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, digits);
  if (typeof value === 'bigint') return value.toLocaleString('en-US');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => formatCell(v, digits)).join(', ');
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
    const value = typeof card.value === 'number' ? formatNumber(card.value, digits) : String(card.value);
    const ceiling =
      card.ceiling === undefined
        ? ''
        : `<div class="lab-ceiling">ceiling ${escapeHtml(formatNumber(card.ceiling, digits))}${ceilingShare(card)}</div>`;
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

/** Where the thin helpers send HTML; tslab's `display` in a kernel, anything with `html()` in tests. */
export type HtmlSink = Pick<Display, 'html'>;

export interface ShowOptions {
  /** Inline plotly.js in this output even if an earlier chart of this kernel did. Default: only the first time. */
  inlinePlotly?: boolean;
  /** Where the HTML goes. Default: tslab's `display`. */
  display?: HtmlSink;
}

let plotlyInlined = false;
let plotlySourceCache: string | null = null;
let figureCount = 0;
// Outputs of earlier kernel sessions stay on the page (JupyterLab), so ids carry the session too.
const SESSION = `${process.pid.toString(36)}${Date.now().toString(36)}`;

/** Something that renders itself (a `lab.sql` frame): its bundle's text/html is shown. */
export interface HasMimeBundle {
  toMimeBundle(): Record<string, unknown>;
}

/**
 * Draws a Plotly figure in the cell's output (offline; plotly.js inlined by the kernel's first chart), or
 * shows a value that renders itself (`toMimeBundle`, e.g. a `lab.sql` frame).
 */
export function show(fig: PlotlyFigure | HasMimeBundle, options: ShowOptions = {}): void {
  const sink = options.display ?? tslabDisplay();
  if (typeof (fig as Partial<HasMimeBundle>).toMimeBundle === 'function') {
    sink.html(String((fig as HasMimeBundle).toMimeBundle()['text/html']));
    return;
  }
  const inline = options.inlinePlotly === true || !plotlyInlined;
  figureCount += 1;
  const html = figureHtml(fig as PlotlyFigure, {
    id: `lab-fig-${SESSION}-${figureCount}`,
    plotlySource: inline ? plotlySource() : null,
  });
  sink.html(html);
  if (inline) plotlyInlined = true;
}

/**
 * Inlines plotly.js in this cell's output; charts on the page that wait for it then draw. For a page that
 * lost the output which inlined it (reloaded while the kernel kept running).
 */
export function loadPlotly(options: { display?: HtmlSink } = {}): void {
  (options.display ?? tslabDisplay()).html(plotlyInlineHtml(plotlySource()));
  plotlyInlined = true;
}

/** Shows rows as a table (see `tableHtml`). */
export function table(
  rows: ReadonlyArray<Record<string, unknown>>,
  options: TableOptions & { display?: HtmlSink } = {},
): void {
  (options.display ?? tslabDisplay()).html(tableHtml(rows, options));
}

/** Shows metric cards (see `metricsHtml`). */
export function metrics(cards: ReadonlyArray<MetricCard>, options: { display?: HtmlSink } = {}): void {
  (options.display ?? tslabDisplay()).html(metricsHtml(cards));
}

/** plotly.min.js from node_modules, read once per process. */
export function plotlySource(): string {
  if (plotlySourceCache === null) {
    plotlySourceCache = fs.readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8');
  }
  return plotlySourceCache;
}

/** Loaded on first use: tslab pulls in its TypeScript compiler, which code outside a kernel does not need. */
function tslabDisplay(): HtmlSink {
  const { display } = require('tslab') as typeof import('tslab');
  return {
    html(text: string): void {
      try {
        display.html(text);
      } catch (error) {
        throw new Error(
          `show/table/metrics display output inside a tslab notebook kernel; outside one, use ` +
            `figureHtml/tableHtml/metricsHtml (${(error as Error).message})`,
        );
      }
    },
  };
}
