/**
 * Test AUC over every worker's rows without moving the rows: each worker counts its positives and negatives
 * per score bin, the counts are summed across workers (XGBoost's allreduce), and the AUC is read off the summed
 * histogram. Pairs whose scores share a bin count as ties (½), so the value differs from the exact AUC by at
 * most the share of pairs within one of 2^16 bins — far below the third decimal on real score spreads.
 * (XGBoost's own distributed `auc` metric in 1.7 combines per-worker areas, which is not the global AUC.)
 */
import { allreduce } from '../model/xgboost/collective';

export const AUC_BINS = 1 << 16;

/** Positives in [0, bins), negatives in [bins, 2·bins): one array, so one allreduce. */
export function scoreHistogram(scores: Float32Array, labels: Float32Array, bins = AUC_BINS): Float64Array {
  if (scores.length !== labels.length)
    throw new Error(`expected one score per label, got ${scores.length} scores and ${labels.length} labels`);
  const counts = new Float64Array(2 * bins);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!(s >= 0 && s <= 1)) throw new Error(`scores must be probabilities in [0, 1]; row ${i} holds ${s}`);
    const bin = Math.min(bins - 1, Math.floor(s * bins));
    counts[(labels[i] === 1 ? 0 : bins) + bin]++;
  }
  return counts;
}

/** ROC AUC of a histogram from scoreHistogram (ties within a bin count ½); NaN without both classes. */
export function aucFromHistogram(counts: Float64Array, bins = AUC_BINS): number {
  let positives = 0;
  let negatives = 0;
  for (let b = 0; b < bins; b++) {
    positives += counts[b];
    negatives += counts[bins + b];
  }
  if (positives === 0 || negatives === 0) return NaN;
  let negativesBelow = 0;
  let area = 0;
  for (let b = 0; b < bins; b++) {
    const pos = counts[b];
    const neg = counts[bins + b];
    area += pos * (negativesBelow + neg / 2);
    negativesBelow += neg;
  }
  return area / (positives * negatives);
}

/** The AUC over all workers' rows (every worker calls it; each gets the same value). */
export function globalAuc(scores: Float32Array, labels: Float32Array): { auc: number; rows: number } {
  const counts = allreduce(scoreHistogram(scores, labels));
  let rows = 0;
  for (const c of counts) rows += c;
  return { auc: aucFromHistogram(counts), rows };
}
