/**
 * DeLong's interval for ROC AUC (DeLong, DeLong & Clarke-Pearson 1988; pROC's default for ci.auc): the AUC is a
 * Mann–Whitney statistic whose variance follows from each row's placement value — for a positive, the share of
 * negatives it outscores (ties 1/2); for a negative, the share of positives that outscore it. Then
 * Var(AUC) = S₁₀/m + S₀₁/n with S the sample variances of those placements, and the interval is
 * AUC ± z·√Var, clipped to [0, 1] as pROC does. All rows of one tied run share a placement, so one walk of the
 * descending order gives everything: O(n) after the sort the evaluation already has.
 */
import { checkBinaryInput } from './binary-input';
import type { AucInterval } from './auc-interval';
import { normalQuantile } from './normal-quantile';
import { descendingOrder } from './ranking';

export interface AucDeLongOptions {
  /** Confidence level of the interval. Default 0.95. */
  level?: number;
  /** The descending order of `scores`, when the caller already sorted. */
  order?: Uint32Array;
}

export const AUC_DELONG_DEFAULTS = { level: 0.95 } as const;

export function aucDeLongInterval(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: AucDeLongOptions = {},
): AucInterval {
  const level = options.level ?? AUC_DELONG_DEFAULTS.level;
  if (!(level > 0 && level < 1)) throw new Error(`level must be in (0, 1), got ${level}`);
  const { positives: m, negatives: n } = checkBinaryInput(labels, scores, {
    needBothClasses: true,
    metric: 'ROC AUC DeLong interval',
  });
  const order = options.order ?? descendingOrder(scores);
  // Runs of equal score, highest first: positives and negatives in each run, and how many came before it.
  // Typed arrays sized for the worst case (every score distinct): XGBoost's test scores have ~320k distinct
  // values in 360k rows, and pushing them into number[] took ~3/4 of this function's time.
  const runPositives = new Uint32Array(order.length);
  const runNegatives = new Uint32Array(order.length);
  let runs = 0;
  let p = 0;
  let q = 0;
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    if (labels[row] === 1) p++;
    else q++;
    if (k === order.length - 1 || scores[order[k + 1]] !== scores[row]) {
      runPositives[runs] = p;
      runNegatives[runs] = q;
      runs++;
      p = 0;
      q = 0;
    }
  }
  // First pass: the AUC as the mean placement of the positives; second: the placements' variances around it.
  let negativesAbove = 0;
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const below = n - negativesAbove - runNegatives[r];
    sum += runPositives[r] * (below + runNegatives[r] / 2);
    negativesAbove += runNegatives[r];
  }
  const auc = sum / (m * n);
  let positivesAbove = 0;
  negativesAbove = 0;
  let s10 = 0;
  let s01 = 0;
  for (let r = 0; r < runs; r++) {
    const pr = runPositives[r];
    const nr = runNegatives[r];
    const positivePlacement = (n - negativesAbove - nr + nr / 2) / n;
    const negativePlacement = (positivesAbove + pr / 2) / m;
    s10 += pr * (positivePlacement - auc) ** 2;
    s01 += nr * (negativePlacement - auc) ** 2;
    positivesAbove += pr;
    negativesAbove += nr;
  }
  // One row of a class has no sample variance; its term is 0 (as pROC leaves it when it still computes).
  const variance = (m > 1 ? s10 / (m - 1) / m : 0) + (n > 1 ? s01 / (n - 1) / n : 0);
  const standardError = Math.sqrt(variance);
  const z = normalQuantile(1 - (1 - level) / 2);
  return {
    method: 'delong',
    auc,
    lower: Math.max(0, auc - z * standardError),
    upper: Math.min(1, auc + z * standardError),
    level,
    standardError,
  };
}
