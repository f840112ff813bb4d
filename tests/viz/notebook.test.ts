import * as vm from 'vm';
import { figureHtml, loadPlotly, metrics, metricsHtml, show, table, tableHtml } from '../../src/viz/notebook';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FIG = {
  data: [{ type: 'bar', x: [HOSTILE, 'b'], y: [1, 2] }],
  layout: { title: { text: '</script>' } },
};

/** The inline scripts of an HTML fragment, in order. */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/** Runs a chart's loader script against a minimal fake page and returns what it did. */
function runLoader(script: string, withPlotly: boolean) {
  const el = { textContent: '' };
  const plotted: unknown[][] = [];
  const listeners: Record<string, () => void> = {};
  const window: Record<string, unknown> = {
    addEventListener: (name: string, fn: () => void) => (listeners[name] = fn),
  };
  const plotly = { newPlot: (...args: unknown[]) => plotted.push(args) };
  if (withPlotly) window.Plotly = plotly;
  const document = { getElementById: () => el };
  vm.runInNewContext(script, { window, document, setTimeout });
  return { el, plotted, listeners, loadPlotly: () => (window.Plotly = plotly) };
}

describe('figureHtml', () => {
  test('draws the figure with window.Plotly, data intact and no way out of the script', () => {
    const html = figureHtml(FIG, { id: 'fig-1', plotlySource: null });
    expect(html).toContain('<div id="fig-1" class="lab-figure"');
    expect(html).not.toContain(HOSTILE);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const [loader] = scriptsOf(html);
    const run = runLoader(loader, true);
    expect(run.plotted).toHaveLength(1);
    const [target, data, layout, config] = run.plotted[0];
    expect(target).toBe(run.el);
    expect(data).toEqual(FIG.data);
    expect(layout).toEqual(FIG.layout);
    expect(config).toEqual({ responsive: true, displaylogo: false });
  });

  test('waits for plotly with a visible note, then draws when the inlining output fires', () => {
    const [loader] = scriptsOf(figureHtml(FIG, { id: 'fig-2', plotlySource: null }));
    const run = runLoader(loader, false);
    expect(run.plotted).toHaveLength(0);
    expect(run.el.textContent).toMatch(/Waiting for plotly.js: .* Run loadPlotly\(\) in a cell/);
    run.loadPlotly();
    run.listeners['lab-plotly-ready']();
    expect(run.plotted).toHaveLength(1);
    expect(run.el.textContent).toBe('');
  });

  test('inlines the plotly source first, neutralising </script and <!-- inside it', () => {
    const source = 'var a = "</script><!--"; window.Plotly = {};';
    const html = figureHtml(FIG, { id: 'fig-3', plotlySource: source });
    const scripts = scriptsOf(html);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toContain('"\\x3C/script>\\x3C!--"');
    expect(scripts[0]).toContain('window.dispatchEvent(new Event("lab-plotly-ready"))');
    expect(vm.runInNewContext(`${scripts[0].split('\n;window')[0]}; a`, { window: {} })).toBe(
      '</script><!--',
    );
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<div id="fig-3"'));
  });

  test('rejects what is not a figure and ids that are not plain', () => {
    expect(() => figureHtml({} as never, { id: 'x', plotlySource: null })).toThrow(
      /expected a Plotly figure/,
    );
    expect(() => figureHtml(FIG, { id: '"><b>', plotlySource: null })).toThrow(/id must match/);
  });
});

