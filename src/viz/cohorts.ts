/**
 * Cohort comparison as a heatmap: segments down, features across, colour = standardized effect (segment mean
 * minus overall mean, in overall standard deviations) on a symmetric diverging scale; the raw mean is printed.
 */
import type { CohortComparison } from '../analysis/cohorts';
import { DARK_THEME, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure } from './types';

export interface CohortFigureOptions {
  /** Figure title. Default: 'Cohorts by <kind>: difference from overall (SD units)'. */
  title?: string;
  /** Colour range is ±this many SDs; larger effects saturate. Default: 1. */
  maxEffect?: number;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const COHORT_FIGURE_DEFAULTS = { maxEffect: 1, theme: DARK_THEME };

export function cohortFigure(comparison: CohortComparison, options: CohortFigureOptions = {}): Figure {
  const o = { ...COHORT_FIGURE_DEFAULTS, ...options };
  if (!(o.maxEffect > 0)) throw new Error(`cohortFigure: maxEffect must be positive, got ${o.maxEffect}`);
  if (comparison.segments.length === 0) throw new Error('cohortFigure: no segments to draw');
  const segments = comparison.segments;
  const labels = segments.map(
    (s) =>
      `${comparison.kind === 'cluster' ? `cluster ${s.key}` : s.key} (n = ${s.n.toLocaleString('en-US')})`,
  );
  return {
    data: [
      {
        type: 'heatmap',
        x: comparison.features,
        y: labels,
        z: segments.map((s) => s.effect),
        zmin: -o.maxEffect,
        zmax: o.maxEffect,
        colorscale: o.theme.diverging,
        text: segments.map((s) => s.mean.map((m) => (Math.abs(m) >= 10 ? m.toFixed(1) : m.toFixed(3)))),
        texttemplate: '%{text}',
        customdata: segments.map((s) => s.diff),
        hovertemplate:
          '%{y} · %{x}<br>mean %{text} (%{customdata:+.3g} vs overall)<br>effect %{z:+.2f} SD<extra></extra>',
        colorbar: { title: { text: 'SD' }, thickness: 12 },
      },
    ],
    layout: themedLayout(
      o.title ?? `Cohorts by ${comparison.kind}: difference from overall (SD units)`,
      {
        height: 160 + 34 * segments.length,
        xaxis: themedAxis(o.theme, { tickangle: -40 }),
        yaxis: themedAxis(o.theme, { autorange: 'reversed', type: 'category' }),
      },
      o.theme,
    ),
  };
}
