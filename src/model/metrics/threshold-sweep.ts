/** Precision, recall, F1, accuracy and positive rate across a grid of thresholds, from one sort. */
import { checkBinaryInput } from './binary-input';
import { descendingOrder, thresholdCounts, type ThresholdCounts } from './ranking';
import { classScores } from './confusion';

export interface ThresholdSweepOptions {
  /** Thresholds to evaluate. Default 0.01, 0.02, …, 0.99. */
  thresholds?: number[];
}

export const THRESHOLD_SWEEP_DEFAULTS = {
  thresholds: Array.from({ length: 99 }, (_, i) => (i + 1) / 100),
} as const;

export interface ThresholdPoint {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Fraction of rows predicted positive. */
  positiveRate: number;
}

/** Rows with score ≥ t, from counts whose thresholds are descending: binary search for the last run ≥ t. */
function countsAtOrAbove(counts: ThresholdCounts, t: number): { tp: number; fp: number } {
  let lo = 0;
  let hi = counts.thresholds.length; // first index whose threshold < t
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (counts.thresholds[mid] >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0
    ? { tp: 0, fp: 0 }
    : { tp: counts.truePositives[lo - 1], fp: counts.falsePositives[lo - 1] };
}

export function thresholdSweepFromCounts(
  counts: ThresholdCounts,
  thresholds: readonly number[],
): ThresholdPoint[] {
  const n = counts.positives + counts.negatives;
  return thresholds.map((threshold) => {
    const { tp, fp } = countsAtOrAbove(counts, threshold);
    const fn = counts.positives - tp;
    const tn = counts.negatives - fp;
    const { precision, recall, f1 } = classScores(tp, fp, fn);
    return { threshold, precision, recall, f1, accuracy: (tp + tn) / n, positiveRate: (tp + fp) / n };
  });
}

export function thresholdSweep(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: ThresholdSweepOptions = {},
): ThresholdPoint[] {
  checkBinaryInput(labels, scores, { metric: 'threshold sweep' });
  const thresholds = options.thresholds ?? THRESHOLD_SWEEP_DEFAULTS.thresholds;
  for (const t of thresholds)
    if (!Number.isFinite(t)) throw new Error(`thresholds must be finite numbers, got ${t}`);
  return thresholdSweepFromCounts(thresholdCounts(descendingOrder(scores), labels, scores), thresholds);
}