describe('tableHtml', () => {
  const rows = [
    { name: HOSTILE, year: 2019, plays: 1204025, valence: 0.51234, explicit: true },
    { name: 'b', year: 1999, plays: 12, valence: 1, explicit: false, extra: ['x', 'y'] },
    { name: 'c', year: 2000, plays: 3, valence: NaN, explicit: false },
  ];

  test('escapes text, formats numbers and right-aligns numeric columns', () => {
    const html = tableHtml(rows);
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('<th>name</th><th class="lab-num">year</th><th class="lab-num">plays</th>');
    expect(html).toContain(
      '<td class="lab-num">2019</td><td class="lab-num">1,204,025</td><td class="lab-num">0.512</td>',
    );
    expect(html).toContain('<td class="lab-num">1</td>');
    expect(html).toContain('<td class="lab-num">NaN</td>');
    expect(html).toContain('<td>x, y</td>');
    expect(html).toContain('<th>extra</th>');
    expect(html).not.toContain('more rows');
  });

  test('cuts long tables with a count, honours columns, digits and caption', () => {
    const html = tableHtml(rows, { maxRows: 1, columns: ['valence', 'name'], digits: 1, caption: 'Top <3>' });
    expect(html).toContain('<caption>Top &lt;3&gt;</caption>');
    expect(html).toContain('<th class="lab-num">valence</th><th>name</th>');
    expect(html).toContain('<td class="lab-num">0.5</td>');
    expect(html).toContain('<td colspan="2">… 2 more rows</td>');
    expect(html).not.toContain('>b<');
  });

  test('validates its options', () => {
    expect(() => tableHtml(rows, { maxRows: 0 })).toThrow(/maxRows must be a positive integer, got 0/);
    expect(() => tableHtml(rows, { digits: -1 })).toThrow(/digits/);
    expect(() => tableHtml('rows' as never)).toThrow(/expected an array/);
  });
});

describe('metricsHtml', () => {
  test('shows value, ceiling with share, and note, escaped', () => {
    const html = metricsHtml([
      { label: 'ROC AUC', value: 0.9012, ceiling: 0.919, note: 'test <set>' },
      { label: 'rows', value: 1204025 },
      { label: 'label rule', value: 'valence > 0.6 & energy > 0.6' },
    ]);
    expect(html).toContain('<div class="lab-label">ROC AUC</div><div class="lab-value">0.901</div>');
    expect(html).toContain('ceiling 0.919 (98% of it)');
    expect(html).toContain('test &lt;set&gt;');
    expect(html).toContain('<div class="lab-value">1,204,025</div>');
    expect(html).toContain('valence &gt; 0.6 &amp; energy &gt; 0.6');
    expect(() => metricsHtml([{ value: 1 } as never])).toThrow(/card 0 needs a string label/);
  });
});

describe('show / table / metrics', () => {
  test('inline plotly.js in the first chart only (unless asked), with unique ids', () => {
    const outputs: string[] = [];
    const display = { html: (text: string) => outputs.push(text) };
    show(FIG, { display });
    show(FIG, { display });
    show(FIG, { display, inlinePlotly: true });
    expect(outputs[0]).toContain('plotly.js v');
    expect(outputs[0].length).toBeGreaterThan(1_000_000);
    expect(outputs[1]).not.toContain('plotly.js v');
    expect(outputs[1].length).toBeLessThan(10_000);
    expect(outputs[2]).toContain('plotly.js v');
    const ids = outputs.map((html) => /<div id="([^"]+)"/.exec(html)?.[1]);
    expect(new Set(ids).size).toBe(3);
  });

  test('loadPlotly inlines plotly.js and fires the event waiting charts listen for', () => {
    const outputs: string[] = [];
    loadPlotly({ display: { html: (text: string) => outputs.push(text) } });
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toContain('plotly.js v');
    expect(outputs[0].endsWith(';window.dispatchEvent(new Event("lab-plotly-ready"));</script>')).toBe(true);
  });

  test('table and metrics send their HTML to the display', () => {
    const outputs: string[] = [];
    const display = { html: (text: string) => outputs.push(text) };
    table([{ a: 1 }], { display });
    metrics([{ label: 'F1', value: 0.9 }], { display });
    expect(outputs[0]).toContain('<table class="lab-table">');
    expect(outputs[1]).toContain('<div class="lab-metrics">');
  });
});
