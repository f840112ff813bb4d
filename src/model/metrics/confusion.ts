/** Confusion matrix at a threshold and the per-class report derived from it. */
import { checkBinaryInput } from './binary-input';

export interface ConfusionMatrix {
  /** Score ≥ threshold is predicted positive. */
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true class is this one. */
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  /** Class 1 (positive). */
  positive: ClassScores;
  /** Class 0 (negative), scored as if it were the positive class. */
  negative: ClassScores;
}

export function confusionMatrix(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
): ConfusionMatrix {
  checkBinaryInput(labels, scores, { metric: 'confusion matrix' });
  if (!Number.isFinite(threshold)) throw new Error(`threshold must be a finite number, got ${threshold}`);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = scores[i] >= threshold;
    if (labels[i] === 1) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  return { threshold, truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn };
}

/** 0/0 is reported as 0, as scikit-learn does with zero_division=0. */
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function classScores(tp: number, fp: number, fn: number): ClassScores {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: tp + fn };
}

export function classificationReport(m: ConfusionMatrix): ClassificationReport {
  const total = m.truePositives + m.falsePositives + m.trueNegatives + m.falseNegatives;
  return {
    accuracy: ratio(m.truePositives + m.trueNegatives, total),
    positive: classScores(m.truePositives, m.falsePositives, m.falseNegatives),
    negative: classScores(m.trueNegatives, m.falseNegatives, m.falsePositives),
  };
}
