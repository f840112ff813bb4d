/**
 * The promotion-label summary: how many tracks the rule promotes, how many labels the flips change, and the
 * ceiling those flips put on any model — next to the original app's reported table and, when given, a trained
 * model's scores. The point of the chart: the original's table sits on the ceiling, so it measured the noise.
 */
import type { NoiseCeiling } from '../label/noise-ceiling';
import type { PromotionLabels } from '../label/promotion-rule';
import { panel } from './grid';
import { DARK_THEME, seriesColor, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure, PlotlyTrace } from './types';

/** Scores on the four metrics of the original app's results table. */
export interface LabelMetrics {
  auc: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What the original app's Promotion Model page showed (typed into the page, not computed). */
export const ORIGINAL_APP_REPORTED: LabelMetrics = { auc: 0.9188, precision: 0.95, recall: 0.85, f1: 0.9 };

export interface LabelSummaryFigureOptions {
  /** A trained model's scores on the noisy labels, drawn as a third series. Default: none. */
  model?: LabelMetrics;
  /** Name of the model series. Default: 'model'. */
  modelName?: string;
  /** The reference table drawn next to the ceiling; null hides it. Default: ORIGINAL_APP_REPORTED. */
  reported?: LabelMetrics | null;
  /** Figure title. Default: 'Promotion labels: base rates and the ceiling the flips imply'. */
  title?: string;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const LABEL_SUMMARY_FIGURE_DEFAULTS = {
  modelName: 'model',
  reported: ORIGINAL_APP_REPORTED as LabelMetrics | null,
  title: 'Promotion labels: base rates and the ceiling the flips imply',
  theme: DARK_THEME,
};

const METRICS: (keyof LabelMetrics)[] = ['auc', 'precision', 'recall', 'f1'];
const METRIC_NAMES = ['ROC AUC', 'precision', 'recall', 'F1'];

export function labelSummaryFigure(
  labels: Pick<PromotionLabels, 'ruleBaseRate' | 'labelBaseRate' | 'flipRate'>,
  ceiling: NoiseCeiling,
  options: LabelSummaryFigureOptions = {},
): Figure {
  const o = { ...LABEL_SUMMARY_FIGURE_DEFAULTS, ...options };
  const rates = panel(0);
  const scores = panel(1);
  const series: [string, LabelMetrics][] = [
    [`ceiling at ${(100 * ceiling.flipRate).toFixed(1)}% flips`, ceiling],
  ];
  if (o.reported) series.push(['original app (reported)', o.reported]);
  if (o.model) series.push([o.modelName, o.model]);
  for (const [name, values] of series) {
    for (const key of METRICS) {
      if (!Number.isFinite(values[key]))
        throw new Error(`labelSummaryFigure: ${name} has no finite '${key}'`);
    }
  }
  const data: PlotlyTrace[] = [
    {
      type: 'bar',
      name: 'share of tracks',
      x: ['rule promotes', 'labelled promoted', 'labels flipped'],
      y: [labels.ruleBaseRate, labels.labelBaseRate, labels.flipRate],
      xaxis: rates.xref,
      yaxis: rates.yref,
      marker: { color: [seriesColor(0, o.theme), seriesColor(1, o.theme), seriesColor(2, o.theme)] },
      texttemplate: '%{y:.1%}',
      textposition: 'outside',
      showlegend: false,
      hovertemplate: '%{x}: %{y:.2%}<extra></extra>',
    },
    ...series.map(([name, values], s): PlotlyTrace => ({
      type: 'bar',
      name,
      x: METRIC_NAMES,
      y: METRICS.map((k) => values[k]),
      xaxis: scores.xref,
      yaxis: scores.yref,
      marker: { color: seriesColor(s === 0 ? 0 : s + 2, o.theme) },
      texttemplate: '%{y:.3f}',
      textposition: 'outside',
      hovertemplate: `%{x}: %{y:.4f}<extra>${name}</extra>`,
    })),
  ];
  return {
    data,
    layout: themedLayout(
      o.title,
      {
        // Explicit domains and anchors: two panels of different widths, which Plotly's even grid cannot give.
        [rates.xKey]: themedAxis(o.theme, { domain: [0, 0.36], anchor: rates.yref }),
        [rates.yKey]: themedAxis(o.theme, {
          range: [0, 1],
          tickformat: '.0%',
          title: { text: 'share of tracks' },
          anchor: rates.xref,
        }),
        [scores.xKey]: themedAxis(o.theme, { domain: [0.46, 1], anchor: scores.yref }),
        [scores.yKey]: themedAxis(o.theme, {
          range: [0, 1.08],
          title: { text: 'score vs noisy labels' },
          anchor: scores.xref,
        }),
        barmode: 'group',
        height: 420,
      },
      o.theme,
    ),
  };
}
