/**
 * Figures of the promotion model's evaluation: ROC, precision–recall, calibration, confusion matrix, threshold
 * sweep, and the model's metrics beside the ceiling the label noise allows.
 */
import type { CalibrationBin } from '../model/metrics/calibration';
import type { ConfusionMatrix } from '../model/metrics/confusion';
import type { CeilingComparisonRow, ClassifierEvaluation } from '../model/metrics/evaluate';
import type { ThresholdPoint } from '../model/metrics/threshold-sweep';
import { DARK_THEME, seriesColor, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure } from './types';

export interface ModelFigureOptions {
  /** Figure title. Default: one per figure ('ROC curve', …). */
  title?: string;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const MODEL_FIGURE_DEFAULTS = { theme: DARK_THEME };

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
const dashed = (theme: Theme) => ({
  color: theme.grid === DARK_THEME.grid ? '#777777' : '#999999',
  dash: 'dash',
  width: 1,
});

function unitAxes(theme: Theme, x: string, y: string) {
  return {
    xaxis: themedAxis(theme, { title: { text: x }, range: [0, 1] }),
    yaxis: themedAxis(theme, { title: { text: y }, range: [0, 1.02] }),
  };
}

/** ROC curve with the chance diagonal; the legend carries the AUC and its interval (DeLong by default). */
export function rocFigure(evaluation: ClassifierEvaluation, options: ModelFigureOptions = {}): Figure {
  const o = { ...MODEL_FIGURE_DEFAULTS, ...options };
  const ci = evaluation.rocAucInterval;
  const label = `model (AUC ${evaluation.rocAuc.toFixed(3)}${ci ? `, ${Math.round(ci.level * 100)}% CI ${ci.lower.toFixed(3)}–${ci.upper.toFixed(3)}` : ''})`;
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: label,
        x: evaluation.roc.fpr.map((v) => round(v)),
        y: evaluation.roc.tpr.map((v) => round(v)),
        line: { color: seriesColor(0, o.theme), width: 2 },
        hovertemplate: 'FPR %{x:.3f}, TPR %{y:.3f}<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'chance (AUC 0.5)',
        x: [0, 1],
        y: [0, 1],
        line: dashed(o.theme),
        hoverinfo: 'skip',
      },
    ],
    layout: themedLayout(
      o.title ?? 'ROC curve',
      { ...unitAxes(o.theme, 'false positive rate', 'true positive rate'), height: 420 },
      o.theme,
    ),
  };
}

/** Precision–recall curve with the no-skill line at the positive rate; the legend carries the average precision. */
export function precisionRecallFigure(
  evaluation: ClassifierEvaluation,
  options: ModelFigureOptions = {},
): Figure {
  const o = { ...MODEL_FIGURE_DEFAULTS, ...options };
  const pr = evaluation.precisionRecall;
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: `model (AP ${evaluation.averagePrecision.toFixed(3)})`,
        x: pr.recall.map((v) => round(v)),
        y: pr.precision.map((v) => round(v)),
        line: { color: seriesColor(1, o.theme), width: 2, shape: 'hv' },
        hovertemplate: 'recall %{x:.3f}, precision %{y:.3f}<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `no skill (${evaluation.positiveRate.toFixed(3)})`,
        x: [0, 1],
        y: [round(evaluation.positiveRate), round(evaluation.positiveRate)],
        line: dashed(o.theme),
        hoverinfo: 'skip',
      },
    ],
    layout: themedLayout(
      o.title ?? 'Precision–recall curve',
      { ...unitAxes(o.theme, 'recall', 'precision'), height: 420 },
      o.theme,
    ),
  };
}

/** Reliability diagram: observed positive rate per probability bin against the diagonal of perfect calibration. */
export function calibrationFigure(bins: CalibrationBin[], options: ModelFigureOptions = {}): Figure {
  const o = { ...MODEL_FIGURE_DEFAULTS, ...options };
  if (bins.length === 0) throw new Error('calibrationFigure: expected at least one bin');
  const maxCount = Math.max(...bins.map((b) => b.count));
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'model',
        x: bins.map((b) => round(b.meanPredicted)),
        y: bins.map((b) => round(b.fractionPositive)),
        customdata: bins.map((b) => b.count),
        marker: {
          color: seriesColor(0, o.theme),
          size: bins.map((b) => round(6 + 14 * Math.sqrt(b.count / maxCount), 2)),
        },
        hovertemplate: 'predicted %{x:.3f}, observed %{y:.3f}, %{customdata:,} tracks<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'perfectly calibrated',
        x: [0, 1],
        y: [0, 1],
        line: dashed(o.theme),
        hoverinfo: 'skip',
      },
    ],
    layout: themedLayout(
      o.title ?? 'Calibration',
      { ...unitAxes(o.theme, 'mean predicted probability', 'observed share promoted'), height: 420 },
      o.theme,
    ),
  };
}

