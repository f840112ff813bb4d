/**
 * How sure a test-set metric is. A 30 % test split of a 50-track file holds 15 tracks: its ROC AUC interval
 * spans most of 0–1, and "0.93" alone reads as a result. Metrics whose 95 % interval is wider than a limit get
 * a "small test set" warning next to them.
 */
import type { ClassifierEvaluation } from './evaluate';

export interface MetricInterval {
  metric: 'ROC AUC' | 'precision' | 'recall';
  value: number;
  lower: number;
  upper: number;
  /** Rows the metric is a proportion of (test rows for AUC). */
  n: number;
}

/**
 * Wilson score interval of a proportion `successes / n` (z = 1.96 for 95 %); stays inside [0, 1] and is
 * honest at 0 and n, where the normal approximation collapses to a zero width.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): [number, number] {
  if (!(n > 0)) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** 95 % intervals of ROC AUC (the evaluation's own: DeLong's by default), precision and recall (Wilson's). */
export function metricIntervals(e: ClassifierEvaluation): MetricInterval[] {
  const c = e.confusion;
  const predicted = c.truePositives + c.falsePositives;
  const actual = c.truePositives + c.falseNegatives;
  const out: MetricInterval[] = [];
  if (e.rocAucInterval)
    out.push({
      metric: 'ROC AUC',
      value: e.rocAuc,
      lower: e.rocAucInterval.lower,
      upper: e.rocAucInterval.upper,
      n: e.rows,
    });
  const [pl, pu] = wilsonInterval(c.truePositives, predicted);
  out.push({ metric: 'precision', value: e.report.positive.precision, lower: pl, upper: pu, n: predicted });
  const [rl, ru] = wilsonInterval(c.truePositives, actual);
  out.push({ metric: 'recall', value: e.report.positive.recall, lower: rl, upper: ru, n: actual });
  return out;
}

/** Metrics whose 95 % interval is wider than `limit` (default 0.2). */
export function wideIntervals(e: ClassifierEvaluation, limit = 0.2): MetricInterval[] {
  return metricIntervals(e).filter((m) => m.upper - m.lower > limit);
}

/** The one-line warning for wide intervals, or undefined when every interval is narrow enough. */
export function smallTestSetWarning(e: ClassifierEvaluation, limit = 0.2): string | undefined {
  const wide = wideIntervals(e, limit);
  if (wide.length === 0) return undefined;
  const on = (m: MetricInterval) =>
    m.metric === 'ROC AUC'
      ? `${e.rows} test tracks`
      : `${m.n} ${m.metric === 'precision' ? 'predicted' : 'actual'} positives`;
  const parts = wide.map((m) => `${m.metric} ${m.lower.toFixed(2)}–${m.upper.toFixed(2)} on ${on(m)}`);
  return `small test set: 95 % intervals wider than ${limit} — ${parts.join(', ')}; treat these scores as rough`;
}
