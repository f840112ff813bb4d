import * as vm from 'vm';
import { DARK_THEME, LIGHT_THEME, themedLayout } from '../../src/viz/theme';
import { PLOTLY_MIME } from '../../src/viz/figure-output';
import { figureImagesWanted } from '../../src/viz/figure-image';
import {
  figureBundle,
  figureHtml,
  metrics,
  metricsHtml,
  show,
  table,
  tableHtml,
} from '../../src/viz/notebook';

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
async function runLoader(
  script: string,
  page: { plotly?: boolean; baseUrl?: string; notebookPath?: string },
) {
  const el = {
    innerHTML: '<img>',
    attributes: {} as Record<string, string>,
    setAttribute: (k: string, v: string) => (el.attributes[k] = v),
  };
  const plotted: unknown[][] = [];
  const loaded: string[] = [];
  const plotly = { newPlot: (...args: unknown[]) => plotted.push(args) };
  const window: Record<string, unknown> = {};
  if (page.plotly) window.Plotly = plotly;
  const body = {
    getAttribute: (name: string) =>
      name === 'data-base-url'
        ? (page.baseUrl ?? null)
        : name === 'data-notebook-path'
          ? (page.notebookPath ?? null)
          : null,
  };
  const document = {
    body,
    getElementById: (id: string) => (id === 'jupyter-config-data' ? null : el),
    createElement: () => ({}) as Record<string, unknown>,
    head: {
      appendChild: (s: { src: string; onload: () => void; onerror: () => void }) => {
        loaded.push(s.src);
        if (s.src.includes('files/')) {
          window.Plotly = plotly;
          s.onload();
        } else s.onerror();
      },
    },
  };
  vm.runInNewContext(script, {
    window,
    document,
    setTimeout,
    Promise,
    JSON,
    decodeURIComponent,
    encodeURIComponent,
    String,
    Error,
  });
  await new Promise((r) => setTimeout(r, 10));
  return { el, plotted, loaded, window };
}

const PNG = { png: Buffer.from('89504e47', 'hex'), width: 800, height: 450 };

