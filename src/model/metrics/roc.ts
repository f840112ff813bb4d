/** ROC curve and its area, from one descending sort: O(n log n). */
import { checkBinaryInput } from './binary-input';
import { descendingOrder, thinnedIndices, thresholdCounts, type ThresholdCounts } from './ranking';

export interface RocCurve {
  /** False positive rate per point, starting at 0. */
  fpr: number[];
  /** True positive rate per point, starting at 0. */
  tpr: number[];
  /** Threshold per point (score ≥ threshold is positive); the first point's is +Infinity. */
  thresholds: number[];
}

/** Area under the trapezoids of the (fpr, tpr) steps; a tied run contributes a diagonal, i.e. ties count 1/2. */
export function aucFromCounts(counts: ThresholdCounts): number {
  const { truePositives: tp, falsePositives: fp, positives, negatives } = counts;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < tp.length; i++) {
    area += (fp[i] - prevFp) * (tp[i] + prevTp);
    prevTp = tp[i];
    prevFp = fp[i];
  }
  return area / (2 * positives * negatives);
}

/** ROC AUC; throws when only one class is present (it is undefined there). */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkBinaryInput(labels, scores, { needBothClasses: true, metric: 'ROC AUC' });
  return aucFromCounts(thresholdCounts(descendingOrder(scores), labels, scores));
}

/** The curve's points, or at most `maxPoints` of them evenly thinned with both ends kept. */
export function rocCurveFromCounts(counts: ThresholdCounts, maxPoints = Infinity): RocCurve {
  const fpr: number[] = [];
  const tpr: number[] = [];
  const thresholds: number[] = [];
  // Point p is the origin (p = 0) or the end of run p − 1.
  for (const p of thinnedIndices(counts.thresholds.length + 1, maxPoints)) {
    fpr.push(p === 0 ? 0 : counts.falsePositives[p - 1] / counts.negatives);
    tpr.push(p === 0 ? 0 : counts.truePositives[p - 1] / counts.positives);
    thresholds.push(p === 0 ? Infinity : counts.thresholds[p - 1]);
  }
  return { fpr, tpr, thresholds };
}

/** Every distinct-threshold point of the ROC curve. */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocCurve {
  checkBinaryInput(labels, scores, { needBothClasses: true, metric: 'ROC curve' });
  return rocCurveFromCounts(thresholdCounts(descendingOrder(scores), labels, scores));
}
