/**
 * Figures of the model's explanations: global importance (gain/weight/cover, mean |SHAP|), the SHAP beeswarm,
 * and one track's SHAP waterfall drawn as floating bars from the base value to the track's margin.
 */
import type { FeatureImportance } from '../explain/importance';
import type { LocalExplanation } from '../explain/local-explanation';
import type { MeanAbsShap, ShapSummary } from '../explain/shap';
import { DEFAULT_SEED, createRandom, sampleIndices } from '../util/random';
import { DARK_THEME, SPOTIFY_GREEN, seriesColor, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure, PlotlyTrace } from './types';

export interface ExplainFigureOptions {
  /** Figure title. Default: one per figure. */
  title?: string;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const EXPLAIN_FIGURE_DEFAULTS = { theme: DARK_THEME };

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

function horizontalBars(
  features: string[],
  values: number[],
  axisTitle: string,
  title: string,
  theme: Theme,
  color: string,
): Figure {
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        x: values.map((v) => round(v)),
        y: features,
        marker: { color },
        hovertemplate: `%{y}: %{x:.4g}<extra></extra>`,
      },
    ],
    layout: themedLayout(
      title,
      {
        height: 120 + 28 * features.length,
        yaxis: themedAxis(theme, { autorange: 'reversed', type: 'category' }),
        xaxis: themedAxis(theme, { title: { text: axisTitle } }),
        showlegend: false,
      },
      theme,
    ),
  };
}

const IMPORTANCE_TITLES = {
  gain: 'mean gain per split',
  weight: 'splits using the feature',
  cover: 'mean rows per split',
  gainShare: 'share of total gain',
} as const;

/** XGBoost importance as bars, sorted by the chosen type. */
export function featureImportanceFigure(
  rows: FeatureImportance[],
  options: ExplainFigureOptions & { type?: keyof typeof IMPORTANCE_TITLES } = {},
): Figure {
  const o = { ...EXPLAIN_FIGURE_DEFAULTS, type: 'gain' as const, ...options };
  if (rows.length === 0) throw new Error('featureImportanceFigure: expected at least one feature');
  const sorted = [...rows].sort((a, b) => b[o.type] - a[o.type]);
  return horizontalBars(
    sorted.map((r) => r.feature),
    sorted.map((r) => r[o.type]),
    IMPORTANCE_TITLES[o.type],
    o.title ?? `Feature importance (${o.type})`,
    o.theme,
    SPOTIFY_GREEN,
  );
}

/** Mean |SHAP| per feature as bars. */
export function meanAbsShapFigure(rows: MeanAbsShap[], options: ExplainFigureOptions = {}): Figure {
  const o = { ...EXPLAIN_FIGURE_DEFAULTS, ...options };
  if (rows.length === 0) throw new Error('meanAbsShapFigure: expected at least one feature');
  return horizontalBars(
    rows.map((r) => r.feature),
    rows.map((r) => r.meanAbsShap),
    'mean |SHAP| (log-odds)',
    o.title ?? 'Global importance: mean |SHAP|',
    o.theme,
    seriesColor(1, o.theme),
  );
}

export interface BeeswarmOptions extends ExplainFigureOptions {
  /** Features shown (largest mean |SHAP| first). Default 11. */
  maxFeatures?: number;
  /** Vertical jitter of the dots (rows of the same feature spread ± jitter). Default 0.3. */
  jitter?: number;
  /**
   * Tracks drawn per feature (a seeded sample, the same tracks in every row). 500 dots show the shape of a
   * row; thousands made one figure about 1 MB of JSON in a notebook. Default 500.
   */
  maxPoints?: number;
  /** Seed of the jitter and the sample. Default 42. */
  seed?: number;
}

