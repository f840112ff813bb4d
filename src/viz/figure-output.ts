/**
 * One chart as a Jupyter display bundle that draws in every front end, each picking the richest type it may
 * show (pure: figure in, bundle out):
 * - `application/vnd.plotly.v1+json`: Plotly's own type; JupyterLab (plotly's extension), VS Code and
 *   nbviewer-style renderers draw it without trusting the notebook.
 * - `text/html`: a div holding the static PNG, and a script that replaces it with the interactive chart. Classic
 *   Notebook ranks text/html above images and, in an untrusted notebook, shows it with scripts stripped: the
 *   PNG inside is what the reader then sees. Trusted (and in nbconvert's HTML), the script loads plotly.js from
 *   the Jupyter server (never inlined: it is 4.8 MB) unless the page already has it.
 * - `image/png`: the same PNG for viewers that show no HTML.
 * - `text/plain`: what the figure is, for terminals.
 */
import { escapeHtml, jsonForScript } from '../util/html';

/** A Plotly figure as JSON: Node builds it, the browser draws it. */
export interface PlotlyFigure {
  data: unknown[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

export interface FigureOutputOptions {
  /** DOM id of the chart's div; letters, digits, `-` and `_`. Required: ids must be unique on a page. */
  id: string;
  /** The static image (PNG bytes and CSS size), or why there is none. Default: none. */
  image?: { png: Buffer; width: number; height: number } | { error: string };
  /**
   * Where the chart's script may load plotly.js from when the page has no `window.Plotly`, tried in order.
   * `{ server: path }` is relative to the Jupyter server's base URL (e.g. `kernelspecs/tslab/plotly.min.js`);
   * `{ notebook: path }` is relative to the notebook's folder, served under `files/`. Default: [].
   */
  plotlyUrls?: PlotlyUrl[];
}

export type PlotlyUrl = { server: string } | { notebook: string };

/** A display_data message's `data` and `metadata`. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';
const ID_PATTERN = /^[A-Za-z][\w-]*$/;

export function validateFigure(fig: PlotlyFigure, who: string): void {
  if (fig === null || typeof fig !== 'object' || !Array.isArray(fig.data)) {
    throw new TypeError(`${who}: expected a Plotly figure { data: [...], layout?: {...} }`);
  }
}

/** The display bundle of one chart (see the file comment for what each type is for). */
export function figureBundle(fig: PlotlyFigure, options: FigureOutputOptions): DisplayBundle {
  validateFigure(fig, 'figureBundle');
  const config = { responsive: true, displaylogo: false, ...(fig.config ?? {}) };
  const data: Record<string, unknown> = {
    [PLOTLY_MIME]: { data: fig.data, layout: fig.layout ?? {}, config },
    'text/html': figureHtml(fig, options),
  };
  const metadata: Record<string, unknown> = {};
  const image = options.image;
  if (image && 'png' in image) {
    data['image/png'] = image.png.toString('base64');
    metadata['image/png'] = { width: image.width, height: image.height };
  }
  data['text/plain'] = `<Plotly figure: ${figureTitle(fig) || 'untitled'}>`;
  return { data, metadata };
}

/** The chart's HTML: the static image (or a note) inside the chart's div, then the script that draws it. */
export function figureHtml(fig: PlotlyFigure, options: FigureOutputOptions): string {
  validateFigure(fig, 'figureHtml');
  if (!ID_PATTERN.test(options.id)) {
    throw new TypeError(`figureHtml: id must match ${ID_PATTERN}, got ${JSON.stringify(options.id)}`);
  }
  const config = { responsive: true, displaylogo: false, ...(fig.config ?? {}) };
  const payload = jsonForScript({ data: fig.data, layout: fig.layout ?? {}, config });
  const image = options.image;
  const title = escapeHtml(figureTitle(fig) || 'Plotly chart');
  const fallback =
    image && 'png' in image
      ? `<img src="data:image/png;base64,${image.png.toString('base64')}" width="${image.width}" ` +
        `height="${image.height}" alt="${title}" style="max-width:100%;height:auto">`
      : image
        ? `<p class="lab-figure-note">${title}: ${escapeHtml(image.error)}; the interactive chart needs a trusted notebook.</p>`
        : `<p class="lab-figure-note">${title}: an interactive chart, drawn where scripts run (no static image was drawn).</p>`;
  return (
    `<div id="${options.id}" class="lab-figure" style="width:100%">${fallback}</div>\n` +
    `<script>${loaderScript(options.id, payload, options.plotlyUrls ?? [])}</script>`
  );
}

/** The title text of a figure's layout, '' when it has none. */
export function figureTitle(fig: PlotlyFigure): string {
  const title = fig.layout?.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object' && typeof (title as { text?: unknown }).text === 'string') {
    return (title as { text: string }).text;
  }
  return '';
}

/**
 * Draws with the page's Plotly if it has one (nbconvert's HTML injects it once), else loads it once per page
 * from the Jupyter server, through require.js when the page has it (classic Notebook: plotly's UMD bundle
 * may register as an AMD module there instead of setting window.Plotly). Until then, and if every URL fails,
 * the static image stays (and the chart's div records why in `data-plotly-error`).
 */
function loaderScript(id: string, payload: string, urls: PlotlyUrl[]): string {
  return `(function () {
  var fig = ${payload};
  var id = ${jsonForScript(id)};
  var urls = ${jsonForScript(urls)};
  function draw(Plotly) {
    var el = document.getElementById(id);
    if (!el) { return setTimeout(function () { draw(Plotly); }, 50); }
    var fallback = el.innerHTML;
    el.innerHTML = '';
    return Promise.resolve(Plotly.newPlot(el, fig.data, fig.layout, fig.config)).catch(function (e) {
      el.innerHTML = fallback;
      throw e;
    });
  }
  function fail(reason) {
    var el = document.getElementById(id);
    if (el) { el.setAttribute('data-plotly-error', String(reason)); }
  }
  if (window.Plotly) { draw(window.Plotly); return; }
  function baseUrl() {
    var b = document.body && document.body.getAttribute('data-base-url');
    if (b) { return b; }
    var c = document.getElementById('jupyter-config-data');
    try { return c ? JSON.parse(c.textContent).baseUrl || null : null; } catch (e) { return null; }
  }
  function resolve(u) {
    var base = baseUrl();
    if (base === null) { return null; }
    if (base.charAt(base.length - 1) !== '/') { base += '/'; }
    if (u.server) { return base + u.server; }
    var nb = document.body && document.body.getAttribute('data-notebook-path');
    if (!nb) { return null; }
    var parts = decodeURIComponent(nb).split('/').slice(0, -1).concat(u.notebook.split('/'));
    var out = [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === '..') { if (!out.length) { return null; } out.pop(); }
      else if (parts[i] && parts[i] !== '.') { out.push(parts[i]); }
    }
    return base + 'files/' + out.map(encodeURIComponent).join('/');
  }
  function load(url, n) {
    return new Promise(function (ok, no) {
      if (typeof window.define === 'function' && window.define.amd && window.require) {
        var name = 'lab-plotly-' + n;
        var paths = {}; paths[name] = url.replace(/\\.js$/, '');
        window.require.config({ paths: paths });
        window.require([name], function (P) {
          // plotly.js 2 registers an AMD module; plotly.js 3+ only sets window.Plotly.
          var plotly = P || window.Plotly;
          plotly ? ok(plotly) : no(new Error('no Plotly from ' + url));
        }, function (e) { window.require.undef(name); no(e); });
      } else {
        var s = document.createElement('script');
        s.src = url;
        s.onload = function () { window.Plotly ? ok(window.Plotly) : no(new Error('no window.Plotly')); };
        s.onerror = function () { no(new Error('cannot load ' + url)); };
        document.head.appendChild(s);
      }
    });
  }
  if (!window.__labPlotly) {
    window.__labPlotly = urls.reduce(function (p, u, n) {
      return p.catch(function () {
        var url = resolve(u);
        return url ? load(url, n) : Promise.reject(new Error('no URL'));
      });
    }, Promise.reject(new Error('no plotly.js URL worked')));
    window.__labPlotly.then(function (P) { window.Plotly = window.Plotly || P; }, function () {});
  }
  window.__labPlotly.then(draw).catch(fail);
})();`;
}
