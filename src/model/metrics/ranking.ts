/**
 * The one sort behind ROC, PR, bootstrap and threshold sweeps: rows ordered by descending score, then grouped into
 * runs of equal score. Every curve point sits at the end of a run, which is what makes ties count as 1/2 in the
 * ROC area (the trapezoid across a tied run) — the same convention as scikit-learn.
 */

/** Row indices sorted by descending score (stable for equal scores). */
export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[b] - scores[a] || a - b);
}

/** Cumulative true/false positives at each distinct threshold, highest threshold first. */
export interface ThresholdCounts {
  /** Distinct scores, descending; a row is predicted positive at threshold t when score ≥ t. */
  thresholds: Float64Array;
  /** Positives with score ≥ thresholds[i] (weighted when weights are given). */
  truePositives: Float64Array;
  /** Negatives with score ≥ thresholds[i]. */
  falsePositives: Float64Array;
  /** Total positives and negatives. */
  positives: number;
  negatives: number;
}

/** Walks `order` once; `weights` (e.g. bootstrap counts) multiply each row, default 1. */
export function thresholdCounts(
  order: Uint32Array,
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  weights?: ArrayLike<number>,
): ThresholdCounts {
  const n = order.length;
  const thresholds: number[] = [];
  const tpList: number[] = [];
  const fpList: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    const w = weights ? weights[row] : 1;
    if (labels[row] === 1) tp += w;
    else fp += w;
    const isRunEnd = k === n - 1 || scores[order[k + 1]] !== scores[row];
    if (isRunEnd) {
      thresholds.push(scores[row]);
      tpList.push(tp);
      fpList.push(fp);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    truePositives: Float64Array.from(tpList),
    falsePositives: Float64Array.from(fpList),
    positives: tp,
    negatives: fp,
  };
}
