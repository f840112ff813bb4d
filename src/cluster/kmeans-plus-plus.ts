/**
 * Seeded k-means++ initialization, the greedy variant scikit-learn uses (Arthur & Vassilvitskii 2007, with
 * 2 + ⌊ln k⌋ local trials per center, each trial keeping the candidate that lowers the potential most).
 */
import { DEFAULT_SEED, createRandom } from '../util/random';
import type { FeatureMatrix } from './feature-matrix';

export interface KMeansPlusPlusOptions {
  /** Seed of the one project RNG. Default: 42. */
  seed?: number;
  /** Candidates tried per center. Default: 2 + ⌊ln k⌋, as in scikit-learn. */
  localTrials?: number;
}

export const KMEANS_PLUS_PLUS_DEFAULTS = { seed: DEFAULT_SEED } as const;

/**
 * Squared distance from every row to row `r`, capped by `cap` (the distance to the closest chosen center),
 * into `out`; returns their sum (the potential if `r` became a center). One pass over the data.
 */
function cappedDistancesToRow(
  matrix: FeatureMatrix,
  r: number,
  cap: Float64Array | null,
  out: Float64Array,
): number {
  const { values, rows, cols } = matrix;
  const o = r * cols;
  let potential = 0;
  for (let i = 0; i < rows; i++) {
    const p = i * cols;
    let dist = 0;
    for (let j = 0; j < cols; j++) {
      const t = values[p + j] - values[o + j];
      dist += t * t;
    }
    const capped = cap !== null && cap[i] < dist ? cap[i] : dist;
    out[i] = capped;
    potential += capped;
  }
  return potential;
}

/** The first index whose cumulative sum exceeds `target` (binary search). */
function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** k initial centers (k × d row-major) chosen from the rows of `matrix`. */
export function kmeansPlusPlus(
  matrix: FeatureMatrix,
  k: number,
  options: KMeansPlusPlusOptions = {},
): Float64Array {
  const { rows, cols, values } = matrix;
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  if (rows < k) throw new Error(`k-means++ needs at least k=${k} rows, got ${rows}`);
  const trials = options.localTrials ?? 2 + Math.floor(Math.log(k));
  if (!Number.isInteger(trials) || trials < 1)
    throw new Error(`localTrials must be a positive integer, got ${trials}`);
  const rng = createRandom(options.seed ?? KMEANS_PLUS_PLUS_DEFAULTS.seed);
  const centers = new Float64Array(k * cols);
  const chosen = [rng.int(rows)];
  centers.set(values.subarray(chosen[0] * cols, (chosen[0] + 1) * cols), 0);

  let closest = new Float64Array(rows);
  cappedDistancesToRow(matrix, chosen[0], null, closest);
  let candidate = new Float64Array(rows);
  let bestCandidate = new Float64Array(rows);
  const cumulative = new Float64Array(rows);
  for (let c = 1; c < k; c++) {
    let potential = 0;
    for (let i = 0; i < rows; i++) cumulative[i] = potential += closest[i];
    if (!(potential > 0)) {
      throw new Error(`the data has only ${c} distinct points, fewer than k=${k} clusters`);
    }
    let bestPotential = Infinity;
    let bestRow = -1;
    for (let t = 0; t < trials; t++) {
      const row = searchCumulative(cumulative, rng.next() * potential);
      const candidatePotential = cappedDistancesToRow(matrix, row, closest, candidate);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestRow = row;
        [bestCandidate, candidate] = [candidate, bestCandidate];
      }
    }
    [closest, bestCandidate] = [bestCandidate, closest];
    chosen.push(bestRow);
    centers.set(values.subarray(bestRow * cols, (bestRow + 1) * cols), c * cols);
  }
  return centers;
}
