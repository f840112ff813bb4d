/**
 * Trend figures: yearly feature means as lines with their interval bands, and decade means as bars with error
 * bars. One panel per feature, because tempo (BPM), loudness (dB) and the 0–1 features share no axis.
 */
import type { PeriodMeans } from '../analysis/period-means';
import type { NumericColumn } from '../data/schema';
import { gridLayout, panel } from './grid';
import { DARK_THEME, seriesColor, themedLayout, withAlpha, type Theme } from './theme';
import type { Figure, PlotlyLayout, PlotlyTrace } from './types';

export interface TrendFigureOptions {
  /** Features to draw, in panel order. Default: every feature in the input. */
  features?: readonly NumericColumn[];
  /** Panels per row. Default: 3. */
  columns?: number;
  /** Draw the mean ± z·sd/√n band (lines) or error bars (decade bars). Default: true. */
  showInterval?: boolean;
  /** Figure title. Default: 'Audio features by year' / 'Audio features by decade'. */
  title?: string;
  /** Pixel height per row of panels. Default: 220. */
  rowHeight?: number;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const TREND_FIGURE_DEFAULTS = { columns: 3, showInterval: true, rowHeight: 220, theme: DARK_THEME };

function selected(means: PeriodMeans, features: readonly NumericColumn[] | undefined) {
  const wanted = features ?? means.features.map((f) => f.feature);
  if (wanted.length === 0) throw new Error('trend figure: expected at least one feature');
  return wanted.map((name) => {
    const trend = means.features.find((f) => f.feature === name);
    if (!trend) {
      throw new Error(
        `trend figure: feature '${name}' is not in the means; it has ${means.features.map((f) => f.feature).join(', ')}`,
      );
    }
    return trend;
  });
}

function resolve(options: TrendFigureOptions) {
  const o = { ...TREND_FIGURE_DEFAULTS, ...options };
  if (!Number.isInteger(o.columns) || o.columns < 1)
    throw new Error(`trend figure: columns must be a positive integer, got ${o.columns}`);
  return o;
}

function interval(means: PeriodMeans): string {
  return `${means.z === 1.96 ? '95%' : `±${means.z}·SE`} interval`;
}

/** Yearly (or any period) means as lines, one panel per feature, with interval bands. */
export function yearlyTrendFigure(means: PeriodMeans, options: TrendFigureOptions = {}): Figure {
  const o = resolve(options);
  const trends = selected(means, o.features);
  const data: PlotlyTrace[] = [];
  trends.forEach((trend, i) => {
    const p = panel(i);
    const color = seriesColor(i, o.theme);
    if (o.showInterval) {
      // Upper edge first (invisible), then lower filled 'tonexty' up to it: Plotly's band idiom.
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: means.periods,
        y: trend.upper,
        xaxis: p.xref,
        yaxis: p.yref,
        line: { width: 0 },
        hoverinfo: 'skip',
        showlegend: false,
        name: `${trend.feature} upper`,
      });
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: means.periods,
        y: trend.lower,
        xaxis: p.xref,
        yaxis: p.yref,
        line: { width: 0 },
        fill: 'tonexty',
        fillcolor: withAlpha(color, 0.25),
        hoverinfo: 'skip',
        showlegend: false,
        name: `${trend.feature} lower`,
      });
    }
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: trend.feature,
      x: means.periods,
      y: trend.mean,
      xaxis: p.xref,
      yaxis: p.yref,
      line: { color, width: 2 },
      customdata: means.counts,
      hovertemplate: `%{x}: %{y:.3f} (n = %{customdata})<extra>${trend.feature}</extra>`,
      showlegend: false,
    });
  });
  return { data, layout: panelsLayout(means, trends, o, o.title ?? 'Audio features by year') };
}

/** Means per decade (or any period) as bars with error bars, one panel per feature. */
export function decadeBarsFigure(means: PeriodMeans, options: TrendFigureOptions = {}): Figure {
  const o = resolve(options);
  const trends = selected(means, o.features);
  const labels = means.periods.map((p) => (means.periodYears === 10 ? `${p}s` : String(p)));
  const data: PlotlyTrace[] = trends.map((trend, i) => {
    const p = panel(i);
    const half = trend.upper.map((u, k) => u - trend.mean[k]);
    return {
      type: 'bar',
      name: trend.feature,
      x: labels,
      y: trend.mean,
      xaxis: p.xref,
      yaxis: p.yref,
      marker: { color: seriesColor(i, o.theme) },
      customdata: means.counts,
      showlegend: false,
      hovertemplate: `%{x}: %{y:.3f} (n = %{customdata})<extra>${trend.feature}</extra>`,
      ...(o.showInterval
        ? { error_y: { type: 'data', array: half, visible: true, thickness: 1.5, color: o.theme.text } }
        : {}),
    };
  });
  return {
    data,
    layout: panelsLayout(means, trends, o, o.title ?? 'Audio features by decade', { bargap: 0.15 }),
  };
}

/** One panel per feature on a grid, the title saying which interval the bands or bars show. */
function panelsLayout(
  means: PeriodMeans,
  trends: { feature: string }[],
  o: ReturnType<typeof resolve>,
  title: string,
  extra: PlotlyLayout = {},
): PlotlyLayout {
  const rows = Math.ceil(trends.length / o.columns);
  return themedLayout(
    o.showInterval ? `${title} — mean with ${interval(means)}` : title,
    {
      ...gridLayout(
        trends.map((t) => t.feature),
        o.columns,
        o.theme,
      ),
      height: 80 + rows * o.rowHeight,
      ...extra,
    },
    o.theme,
  );
}
