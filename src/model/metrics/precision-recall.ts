/** Precision–recall curve and average precision (scikit-learn's definition: no interpolation). */
import { checkBinaryInput } from './binary-input';
import { descendingOrder, thinnedIndices, thresholdCounts, type ThresholdCounts } from './ranking';

export interface PrecisionRecallCurve {
  /** Recall per point, increasing (lowest threshold last). */
  recall: number[];
  /** Precision per point. */
  precision: number[];
  /** Threshold per point (score ≥ threshold is positive). */
  thresholds: number[];
}

/** AP = Σ (R_i − R_{i−1}) · P_i over distinct thresholds, highest first. */
export function averagePrecisionFromCounts(counts: ThresholdCounts): number {
  const { truePositives: tp, falsePositives: fp, positives } = counts;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < tp.length; i++) {
    const recall = tp[i] / positives;
    ap += (recall - prevRecall) * (tp[i] / (tp[i] + fp[i]));
    prevRecall = recall;
  }
  return ap;
}

/** Average precision (the area under the PR curve as a step function); needs at least one positive. */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { positives } = checkBinaryInput(labels, scores, { metric: 'average precision' });
  if (positives === 0)
    throw new Error('average precision is undefined without positive rows: got 0 positives');
  return averagePrecisionFromCounts(thresholdCounts(descendingOrder(scores), labels, scores));
}

/** The curve's points, or at most `maxPoints` of them evenly thinned with both ends kept. */
export function precisionRecallCurveFromCounts(
  counts: ThresholdCounts,
  maxPoints = Infinity,
): PrecisionRecallCurve {
  const recall: number[] = [];
  const precision: number[] = [];
  const thresholds: number[] = [];
  for (const i of thinnedIndices(counts.thresholds.length, maxPoints)) {
    const tp = counts.truePositives[i];
    recall.push(tp / counts.positives);
    precision.push(tp / (tp + counts.falsePositives[i]));
    thresholds.push(counts.thresholds[i]);
  }
  return { recall, precision, thresholds };
}

export function precisionRecallCurve(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): PrecisionRecallCurve {
  const { positives } = checkBinaryInput(labels, scores, { metric: 'PR curve' });
  if (positives === 0) throw new Error('PR curve is undefined without positive rows: got 0 positives');
  return precisionRecallCurveFromCounts(thresholdCounts(descendingOrder(scores), labels, scores));
}
