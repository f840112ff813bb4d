/**
 * The answer to `lab.sql(...)`: a small column-oriented frame. DuckDB does the work (filters, joins,
 * group-bys over 1.2M rows); the frame only holds the answer, shows it as a table (as a cell's value through
 * `toMimeBundle`, or with `show`/`frame.show()`) and plots it in one line with Plotly:
 *
 *   const q = await lab.sql("select year, avg(energy) as energy from tracks group by year order by year");
 *   q.plot.line({ x: "year", y: "energy" });
 *
 * Why not arquero or apache-arrow: see the README's "Ask the data" section (measured: converting DuckDB's
 * answer into either costs more than this frame's plain arrays and adds nothing a notebook needs here).
 */
import { inspect } from 'util';
import { escapeHtml } from '../util/html';
import { show, tableHtml, TABLE_DEFAULTS, type HtmlSink } from '../viz/notebook';
import { themedLayout } from '../viz/theme';
import type { PlotlyFigure } from '../viz/notebook';

export interface PlotOptions {
  /** Column on the x axis. */
  x: string;
  /** Column(s) on the y axis: one trace each. */
  y: string | string[];
  /** Column splitting rows into one trace per value (with a single y). Default: none. */
  color?: string;
  /** Chart title. Default: "y by x". */
  title?: string;
  /** Where the chart goes: tslab's display by default; false returns the figure without showing it. */
  display?: HtmlSink | false;
}

export interface FramePlots {
  line(options: PlotOptions): PlotlyFigure;
  bar(options: PlotOptions): PlotlyFigure;
  scatter(options: PlotOptions): PlotlyFigure;
}

export class Frame {
  readonly numRows: number;
  readonly plot: FramePlots;

  constructor(
    /** Column names, in query order. */
    readonly columnNames: readonly string[],
    /** DuckDB type of each column (e.g. BIGINT, DOUBLE, VARCHAR). */
    readonly columnTypes: readonly string[],
    private readonly data: readonly (readonly unknown[])[],
    /** The SQL that produced it (shown under the table). */
    readonly sql = '',
  ) {
    if (data.length !== columnNames.length) throw new Error('Frame: one array of values per column');
    this.numRows = data[0]?.length ?? 0;
    const chart = (type: 'line' | 'bar' | 'scatter') => (o: PlotOptions) => this.chart(type, o);
    this.plot = { line: chart('line'), bar: chart('bar'), scatter: chart('scatter') };
  }

  get numCols(): number {
    return this.columnNames.length;
  }

  /** The values of one column. */
  column(name: string): readonly unknown[] {
    const j = this.columnNames.indexOf(name);
    if (j < 0) throw new Error(`no column '${name}'; columns: ${this.columnNames.join(', ')}`);
    return this.data[j];
  }

  /** Rows as objects: `[{ year: 1990, energy: 0.61, n: 1234 }, …]`. */
  toArray(): Record<string, unknown>[] {
    return Array.from({ length: this.numRows }, (_, i) =>
      Object.fromEntries(this.columnNames.map((c, j) => [c, this.data[j][i]])),
    );
  }

  /** An escaped HTML table of the first `maxRows` rows, with the row count. */
  toHtml(maxRows: number = TABLE_DEFAULTS.maxRows): string {
    const rows = this.toArray();
    const caption = `${this.numRows.toLocaleString('en-US')} row${this.numRows === 1 ? '' : 's'} × ${this.numCols} column${this.numCols === 1 ? '' : 's'}`;
    const table = tableHtml(rows, { columns: [...this.columnNames], maxRows, caption });
    return this.sql
      ? `${table}\n<details><summary>SQL</summary><pre>${escapeHtml(this.sql)}</pre></details>`
      : table;
  }

