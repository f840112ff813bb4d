/**
 * Cohort comparison as a heatmap: segments down, features across, colour = standardized effect (segment mean
 * minus overall mean, in overall standard deviations) on a symmetric diverging scale, and the same effect printed
 * in each cell (one unit for colour and number; the raw mean is in the hover). Clusters are numbered 1–k with
 * their names, as in every other view.
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
  /** Cluster names by cluster number (0-based, as the segments' keys), e.g. the profiles' names. Default: none. */
  clusterNames?: Readonly<Record<number, string>>;
}

export const COHORT_FIGURE_DEFAULTS = { maxEffect: 1, theme: DARK_THEME };

export function cohortFigure(comparison: CohortComparison, options: CohortFigureOptions = {}): Figure {
  const o = { ...COHORT_FIGURE_DEFAULTS, ...options };
  if (!(o.maxEffect > 0)) throw new Error(`cohortFigure: maxEffect must be positive, got ${o.maxEffect}`);
  if (comparison.segments.length === 0) throw new Error('cohortFigure: no segments to draw');
  const segments = comparison.segments;
  const labels = segments.map(
    (s) => `${segmentName(s.key, comparison.kind, o.clusterNames)} (n = ${s.n.toLocaleString('en-US')})`,
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
        texttemplate: '%{z:+.2f}',
        text: segments.map((s) => s.mean.map((m) => (Math.abs(m) >= 10 ? m.toFixed(1) : m.toFixed(3)))),
        customdata: segments.map((s) => s.diff),
        hovertemplate:
          '%{y} · %{x}<br>effect %{z:+.2f} SD<br>mean %{text} (%{customdata:+.3g} vs overall)<extra></extra>',
        colorbar: { title: { text: 'SD' }, thickness: 12 },
      },
    ],
    layout: themedLayout(
      o.title ??
        `Cohorts by ${comparison.kind}: difference from overall (SD units)` +
          (comparison.omitted
            ? `<br><sub>the ${segments.length} largest genres; ${comparison.omitted.segments.toLocaleString('en-US')} smaller (${comparison.omitted.n.toLocaleString('en-US')} tracks) not shown</sub>`
            : ''),
      {
        height: 160 + 34 * segments.length,
        xaxis: themedAxis(o.theme, { tickangle: -40 }),
        yaxis: themedAxis(o.theme, { autorange: 'reversed', type: 'category' }),
      },
      o.theme,
    ),
  };
}

/** "3: Calm acoustic" for cluster key "2" with names, "cluster 3" without; other kinds keep their key. */
function segmentName(
  key: string,
  kind: CohortComparison['kind'],
  names?: Readonly<Record<number, string>>,
): string {
  if (kind !== 'cluster') return key;
  const index = Number(key);
  if (!Number.isInteger(index)) return `cluster ${key}`;
  const name = names?.[index];
  return name === undefined ? `cluster ${index + 1}` : `${index + 1}: ${name}`;
}