/** 2×2 heatmap of counts, annotated with count and share of all rows. */
export function confusionMatrixFigure(m: ConfusionMatrix, options: ModelFigureOptions = {}): Figure {
  const o = { ...MODEL_FIGURE_DEFAULTS, ...options };
  const total = m.truePositives + m.falsePositives + m.trueNegatives + m.falseNegatives;
  const x = ['predicted 0', 'predicted 1'];
  const y = ['actual 0', 'actual 1'];
  const z = [
    [m.trueNegatives, m.falsePositives],
    [m.falseNegatives, m.truePositives],
  ];
  const annotations = z.flatMap((row, i) =>
    row.map((count, j) => ({
      x: x[j],
      y: y[i],
      text: `${count.toLocaleString('en-US')}<br>${((100 * count) / total).toFixed(1)}%`,
      showarrow: false,
      font: { color: o.theme.text, size: 14 },
    })),
  );
  return {
    data: [
      {
        type: 'heatmap',
        x,
        y,
        z,
        colorscale: o.theme.sequential,
        showscale: false,
        hovertemplate: '%{y}, %{x}: %{z:,}<extra></extra>',
      },
    ],
    layout: themedLayout(
      o.title ?? `Confusion matrix at threshold ${m.threshold}`,
      {
        annotations,
        height: 380,
        xaxis: themedAxis(o.theme, { side: 'bottom' }),
        yaxis: themedAxis(o.theme, { autorange: 'reversed' }),
      },
      o.theme,
    ),
  };
}

/** Precision, recall, F1 and accuracy across thresholds, with the chosen threshold marked. */
export function thresholdSweepFigure(
  sweep: ThresholdPoint[],
  options: ModelFigureOptions & { threshold?: number } = {},
): Figure {
  const o = { ...MODEL_FIGURE_DEFAULTS, ...options };
  if (sweep.length === 0) throw new Error('thresholdSweepFigure: expected at least one threshold');
  const x = sweep.map((p) => p.threshold);
  const metrics = ['precision', 'recall', 'f1', 'accuracy'] as const;
  return {
    data: metrics.map((metric, i) => ({
      type: 'scatter' as const,
      mode: 'lines',
      name: metric === 'f1' ? 'F1' : metric,
      x,
      y: sweep.map((p) => round(p[metric])),
      line: { color: seriesColor(i, o.theme), width: 2 },
    })),
    layout: themedLayout(
      o.title ?? 'Metrics by decision threshold',
      {
        ...unitAxes(o.theme, 'threshold', 'score'),
        height: 420,
        shapes:
          o.threshold === undefined
            ? []
            : [
                {
                  type: 'line',
                  x0: o.threshold,
                  x1: o.threshold,
                  y0: 0,
                  y1: 1,
                  yref: 'paper',
                  line: dashed(o.theme),
                },
              ],
      },
      o.theme,
    ),
  };
}

/** The model's ROC AUC, precision, recall and F1 beside the noise ceiling, as grouped bars. */
export function metricsVersusCeilingFigure(
  rows: CeilingComparisonRow[],
  options: ModelFigureOptions = {},
): Figure {
  const o = { ...MODEL_FIGURE_DEFAULTS, ...options };
  if (rows.length === 0) throw new Error('metricsVersusCeilingFigure: expected at least one metric');
  const x = rows.map((r) => r.metric);
  return {
    data: [
      {
        type: 'bar',
        name: 'model (test set)',
        x,
        y: rows.map((r) => round(r.model)),
        marker: { color: seriesColor(0, o.theme) },
        text: rows.map((r) => r.model.toFixed(3)),
        textposition: 'outside',
      },
      {
        type: 'bar',
        name: 'ceiling set by label noise',
        x,
        y: rows.map((r) => round(r.ceiling)),
        marker: { color: seriesColor(1, o.theme) },
        text: rows.map((r) => r.ceiling.toFixed(3)),
        textposition: 'outside',
      },
    ],
    layout: themedLayout(
      o.title ?? 'Model vs the best the noisy labels allow',
      {
        barmode: 'group',
        height: 400,
        yaxis: themedAxis(o.theme, { range: [0, 1.1], title: { text: 'score' } }),
      },
      o.theme,
    ),
  };
}
