/**
 * A SHAP waterfall for one prediction as a Plotly figure: from the model's base margin, each feature's
 * contribution in log-odds, largest first, to the track's margin. Pure, so it is tested in Node.
 */
import type { Figure } from '../types';

export interface WaterfallOptions {
  /** Features shown individually; the rest are summed into one bar. Default: 10. */
  maxFeatures?: number;
}

export const WATERFALL_DEFAULTS: Required<WaterfallOptions> = { maxFeatures: 10 };

export interface ShapValues {
  /** One contribution per feature, margin (log-odds) space. */
  values: number[];
  /** The expected margin (base value). */
  bias: number;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

export function waterfallFigure(
  featureNames: string[],
  features: (number | null)[],
  shap: ShapValues,
  options: WaterfallOptions = {},
): Figure {
  const { maxFeatures } = { ...WATERFALL_DEFAULTS, ...options };
  const order = shap.values
    .map((v, i) => i)
    .sort((a, b) => Math.abs(shap.values[b]) - Math.abs(shap.values[a]));
  const shown = order.slice(0, maxFeatures);
  const rest = order.slice(maxFeatures).reduce((sum, i) => sum + shap.values[i], 0);
  const label = (i: number): string => {
    const v = features[i];
    return `${featureNames[i]} = ${v === null || Number.isNaN(v) ? 'missing' : Number(v.toPrecision(4))}`;
  };
  const margin = shap.bias + shap.values.reduce((a, b) => a + b, 0);
  const y = [
    'base value',
    ...shown.map(label),
    ...(order.length > maxFeatures ? [`${order.length - maxFeatures} other features`] : []),
    'prediction',
  ];
  const x = [
    shap.bias,
    ...shown.map((i) => shap.values[i]),
    ...(order.length > maxFeatures ? [rest] : []),
    margin,
  ];
  const measure = ['absolute', ...x.slice(1, -1).map(() => 'relative'), 'total'];
  return {
    data: [
      {
        type: 'waterfall',
        orientation: 'h',
        y,
        x,
        measure,
        text: x.map((v, i) =>
          i === 0 || i === x.length - 1 ? v.toFixed(3) : (v >= 0 ? '+' : '') + v.toFixed(3),
        ),
        textposition: 'outside',
        increasing: { marker: { color: '#1DB954' } },
        decreasing: { marker: { color: '#ff5d5d' } },
        totals: { marker: { color: '#4f9dff' } },
        connector: { line: { color: '#3a404c' } },
      },
    ],
    layout: {
      title: {
        text: `SHAP contributions (log-odds): base ${shap.bias.toFixed(3)} → ${margin.toFixed(3)} = p ${logistic(margin).toFixed(3)}`,
      },
      yaxis: { autorange: 'reversed', automargin: true },
      xaxis: { title: { text: 'margin (log-odds)' } },
      height: 120 + 34 * y.length,
      showlegend: false,
    },
  };
}
