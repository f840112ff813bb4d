/**
 * Distribution figures: histograms on the fixed bins of analysis/histograms (one panel per feature), and the
 * Pearson correlation matrix as an annotated heatmap on a fixed −1..1 diverging scale.
 */
import type { CorrelationMatrix } from '../analysis/correlation';
import type { FeatureHistogram } from '../analysis/histograms';
import { gridLayout, panel } from './grid';
import { DARK_THEME, seriesColor, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure, PlotlyTrace } from './types';

export interface HistogramFigureOptions {
  /** Panels per row. Default: 3. */
  columns?: number;
  /** 'count' or 'share' (fraction of all tracks) on the y axis. Default: 'count'. */
  y?: 'count' | 'share';
  /** Figure title. Default: 'Feature distributions'. */
  title?: string;
  /** Pixel height per row of panels. Default: 220. */
  rowHeight?: number;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const HISTOGRAM_FIGURE_DEFAULTS = {
  columns: 3,
  y: 'count' as 'count' | 'share',
  title: 'Feature distributions',
  rowHeight: 220,
  theme: DARK_THEME,
};

/** Histograms as bars at bin centres, bin-wide, one panel per feature; out-of-range counts in the hover. */
export function histogramFigure(
  histograms: readonly FeatureHistogram[],
  options: HistogramFigureOptions = {},
): Figure {
  const o = { ...HISTOGRAM_FIGURE_DEFAULTS, ...options };
  if (histograms.length === 0) throw new Error('histogramFigure: expected at least one histogram');
  if (o.y !== 'count' && o.y !== 'share')
    throw new Error(`histogramFigure: y must be 'count' or 'share', got '${o.y}'`);
  const data: PlotlyTrace[] = histograms.map((h, i) => {
    const p = panel(i);
    const centres = h.counts.map((_, k) => (h.edges[k] + h.edges[k + 1]) / 2);
    const widths = h.counts.map((_, k) => h.edges[k + 1] - h.edges[k]);
    const y = o.y === 'share' ? h.counts.map((c) => c / h.total) : h.counts;
    const outside = h.below + h.above > 0 ? ` · ${h.below} below, ${h.above} above range` : '';
    return {
      type: 'bar',
      name: h.feature,
      x: centres,
      y,
      width: widths,
      xaxis: p.xref,
      yaxis: p.yref,
      showlegend: false,
      marker: { color: seriesColor(i, o.theme), line: { width: 0 } },
      customdata: h.counts.map((_, k) => [h.edges[k], h.edges[k + 1]]),
      hovertemplate: `[%{customdata[0]:.3g}, %{customdata[1]:.3g}): %{y${o.y === 'share' ? ':.2%' : ':,'}}${outside}<extra>${h.feature}</extra>`,
    };
  });
  const rows = Math.ceil(histograms.length / o.columns);
  return {
    data,
    layout: themedLayout(
      o.title,
      {
        ...histogramAxes(histograms, o),
        height: 80 + rows * o.rowHeight,
        bargap: 0,
      },
      o.theme,
    ),
  };
}

/** Each panel: the feature under its x axis, what is counted on its y axis (the left column only). */
function histogramAxes(
  histograms: readonly FeatureHistogram[],
  o: { columns: number; y: 'count' | 'share'; theme: Theme },
): Record<string, unknown> {
  const layout = gridLayout(
    histograms.map((h) => h.feature),
    o.columns,
    o.theme,
  );
  histograms.forEach((h, i) => {
    const p = panel(i);
    const small = { font: { size: 11 } };
    layout[p.xKey] = themedAxis(o.theme, { title: { text: h.feature, ...small } });
    layout[p.yKey] = themedAxis(o.theme, {
      ...(i % o.columns === 0
        ? { title: { text: o.y === 'share' ? 'share of tracks' : 'tracks', ...small } }
        : {}),
      ...(o.y === 'share' ? { tickformat: '.0%' } : {}),
    });
  });
  return layout;
}

export interface CorrelationFigureOptions {
  /** Figure title. Default: 'Pearson correlation of audio features'. */
  title?: string;
  /** Fraction digits of the numbers printed in the cells. Default: 2. */
  digits?: number;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const CORRELATION_FIGURE_DEFAULTS = {
  title: 'Pearson correlation of audio features',
  digits: 2,
  theme: DARK_THEME,
};

/** The correlation matrix as a heatmap, first feature at the top, the value printed in each cell. */
export function correlationHeatmapFigure(
  correlation: CorrelationMatrix,
  options: CorrelationFigureOptions = {},
): Figure {
  const o = { ...CORRELATION_FIGURE_DEFAULTS, ...options };
  if (correlation.features.length === 0)
    throw new Error('correlationHeatmapFigure: expected at least one feature');
  const k = correlation.features.length;
  return {
    data: [
      {
        type: 'heatmap',
        x: correlation.features,
        y: correlation.features,
        z: correlation.matrix,
        zmin: -1,
        zmax: 1,
        colorscale: o.theme.diverging,
        texttemplate: `%{z:.${o.digits}f}`,
        hovertemplate: `%{y} × %{x}: r = %{z:.3f}<extra>n = ${correlation.n}</extra>`,
        colorbar: { title: { text: 'r' }, thickness: 12 },
      },
    ],
    layout: themedLayout(
      o.title,
      {
        height: 140 + 44 * k,
        width: 220 + 52 * k,
        xaxis: themedAxis(o.theme, { tickangle: -40 }),
        yaxis: themedAxis(o.theme, { autorange: 'reversed' }),
      },
      o.theme,
    ),
  };
}
