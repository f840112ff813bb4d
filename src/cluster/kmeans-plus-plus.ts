/**
 * Seeded k-means++ initialization, the greedy variant scikit-learn uses (Arthur & Vassilvitskii 2007, with
 * 2 + ⌊ln k⌋ local trials per center, each trial keeping the candidate that lowers the potential most).
 *
 * Written as a generator of passes over the data (./kmeans-plus-plus-kernel), one per center, like Lloyd:
 * `kmeansPlusPlus` runs them on the calling thread, `kmeansPlusPlusThreaded` (./kmeans-plus-plus-threads)
 * splits each pass over worker threads. Both add the per-block sums in block order, so they pick the same
 * centers.
 */
import { DEFAULT_SEED, createRandom } from '../util/random';
import type { FeatureMatrix } from './feature-matrix';
import { compileKMeansPlusPlusKernel, trialSlot } from './kmeans-plus-plus-kernel';
import { blockCount, BLOCK_ROWS } from './lloyd-kernel';

export interface KMeansPlusPlusOptions {
  /** Seed of the one project RNG. Default: 42. */
  seed?: number;
  /** Candidates tried per center. Default: 2 + ⌊ln k⌋, as in scikit-learn. */
  localTrials?: number;
}

export const KMEANS_PLUS_PLUS_DEFAULTS = { seed: DEFAULT_SEED } as const;

/** The arrays a pass reads and writes (SharedArrayBuffers when threads share them). */
export interface KMeansPlusPlusBuffers {
  /**
   * trials + 1 slots of `rows` values: one holds each row's squared distance to its closest chosen center,
   * the others receive the candidates' updated distances (3 × 9.6 MB more than one slot at 1.2M rows, which
   * buys not recomputing the winner's distances).
   */
  distances: Float64Array;
  /** blocks × trials potentials of the current candidates (block sums of their updated distances). */
  potentials: Float64Array;
  /** Per block, the sum of the closest distances. */
  blockSums: Float64Array;
  /** Candidate rows of the current center. */
  trials: Int32Array;
}

/** One pass the caller runs over every block before resuming the generator. */
export interface KMeansPlusPlusPass {
  /** Candidates in `trials` to evaluate (1 for the first center). */
  trialCount: number;
  /** The slot of `distances` holding the closest distances. */
  current: number;
  /** No center chosen yet: every closest distance counts as infinite. */
  first: boolean;
}

export function localTrials(k: number, options: KMeansPlusPlusOptions): number {
  const trials = options.localTrials ?? 2 + Math.floor(Math.log(k));
  if (!Number.isInteger(trials) || trials < 1)
    throw new Error(`localTrials must be a positive integer, got ${trials}`);
  return trials;
}

export function validatePlusPlus(matrix: FeatureMatrix, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  if (matrix.rows < k) throw new Error(`k-means++ needs at least k=${k} rows, got ${matrix.rows}`);
}

export function allocatePlusPlus(rows: number, trials: number, shared: boolean): KMeansPlusPlusBuffers {
  const blocks = blockCount(rows);
  const f64 = (n: number) => (shared ? new Float64Array(new SharedArrayBuffer(n * 8)) : new Float64Array(n));
  return {
    distances: f64((trials + 1) * rows),
    potentials: f64(blocks * trials),
    blockSums: f64(blocks),
    trials: shared ? new Int32Array(new SharedArrayBuffer(trials * 4)) : new Int32Array(trials),
  };
}

/** The row where the running sum of `closest` first exceeds `target`: the block from the block sums, then inside it. */
function sampleRow(b: KMeansPlusPlusBuffers, closest: Float64Array, rows: number, target: number): number {
  const blocks = b.blockSums.length;
  let before = 0;
  let block = 0;
  while (block < blocks - 1 && before + b.blockSums[block] <= target) before += b.blockSums[block++];
  const end = Math.min(rows, (block + 1) * BLOCK_ROWS);
  let sum = before;
  for (let i = block * BLOCK_ROWS; i < end; i++) {
    sum += closest[i];
    if (sum > target) return i;
  }
  // Rounding left the target past the block's last row: take the last row that is not a chosen center.
  for (let i = end - 1; i >= block * BLOCK_ROWS; i--) if (closest[i] > 0) return i;
  return end - 1;
}

/** The passes of greedy k-means++, one per center; returns the k × d centers (row-major). */
export function* kmeansPlusPlusPasses(
  matrix: FeatureMatrix,
  k: number,
  options: KMeansPlusPlusOptions,
  b: KMeansPlusPlusBuffers,
): Generator<KMeansPlusPlusPass, Float64Array, void> {
  validatePlusPlus(matrix, k);
  const { rows, cols, values } = matrix;
  const trials = localTrials(k, options);
  const rng = createRandom(options.seed ?? KMEANS_PLUS_PLUS_DEFAULTS.seed);
  const blocks = b.blockSums.length;
  const centers = new Float64Array(k * cols);
  /** Makes candidate t of the pass just run the closest distances. */
  let current = 0;
  const keep = (t: number): void => {
    current = trialSlot(current, t, trials);
    for (let block = 0; block < blocks; block++) b.blockSums[block] = b.potentials[block * trials + t];
  };
  const first = rng.int(rows);
  centers.set(values.subarray(first * cols, (first + 1) * cols), 0);
  b.trials[0] = first;
  yield { trialCount: 1, current, first: true };
  keep(0);
  for (let c = 1; c < k; c++) {
    let potential = 0;
    for (let block = 0; block < blocks; block++) potential += b.blockSums[block];
    if (!(potential > 0)) {
      throw new Error(`the data has only ${c} distinct points, fewer than k=${k} clusters`);
    }
    const closest = b.distances.subarray(current * rows, (current + 1) * rows);
    for (let t = 0; t < trials; t++) b.trials[t] = sampleRow(b, closest, rows, rng.next() * potential);
    yield { trialCount: trials, current, first: false };
    let bestPotential = Infinity;
    let best = -1;
    for (let t = 0; t < trials; t++) {
      let sum = 0;
      for (let block = 0; block < blocks; block++) sum += b.potentials[block * trials + t];
      if (sum < bestPotential) {
        bestPotential = sum;
        best = t;
      }
    }
    const bestRow = b.trials[best];
    keep(best);
    centers.set(values.subarray(bestRow * cols, (bestRow + 1) * cols), c * cols);
  }
  return centers;
}

/** k initial centers (k × d row-major) chosen from the rows of `matrix`, on the calling thread. */
export function kmeansPlusPlus(
  matrix: FeatureMatrix,
  k: number,
  options: KMeansPlusPlusOptions = {},
): Float64Array {
  validatePlusPlus(matrix, k);
  const buffers = allocatePlusPlus(matrix.rows, localTrials(k, options), false);
  const kernel = compileKMeansPlusPlusKernel(matrix.cols, buffers.trials.length);
  const blocks = buffers.blockSums.length;
  const passes = kmeansPlusPlusPasses(matrix, k, options, buffers);
  for (let step = passes.next(); ; step = passes.next()) {
    if (step.done) return step.value;
    const p = step.value;
    kernel(
      matrix.values,
      matrix.rows,
      buffers.distances,
      buffers.potentials,
      buffers.trials,
      p.trialCount,
      p.current,
      p.first,
      0,
      blocks,
    );
  }
}
