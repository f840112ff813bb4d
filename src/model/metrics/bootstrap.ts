/**
 * A seeded percentile-bootstrap interval for ROC AUC (the method `aucInterval: 'bootstrap'` asks for; DeLong's,
 * ./delong, is the default). The rows are sorted once; each replicate is a vector of resampling counts walked
 * along that order, so B replicates cost O(B·n), not O(B·n log n).
 */
import { DEFAULT_SEED, createRandom } from '../../util/random';
import type { AucInterval } from './auc-interval';
import { checkBinaryInput } from './binary-input';
import { descendingOrder, runEnds, thresholdCounts, weightedAuc } from './ranking';
import { aucFromCounts } from './roc';
import type { OnProgress } from '../../util/progress';

export interface AucBootstrapOptions {
  /** Number of bootstrap replicates. Default 200. */
  replicates?: number;
  /** Confidence level of the interval. Default 0.95. */
  level?: number;
  /** Seed of the resampling. Default 42. */
  seed?: number;
  /** Called after each replicate. */
  onProgress?: OnProgress;
  /** The descending order of `scores`, when the caller already sorted. */
  order?: Uint32Array;
}

export const AUC_BOOTSTRAP_DEFAULTS = { replicates: 200, level: 0.95, seed: DEFAULT_SEED } as const;

/** The value at quantile q of sorted values (linear interpolation, numpy's default). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function aucBootstrapInterval(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: AucBootstrapOptions = {},
): AucInterval {
  const replicates = options.replicates ?? AUC_BOOTSTRAP_DEFAULTS.replicates;
  const level = options.level ?? AUC_BOOTSTRAP_DEFAULTS.level;
  const seed = options.seed ?? AUC_BOOTSTRAP_DEFAULTS.seed;
  if (!Number.isInteger(replicates) || replicates < 1)
    throw new Error(`replicates must be a positive integer, got ${replicates}`);
  if (!(level > 0 && level < 1)) throw new Error(`level must be in (0, 1), got ${level}`);
  checkBinaryInput(labels, scores, { needBothClasses: true, metric: 'ROC AUC bootstrap' });
  const n = labels.length;
  const order = options.order ?? descendingOrder(scores);
  const auc = aucFromCounts(thresholdCounts(order, labels, scores));
  const rng = createRandom(seed);
  const counts = new Uint32Array(n);
  const labelBytes = Uint8Array.from(labels);
  const ends = runEnds(order, scores);
  const aucs: number[] = [];
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(n)]++;
    const replicateAuc = weightedAuc(order, labelBytes, ends, counts);
    if (!Number.isNaN(replicateAuc)) aucs.push(replicateAuc);
    options.onProgress?.(b + 1, replicates);
  }
  if (aucs.length === 0) throw new Error('no bootstrap replicate held both classes; the input is too small');
  aucs.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return {
    method: 'bootstrap',
    auc,
    lower: quantileOfSorted(aucs, alpha),
    upper: quantileOfSorted(aucs, 1 - alpha),
    level,
    replicates: aucs.length,
  };
}