/** One row of dots per feature: x = SHAP value, colour = the feature's value (low → high). */
export function shapBeeswarmFigure(summary: ShapSummary, options: BeeswarmOptions = {}): Figure {
  const o = {
    ...EXPLAIN_FIGURE_DEFAULTS,
    maxFeatures: 11,
    jitter: 0.3,
    maxPoints: 500,
    seed: DEFAULT_SEED,
    ...options,
  };
  const features = summary.features.slice(0, o.maxFeatures);
  if (features.length === 0) throw new Error('shapBeeswarmFigure: expected at least one feature');
  if (!(Number.isInteger(o.maxPoints) && o.maxPoints > 0))
    throw new Error(`shapBeeswarmFigure: maxPoints must be a positive integer, got ${o.maxPoints}`);
  const rows = features[0].shap.length;
  const picked = Array.from(sampleIndices(rows, o.maxPoints, o.seed));
  const rng = createRandom(o.seed);
  // One trace per feature: its name goes in the hover once, not as a text label on every dot.
  const data: PlotlyTrace[] = features.map((f, i) => ({
    type: 'scatter',
    mode: 'markers',
    name: f.feature,
    x: picked.map((k) => round(f.shap[k])),
    y: picked.map(() => round(i + (rng.next() * 2 - 1) * o.jitter, 3)),
    customdata: picked.map((k) => round(f.value[k], 4)),
    hovertemplate: `${f.feature} = %{customdata}<br>SHAP %{x:.3f}<extra></extra>`,
    marker: {
      size: 4,
      opacity: 0.7,
      color: picked.map((k) => round(f.colour[k], 3)),
      colorscale: o.theme.diverging,
      cmin: 0,
      cmax: 1,
      showscale: i === 0,
      ...(i === 0
        ? { colorbar: { title: { text: 'feature value' }, tickvals: [0, 1], ticktext: ['low', 'high'] } }
        : {}),
    },
  }));
  return {
    data,
    layout: themedLayout(
      o.title ?? 'SHAP summary',
      {
        height: 140 + 36 * features.length,
        showlegend: false,
        xaxis: themedAxis(o.theme, { title: { text: 'SHAP value (log-odds; > 0 pushes toward promotion)' } }),
        yaxis: themedAxis(o.theme, {
          tickvals: features.map((_, i) => i),
          ticktext: features.map((f) => f.feature),
          autorange: 'reversed',
          zeroline: false,
        }),
        shapes: [
          {
            type: 'line',
            x0: 0,
            x1: 0,
            y0: 0,
            y1: 1,
            yref: 'paper',
            line: { color: o.theme.grid, width: 1 },
          },
        ],
      },
      o.theme,
    ),
  };
}

export interface WaterfallOptions extends ExplainFigureOptions {
  /** Features drawn one by one; the rest are summed into one bar. Default 10. */
  maxFeatures?: number;
}

/** From the base value through each contribution to the track's margin, as floating horizontal bars. */
export function shapWaterfallFigure(explanation: LocalExplanation, options: WaterfallOptions = {}): Figure {
  const o = { ...EXPLAIN_FIGURE_DEFAULTS, maxFeatures: 10, ...options };
  const shown = explanation.contributions.slice(0, o.maxFeatures);
  const rest = explanation.contributions.slice(o.maxFeatures);
  const steps = shown.map((c) => ({ label: `${c.feature} = ${round(c.value, 3)}`, delta: c.contribution }));
  if (rest.length > 0)
    steps.push({
      label: `${rest.length} other features`,
      delta: rest.reduce((s, c) => s + c.contribution, 0),
    });
  let running = explanation.baseMargin;
  const base: number[] = [];
  const widths: number[] = [];
  for (const step of steps) {
    base.push(round(running));
    widths.push(round(step.delta));
    running += step.delta;
  }
  const up = seriesColor(0, o.theme);
  const down = seriesColor(2, o.theme);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        y: steps.map((s) => s.label),
        x: widths,
        base,
        marker: { color: steps.map((s) => (s.delta >= 0 ? up : down)) },
        text: steps.map((s) => `${s.delta >= 0 ? '+' : ''}${s.delta.toFixed(3)}`),
        textposition: 'outside',
        hovertemplate: '%{y}: %{text}<extra></extra>',
      },
    ],
    layout: themedLayout(
      o.title ?? `Why ${(explanation.probability * 100).toFixed(1)}%: SHAP contributions`,
      {
        height: 160 + 30 * steps.length,
        showlegend: false,
        yaxis: themedAxis(o.theme, { autorange: 'reversed', type: 'category' }),
        xaxis: themedAxis(o.theme, { title: { text: 'margin (log-odds)' } }),
        shapes: [explanation.baseMargin, explanation.margin].map((x) => ({
          type: 'line',
          x0: round(x),
          x1: round(x),
          y0: 0,
          y1: 1,
          yref: 'paper',
          line: { color: o.theme.text, width: 1, dash: 'dot' },
        })),
        annotations: [
          {
            x: round(explanation.baseMargin),
            y: 1,
            yref: 'paper',
            yanchor: 'bottom',
            text: `base ${explanation.baseMargin.toFixed(2)}`,
            showarrow: false,
          },
          {
            x: round(explanation.margin),
            y: 1,
            yref: 'paper',
            yanchor: 'bottom',
            yshift: 14,
            text: `track ${explanation.margin.toFixed(2)} → p = ${explanation.probability.toFixed(3)}`,
            showarrow: false,
          },
        ],
      },
      o.theme,
    ),
  };
}
