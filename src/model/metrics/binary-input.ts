/**
 * The boundary check shared by every binary-classification metric: labels are 0/1, scores finite, lengths agree.
 * Metrics trust their input after this one call.
 */

export interface BinaryInput {
  /** True class per row, 0 or 1. */
  labels: ArrayLike<number>;
  /** Predicted score per row (a probability for calibration; any monotone score for ranking metrics). */
  scores: ArrayLike<number>;
}

/** Counts of each class; throws with what was expected when the input is not a binary problem. */
export function checkBinaryInput(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: { needBothClasses?: boolean; metric?: string } = {},
): { positives: number; negatives: number } {
  const metric = options.metric ?? 'metric';
  if (labels.length !== scores.length) {
    throw new Error(
      `${metric}: labels and scores must have the same length, got ${labels.length} and ${scores.length}`,
    );
  }
  if (labels.length === 0) throw new Error(`${metric}: expected at least one row, got none`);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new Error(`${metric}: labels must be 0 or 1, got ${y} at row ${i}`);
    if (!Number.isFinite(scores[i]))
      throw new Error(`${metric}: scores must be finite numbers, got ${scores[i]} at row ${i}`);
    positives += y;
  }
  const negatives = labels.length - positives;
  if (options.needBothClasses && (positives === 0 || negatives === 0)) {
    throw new Error(
      `${metric} is undefined when only one class is present: got ${positives} positive and ${negatives} negative rows`,
    );
  }
  return { positives, negatives };
}
