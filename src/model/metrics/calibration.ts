/** Reliability (calibration) curve: mean predicted probability vs observed positive rate per probability bin. */
import { checkBinaryInput } from './binary-input';

export interface CalibrationOptions {
  /** Number of equal-width bins over [0, 1]. Default 10. */
  bins?: number;
}

export const CALIBRATION_DEFAULTS = { bins: 10 } as const;

export interface CalibrationBin {
  /** Bin edges (lower, upper]; the first bin includes 0 — scikit-learn's convention, so values on an edge match. */
  lower: number;
  upper: number;
  /** Mean predicted probability of the rows in the bin. */
  meanPredicted: number;
  /** Fraction of those rows that are positive. */
  fractionPositive: number;
  count: number;
}

/** Non-empty bins only (as scikit-learn's calibration_curve). Scores must be probabilities in [0, 1]. */
export function calibrationCurve(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  options: CalibrationOptions = {},
): CalibrationBin[] {
  const bins = options.bins ?? CALIBRATION_DEFAULTS.bins;
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`);
  checkBinaryInput(labels, probabilities, { metric: 'calibration curve' });
  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const counts = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    if (p < 0 || p > 1)
      throw new Error(`calibration curve: probabilities must be in [0, 1], got ${p} at row ${i}`);
    const b = Math.max(0, Math.ceil(p * bins) - 1);
    sums[b] += p;
    positives[b] += labels[i];
    counts[b]++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (counts[b] === 0) continue;
    out.push({
      lower: b / bins,
      upper: (b + 1) / bins,
      meanPredicted: sums[b] / counts[b],
      fractionPositive: positives[b] / counts[b],
      count: counts[b],
    });
  }
  return out;
}
