/// <reference lib="dom" />
/**
 * Draws Plotly figures with a dark template (plotly.js ships no templates; Python's `plotly_dark` lives in
 * the Python package). Figures inside hidden panels are drawn when shown, because Plotly sizes a plot from
 * its container and a hidden container measures 0×0.
 */
import { DARK_TEMPLATE } from './plot-template';
import type { Figure } from '../types';

interface PlotlyApi {
  newPlot(el: HTMLElement, data: unknown[], layout?: object, config?: object): Promise<unknown>;
  react(el: HTMLElement, data: unknown[], layout?: object, config?: object): Promise<unknown>;
  Plots: { resize(el: HTMLElement): void };
}

export function plotly(): PlotlyApi {
  const api = (window as unknown as { Plotly?: PlotlyApi }).Plotly;
  if (!api) throw new Error('plotly.min.js did not load (assets/plotly.min.js missing?)');
  return api;
}

export const PLOT_CONFIG = { responsive: true, displaylogo: false };

/**
 * Draws (or redraws) one figure into `el`. A figure that sets its own height (a heatmap with a row per genre,
 * a 3×3 grid of histograms) gets a mount of that height: with `responsive`, Plotly re-sizes the plot to its
 * container and drops `layout.height`, so a 874-px figure was squeezed into the 360-px default and its row
 * labels thinned out to every other one.
 */
export function drawFigure(el: HTMLElement, figure: Figure): Promise<unknown> {
  const height = (figure.layout as { height?: unknown } | undefined)?.height;
  if (typeof height === 'number' && height > 0) el.style.height = `${height}px`;
  const layout = { template: DARK_TEMPLATE, autosize: true, ...(figure.layout ?? {}) };
  return plotly().react(el, figure.data, layout, { ...PLOT_CONFIG, ...(figure.config ?? {}) });
}

/** Draws every not-yet-drawn, visible `[data-figure]` mount under `root`. */
export function drawVisibleFigures(root: ParentNode, figures: Figure[]): void {
  root.querySelectorAll<HTMLElement>('[data-figure]').forEach((el) => {
    if (el.dataset.drawn || el.offsetParent === null) return;
    const figure = figures[Number(el.dataset.figure)];
    if (!figure) return;
    el.dataset.drawn = '1';
    void drawFigure(el, figure);
  });
}
