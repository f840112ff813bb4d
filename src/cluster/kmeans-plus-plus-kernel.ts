/**
 * The k-means++ passes over the data, block by block, as JavaScript source (so a worker compiles the very same
 * function with `new Function`, like the Lloyd kernel). Each block writes only its own slots — per-trial
 * potentials or the block's sum of distances — and the caller adds the blocks up in block order, so the
 * chosen centers are the same whichever thread ran which block, and however many threads there are.
 */
import { BLOCK_ROWS } from './lloyd-kernel';

/** Task codes shared by the main thread and the workers. */
export const PP_TRIALS = 0;
export const PP_UPDATE = 1;

/**
 * kernel(task, data, rows, cols, closest, potentials, blockSums, trials, trialCount, row, first, b0, b1):
 * - PP_TRIALS: for each of the `trialCount` candidate rows in `trials`, the block's sum of
 *   min(closest[i], |x_i − x_candidate|²) into potentials[b × trials.length + t]; reads `closest` only.
 * - PP_UPDATE: closest[i] = min(closest[i], |x_i − x_row|²) (just the distance when `first`), and the block's
 *   sum of the new closest[i] into blockSums[b].
 */
export type KMeansPlusPlusKernel = (
  task: number,
  data: Float64Array,
  rows: number,
  cols: number,
  closest: Float64Array,
  potentials: Float64Array,
  blockSums: Float64Array,
  trials: Int32Array,
  trialCount: number,
  row: number,
  first: boolean,
  b0: number,
  b1: number,
) => void;

export const KMEANS_PLUS_PLUS_KERNEL_SOURCE = `
const BLOCK = ${BLOCK_ROWS};
return function kmeansPlusPlusKernel(task, data, rows, cols, closest, potentials, blockSums, trials, trialCount, row, first, b0, b1) {
  for (let b = b0; b < b1; b++) {
    const start = b * BLOCK;
    const end = Math.min(rows, start + BLOCK);
    if (task === ${PP_TRIALS}) {
      for (let t = 0; t < trialCount; t++) {
        const o = trials[t] * cols;
        let potential = 0;
        for (let i = start; i < end; i++) {
          const p = i * cols;
          let dist = 0;
          for (let j = 0; j < cols; j++) {
            const x = data[p + j] - data[o + j];
            dist += x * x;
          }
          const c = closest[i];
          potential += c < dist ? c : dist;
        }
        potentials[b * trials.length + t] = potential;
      }
    } else {
      const o = row * cols;
      let sum = 0;
      for (let i = start; i < end; i++) {
        const p = i * cols;
        let dist = 0;
        for (let j = 0; j < cols; j++) {
          const x = data[p + j] - data[o + j];
          dist += x * x;
        }
        const c = first ? dist : closest[i] < dist ? closest[i] : dist;
        closest[i] = c;
        sum += c;
      }
      blockSums[b] = sum;
    }
  }
};
`;

export function compileKMeansPlusPlusKernel(): KMeansPlusPlusKernel {
  return new Function(KMEANS_PLUS_PLUS_KERNEL_SOURCE)() as KMeansPlusPlusKernel;
}
