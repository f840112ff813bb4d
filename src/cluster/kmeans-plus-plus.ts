/**
 * Seeded k-means++ initialization, the greedy variant scikit-learn uses (Arthur & Vassilvitskii 2007, with
 * 2 + ⌊ln k⌋ local trials per center, each trial keeping the candidate that lowers the potential most).
 *
 * Written as a generator of passes over the data (./kmeans-plus-plus-kernel), like Lloyd: `kmeansPlusPlus`
 * runs them on the calling thread, `kmeansPlusPlusThreaded` (./kmeans-plus-plus-threads) splits each pass over
 * worker threads. Both add the per-block sums in block order, so they pick the same centers.
 */
import { DEFAULT_SEED, createRandom } from '../util/random';
import type { FeatureMatrix } from './feature-matrix';
import { compileKMeansPlusPlusKernel, PP_TRIALS, PP_UPDATE } from './kmeans-plus-plus-kernel';
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
  /** Squared distance of each row to its closest chosen center. */
  closest: Float64Array;
  /** blocks × trials potentials of the current candidates. */
  potentials: Float64Array;
  /** Per block, the sum of `closest`. */
  blockSums: Float64Array;
  /** Candidate rows of the current center. */
  trials: Int32Array;
}

/** One pass the caller runs over every block before resuming the generator. */
export interface KMeansPlusPlusPass {
  task: typeof PP_TRIALS | typeof PP_UPDATE;
  trialCount: number;
  row: number;
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
    closest: f64(rows),
    potentials: f64(blocks * trials),
    blockSums: f64(blocks),
    trials: shared ? new Int32Array(new SharedArrayBuffer(trials * 4)) : new Int32Array(trials),
  };
}

/** The row where the running sum of `closest` first exceeds `target`: the block from the block sums, then inside it. */
function sampleRow(b: KMeansPlusPlusBuffers, rows: number, target: number): number {
  const blocks = b.blockSums.length;
  let before = 0;
  let block = 0;
  while (block < blocks - 1 && before + b.blockSums[block] <= target) before += b.blockSums[block++];
  const end = Math.min(rows, (block + 1) * BLOCK_ROWS);
  let sum = before;
  for (let i = block * BLOCK_ROWS; i < end; i++) {
    sum += b.closest[i];
    if (sum > target) return i;
  }
  // Rounding left the target past the block's last row: take the last row that is not a chosen center.
  for (let i = end - 1; i >= block * BLOCK_ROWS; i--) if (b.closest[i] > 0) return i;
  return end - 1;
}

/** The passes of greedy k-means++; returns the k × d centers (row-major). */
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
  const first = rng.int(rows);
  centers.set(values.subarray(first * cols, (first + 1) * cols), 0);
  yield { task: PP_UPDATE, trialCount: 0, row: first, first: true };
  for (let c = 1; c < k; c++) {
    let potential = 0;
    for (let block = 0; block < blocks; block++) potential += b.blockSums[block];
    if (!(potential > 0)) {
      throw new Error(`the data has only ${c} distinct points, fewer than k=${k} clusters`);
    }
    for (let t = 0; t < trials; t++) b.trials[t] = sampleRow(b, rows, rng.next() * potential);
    yield { task: PP_TRIALS, trialCount: trials, row: -1, first: false };
    let bestPotential = Infinity;
    let bestRow = -1;
    for (let t = 0; t < trials; t++) {
      let sum = 0;
      for (let block = 0; block < blocks; block++) sum += b.potentials[block * b.trials.length + t];
      if (sum < bestPotential) {
        bestPotential = sum;
        bestRow = b.trials[t];
      }
    }
    yield { task: PP_UPDATE, trialCount: 0, row: bestRow, first: false };
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
  const kernel = compileKMeansPlusPlusKernel();
  const blocks = buffers.blockSums.length;
  const passes = kmeansPlusPlusPasses(matrix, k, options, buffers);
  for (let step = passes.next(); ; step = passes.next()) {
    if (step.done) return step.value;
    const p = step.value;
    kernel(
      p.task,
      matrix.values,
      matrix.rows,
      matrix.cols,
      buffers.closest,
      buffers.potentials,
      buffers.blockSums,
      buffers.trials,
      p.trialCount,
      p.row,
      p.first,
      0,
      blocks,
    );
  }
}