describe('figureBundle', () => {
  test('carries the plotly MIME type, HTML with the PNG inside, the PNG and a text line', () => {
    const bundle = figureBundle(FIG, { id: 'fig-1', image: PNG });
    expect(Object.keys(bundle.data)).toEqual([PLOTLY_MIME, 'text/html', 'image/png', 'text/plain']);
    expect(bundle.data[PLOTLY_MIME]).toEqual({ ...FIG, config: { responsive: true, displaylogo: false } });
    expect(bundle.data['image/png']).toBe(PNG.png.toString('base64'));
    expect(bundle.metadata).toEqual({ 'image/png': { width: 800, height: 450 } });
    expect(bundle.data['text/plain']).toBe('<Plotly figure: </script>>');
    const html = bundle.data['text/html'] as string;
    // The image is inside the chart's div, so it is what shows when the script is stripped (untrusted).
    expect(html).toMatch(
      /^<div id="fig-1" class="lab-figure"[^>]*><img src="data:image\/png;base64,iVBORw==" width="800" height="450" alt="&lt;\/script&gt;"/,
    );
    expect(html).not.toContain(HOSTILE);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  test('without an image it says why, and sends no image/png', () => {
    const bundle = figureBundle(FIG, { id: 'fig-2', image: { error: 'no Chromium <here>' } });
    expect(bundle.data['image/png']).toBeUndefined();
    expect(bundle.data['text/html']).toContain(
      'no Chromium &lt;here&gt;; the interactive chart needs a trusted notebook',
    );
  });

  test('rejects what is not a figure and ids that are not plain', () => {
    expect(() => figureBundle({} as never, { id: 'x' })).toThrow(/expected a Plotly figure/);
    expect(() => figureHtml(FIG, { id: '"><b>' })).toThrow(/id must match/);
  });
});

describe('the chart script', () => {
  test("draws with the page's Plotly (nbconvert HTML), data intact, replacing the image", async () => {
    const [loader] = scriptsOf(figureHtml(FIG, { id: 'fig-3', image: PNG }));
    const run = await runLoader(loader, { plotly: true });
    expect(run.plotted).toHaveLength(1);
    const [target, data, layout, config] = run.plotted[0];
    expect(target).toBe(run.el);
    expect(run.el.innerHTML).toBe('');
    expect(data).toEqual(FIG.data);
    expect(layout).toEqual(FIG.layout);
    expect(config).toEqual({ responsive: true, displaylogo: false });
    expect(run.loaded).toEqual([]);
  });

  test('loads plotly.js once from the server, trying each URL in turn, never inlining it', async () => {
    const html = figureHtml(FIG, {
      id: 'fig-4',
      image: PNG,
      plotlyUrls: [
        { server: 'kernelspecs/tslab/plotly.min.js' },
        { notebook: '../node_modules/p/plotly.min.js' },
      ],
    });
    expect(html.length).toBeLessThan(10_000);
    const run = await runLoader(scriptsOf(html)[0], {
      baseUrl: '/base/',
      notebookPath: 'notebooks/01%20eda.ipynb',
    });
    expect(run.loaded).toEqual([
      '/base/kernelspecs/tslab/plotly.min.js',
      '/base/files/node_modules/p/plotly.min.js',
    ]);
    expect(run.plotted).toHaveLength(1);
  });

  test('keeps the image and records why when no URL can work (a file opened from disk)', async () => {
    const html = figureHtml(FIG, { id: 'fig-5', image: PNG, plotlyUrls: [{ notebook: '../../outside.js' }] });
    const run = await runLoader(scriptsOf(html)[0], { baseUrl: '/', notebookPath: 'a.ipynb' });
    expect(run.loaded).toEqual([]);
    expect(run.plotted).toHaveLength(0);
    expect(run.el.innerHTML).toBe('<img>');
    expect(run.el.attributes['data-plotly-error']).toMatch(/no URL|plotly/);
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
    // One format per column: valence has fractions, so its 1 is written 1.000 like the rest.
    expect(html).toContain('<td class="lab-num">1.000</td>');
    expect(html).toContain('<td class="lab-num">NaN</td>');
    expect(html).toContain('<td>x, y</td>');
    expect(html).toContain('<th>extra</th>');
    expect(html).not.toContain('more rows');
  });

  test('one number format per column: separators for all when one value needs them, years stay plain', () => {
    const html = tableHtml([
      { year: 2017, tracks: 9620 },
      { year: 2018, tracks: 14157 },
    ]);
    expect(html).toContain('<td class="lab-num">2017</td><td class="lab-num">9,620</td>');
    expect(html).toContain('<td class="lab-num">2018</td><td class="lab-num">14,157</td>');
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
  function sink() {
    const html: string[] = [];
    const bundles: { data: Record<string, unknown>; metadata?: Record<string, unknown> }[] = [];
    return {
      html,
      bundles,
      display: {
        html: (t: string) => html.push(t),
        bundle: (data: Record<string, unknown>, metadata?: Record<string, unknown>) =>
          bundles.push({ data, metadata }),
      },
    };
  }

  test('show sends one light-themed bundle per chart, unique ids, no plotly.js inside', () => {
    const out = sink();
    const dark = { data: [{ type: 'bar', y: [1] }], layout: themedLayout('t') };
    show(dark, { display: out.display, image: false });
    show(dark, { display: out.display, image: false, keepTheme: true });
    expect(out.bundles).toHaveLength(2);
    const light = out.bundles[0].data[PLOTLY_MIME] as { layout: Record<string, unknown> };
    expect(light.layout.paper_bgcolor).toBe(LIGHT_THEME.background);
    expect(
      (out.bundles[1].data[PLOTLY_MIME] as { layout: Record<string, unknown> }).layout.paper_bgcolor,
    ).toBe(DARK_THEME.background);
    const ids = out.bundles.map((b) => /<div id="([^"]+)"/.exec(b.data['text/html'] as string)?.[1]);
    expect(new Set(ids).size).toBe(2);
    for (const b of out.bundles) expect(JSON.stringify(b).length).toBeLessThan(20_000);
  });

  test('LAB_FIGURE_IMAGES=off: show sends the chart without a static image, and says so without scripts', () => {
    const saved = process.env.LAB_FIGURE_IMAGES;
    process.env.LAB_FIGURE_IMAGES = 'off';
    try {
      const out = sink();
      // With an image wanted this would draw one in Chromium; the setting turns that off.
      show({ data: [{ type: 'bar', y: [1] }], layout: { title: 'Plain <b>' } }, { display: out.display });
      const [bundle] = out.bundles;
      expect(bundle.data['image/png']).toBeUndefined();
      expect(bundle.data[PLOTLY_MIME]).toBeDefined();
      expect(bundle.data['text/html']).toContain(
        'Plain &lt;b&gt;: an interactive chart, drawn where scripts run (no static image was drawn)',
      );
      expect(bundle.data['text/html']).not.toContain('<img');
    } finally {
      if (saved === undefined) delete process.env.LAB_FIGURE_IMAGES;
      else process.env.LAB_FIGURE_IMAGES = saved;
    }
  });

  test('figureImagesWanted: on unless LAB_FIGURE_IMAGES is off, 0 or false', () => {
    expect(figureImagesWanted({})).toBe(true);
    expect(figureImagesWanted({ LAB_FIGURE_IMAGES: 'on' })).toBe(true);
    for (const off of ['off', '0', 'false', ' OFF '])
      expect(figureImagesWanted({ LAB_FIGURE_IMAGES: off })).toBe(false);
  });

  test('table and metrics send their HTML to the display', () => {
    const out = sink();
    table([{ a: 1 }], { display: out.display });
    metrics([{ label: 'F1', value: 0.9 }], { display: out.display });
    expect(out.html[0]).toContain('<table class="lab-table">');
    expect(out.html[1]).toContain('<div class="lab-metrics">');
  });
});
