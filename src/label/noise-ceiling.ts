/**
 * The best score any model can reach against rule labels with random flips — the original app's whole
 * results table (AUC 0.919, precision 0.95, recall 0.85, F1 0.90) follows from the 5% flip rate alone.
 *
 * Derivation. Let π be the rule's positive rate and f the flip rate, flips independent of the features.
 * Then the noisy positive rate is q = π(1 − f) + (1 − π)f. A model cannot predict a flip (it is noise), so
 * the best it can do is know the rule label r exactly: P(y = 1 | x) is 1 − f when r = 1 and f when r = 0,
 * monotone in r. Score = r:
 *   precision = P(y=1 | r=1) = 1 − f
 *   recall    = P(r=1 | y=1) = π(1 − f) / q
 *   F1        = 2 · precision · recall / (precision + recall)
 *   AUC       = P(s⁺ > s⁻) + ½ P(s⁺ = s⁻) with a = P(r=1 | y=1), b = P(r=1 | y=0) = πf / (1 − q):
 *             = a(1 − b) + ½[ab + (1 − a)(1 − b)] = ½ + (a − b)/2
 *   accuracy  = 1 − f.
 * For f = 0.05, q = 0.263: π = 0.2367, AUC 0.9194, precision 0.95, recall 0.855, F1 0.900.
 */

/** The flip rate with one of the two base rates (the other follows: q = π(1 − 2f) + f). */
export type NoiseCeilingInput =
  { flipRate: number; rulePositiveRate: number } | { flipRate: number; noisyPositiveRate: number };

export interface NoiseCeiling {
  flipRate: number;
  /** π: share the rule promotes. */
  rulePositiveRate: number;
  /** q: share labelled promoted after flips. */
  noisyPositiveRate: number;
  auc: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

function metrics(flipRate: number, pi: number, q: number): NoiseCeiling {
  const f = flipRate;
  const precision = 1 - f;
  const recall = (pi * (1 - f)) / q;
  const negRuleShare = (pi * f) / (1 - q);
  return {
    flipRate: f,
    rulePositiveRate: pi,
    noisyPositiveRate: q,
    auc: 0.5 + (recall - negRuleShare) / 2,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    accuracy: 1 - f,
  };
}

/** The ceiling for a flip rate and a base rate (see the derivation above). */
export function noiseCeiling(input: NoiseCeilingInput): NoiseCeiling {
  const f = input.flipRate;
  if (!(f >= 0 && f < 0.5)) throw new Error(`noiseCeiling: flipRate must be in [0, 0.5), got ${f}`);
  if ('rulePositiveRate' in input) {
    const pi = input.rulePositiveRate;
    if (!(pi > 0 && pi < 1)) {
      throw new Error(
        `noiseCeiling: rulePositiveRate must be in (0, 1) — a rule that promotes none or all has no ceiling; got ${pi}`,
      );
    }
    return metrics(f, pi, pi * (1 - 2 * f) + f);
  }
  const q = input.noisyPositiveRate;
  // q = π(1 − 2f) + f with π in (0, 1) puts q strictly between f and 1 − f.
  if (!(q > f && q < 1 - f)) {
    throw new Error(
      `noiseCeiling: noisyPositiveRate must lie in (flipRate, 1 − flipRate) = (${f}, ${1 - f}), got ${q}`,
    );
  }
  return metrics(f, (q - f) / (1 - 2 * f), q);
}

/**
 * The same metrics measured exactly on one table: the rule label as the score, against the noisy labels.
 * Equals `noiseCeiling` in expectation; use it to show the ceiling of the labels actually trained on.
 */
export function realizedCeiling(ruleLabels: Uint8Array, labels: Uint8Array): NoiseCeiling {
  if (ruleLabels.length !== labels.length || labels.length === 0) {
    throw new Error(
      `realizedCeiling: expected two non-empty label arrays of one length, got ${ruleLabels.length} and ${labels.length}`,
    );
  }
  // Counts by (rule r, label y).
  let r1y1 = 0;
  let r0y1 = 0;
  let r1y0 = 0;
  let r0y0 = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]) ruleLabels[i] ? r1y1++ : r0y1++;
    else ruleLabels[i] ? r1y0++ : r0y0++;
  }
  const n = labels.length;
  const positives = r1y1 + r0y1;
  const negatives = r1y0 + r0y0;
  if (positives === 0 || negatives === 0)
    throw new Error('realizedCeiling: the labels are all one class; AUC is undefined');
  const precision = r1y1 / (r1y1 + r1y0);
  const recall = r1y1 / positives;
  return {
    flipRate: (r0y1 + r1y0) / n,
    rulePositiveRate: (r1y1 + r1y0) / n,
    noisyPositiveRate: positives / n,
    auc: (r1y1 * r0y0 + 0.5 * (r1y1 * r1y0 + r0y1 * r0y0)) / (positives * negatives),
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    accuracy: (r1y1 + r0y0) / n,
  };
}
