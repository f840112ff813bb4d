/// <reference lib="dom" />
/**
 * Draws Plotly figures with a dark template (plotly.js ships no templates; Python's `plotly_dark` lives in
 * the Python package). Figures inside hidden panels are drawn when shown, because Plotly sizes a plot from
 * its container and a hidden container measures 0×0.
 */
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

const AXIS = { gridcolor: '#2a2f3a', zerolinecolor: '#3a404c', linecolor: '#3a404c' };

/** Streamlit-like dark layout, Spotify green first in the colour cycle. */
export const DARK_TEMPLATE = {
  layout: {
    paper_bgcolor: '#161b22',
    plot_bgcolor: '#161b22',
    font: { color: '#e6e6e6', family: '"Source Sans Pro", "Segoe UI", system-ui, sans-serif' },
    colorway: ['#1DB954', '#4f9dff', '#ff7f50', '#f5c542', '#c77dff', '#2ec4b6', '#ff5d8f', '#9aa4b2'],
    xaxis: AXIS,
    yaxis: AXIS,
    margin: { l: 60, r: 24, t: 48, b: 48 },
    legend: { bgcolor: 'rgba(0,0,0,0)' },
    hoverlabel: { bgcolor: '#262b35' },
  },
};

export const PLOT_CONFIG = { responsive: true, displaylogo: false };

/** Draws (or redraws) one figure into `el`. */
export function drawFigure(el: HTMLElement, figure: Figure): Promise<unknown> {
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
