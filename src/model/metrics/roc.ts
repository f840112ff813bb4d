/** ROC curve and its area, from one descending sort: O(n log n). */
import { checkBinaryInput } from './binaryInput';
import { descendingOrder, thresholdCounts, type ThresholdCounts } from './ranking';

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

export function rocCurveFromCounts(counts: ThresholdCounts): RocCurve {
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Infinity];
  for (let i = 0; i < counts.thresholds.length; i++) {
    fpr.push(counts.falsePositives[i] / counts.negatives);
    tpr.push(counts.truePositives[i] / counts.positives);
    thresholds.push(counts.thresholds[i]);
  }
  return { fpr, tpr, thresholds };
}

/** Every distinct-threshold point of the ROC curve. */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocCurve {
  checkBinaryInput(labels, scores, { needBothClasses: true, metric: 'ROC curve' });
  return rocCurveFromCounts(thresholdCounts(descendingOrder(scores), labels, scores));
}