  /** A plain-text table (what a terminal or a text-only front end shows). */
  toString(maxRows: number = TABLE_DEFAULTS.maxRows): string {
    const shown = Math.min(maxRows, this.numRows);
    const cell = (v: unknown) =>
      v === null || v === undefined
        ? ''
        : typeof v === 'number' && !Number.isInteger(v)
          ? v.toFixed(3)
          : String(v);
    const cells = this.columnNames.map((name, j) => [name, ...this.data[j].slice(0, shown).map(cell)]);
    const widths = cells.map((c) => Math.max(...c.map((s) => s.length)));
    const lines = Array.from({ length: shown + 1 }, (_, i) =>
      cells.map((c, j) => c[i].padStart(widths[j])).join('  '),
    );
    const more =
      this.numRows > shown ? [`… ${(this.numRows - shown).toLocaleString('en-US')} more rows`] : [];
    return [...lines, ...more].join('\n');
  }

  /** What a text front end (and tslab's plain display of a cell's value) prints: the table, not the internals. */
  [inspect.custom](): string {
    return this.toString();
  }

  /** Jupyter's rich display: the kernel shows a frame that is a cell's value as this bundle. */
  toMimeBundle(): Record<string, unknown> {
    return { 'text/html': this.toHtml(), 'text/plain': this.toString() };
  }

  /** The kernel's convention (tslab patch, as Deno's kernel): a cell whose value is a frame shows this bundle. */
  [Symbol.for('Jupyter.display')](): Record<string, unknown> {
    return this.toMimeBundle();
  }

  /** Shows the table in the cell's output. */
  show(options: { display?: HtmlSink } = {}): void {
    show(this, options);
  }

  private chart(type: 'line' | 'bar' | 'scatter', o: PlotOptions): PlotlyFigure {
    const ys = Array.isArray(o.y) ? o.y : [o.y];
    if (ys.length === 0) throw new Error('plot: give at least one y column');
    if (o.color !== undefined && ys.length > 1) throw new Error('plot: color splits a single y column');
    const x = this.column(o.x);
    const trace = (name: string, xs: readonly unknown[], values: readonly unknown[]) => ({
      type: type === 'bar' ? 'bar' : 'scatter',
      mode: type === 'line' ? 'lines' : type === 'scatter' ? 'markers' : undefined,
      name,
      x: [...xs],
      y: [...values],
    });
    let data: unknown[];
    if (o.color !== undefined) {
      const groups = new Map<string, number[]>();
      this.column(o.color).forEach((g, i) => {
        const key = String(g);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(i);
      });
      const y = this.column(ys[0]);
      data = [...groups].map(([g, rows]) =>
        trace(
          g,
          rows.map((i) => x[i]),
          rows.map((i) => y[i]),
        ),
      );
    } else data = ys.map((name) => trace(name, x, this.column(name)));
    const figure: PlotlyFigure = {
      data,
      layout: themedLayout(o.title ?? `${ys.join(', ')} by ${o.x}`, {
        xaxis: { title: { text: o.x }, automargin: true },
        yaxis: { title: { text: ys.length === 1 ? ys[0] : '' }, automargin: true },
        showlegend: data.length > 1,
      }),
    };
    if (o.display !== false) {
      show(figure, o.display ? { display: o.display } : {});
      // As a cell's value the figure would print again as a screenful of arrays under the chart just shown; one
      // line instead, as matplotlib's `<Axes: …>` after pandas' df.plot.line(). Non-enumerable: JSON is unchanged.
      Object.defineProperty(figure, inspect.custom, {
        value: () => `<Plotly figure: ${layoutTitle(figure)} (shown above)>`,
        enumerable: false,
      });
    }
    return figure;
  }
}

function layoutTitle(figure: PlotlyFigure): string {
  const title = (figure.layout as { title?: { text?: string } } | undefined)?.title?.text;
  return title ?? 'untitled';
}

/** True for values that carry their own rich display (a Frame, or anything with toMimeBundle). */
export function hasMimeBundle(value: unknown): value is { toMimeBundle(): Record<string, unknown> } {
  return typeof (value as { toMimeBundle?: unknown } | null)?.toMimeBundle === 'function';
}
