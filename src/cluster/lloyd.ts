/**
 * Lloyd's algorithm as a generator, following scikit-learn's `_kmeans_single_lloyd` step for step: each
 * yielded center set asks the caller to run the kernel (on one thread or several) over all blocks; the
 * generator then reduces the block partials in order, relocates empty clusters, and checks convergence —
 * strict (no label changed) or center shift ≤ tolerance. One loop, driven synchronously or by workers.
 */
import type { FeatureMatrix } from './feature-matrix';
import { blockCount, partialsStride } from './lloyd-kernel';

export interface LloydSettings {
  k: number;
  maxIterations: number;
  /** Absolute tolerance on the summed squared center shift. */
  absoluteTolerance: number;
  onProgress?: (done: number, total: number) => void;
}

/** What the kernel must fill in before the generator is resumed. */
export interface LloydBuffers {
  labels: Int32Array;
  partials: Float64Array;
}

export interface LloydOutcome {
  centers: Float64Array;
  labels: Int32Array;
  sizes: Uint32Array;
  inertia: number;
  /** Lloyd updates run (scikit-learn's `n_iter_`). */
  iterations: number;
  converged: boolean;
}

interface Reduced {
  sums: Float64Array;
  counts: Float64Array;
  inertia: number;
  changed: number;
}

function reduceBlocks(partials: Float64Array, blocks: number, k: number, d: number): Reduced {
  const stride = partialsStride(k, d);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  let inertia = 0;
  let changed = 0;
  for (let b = 0; b < blocks; b++) {
    const base = b * stride;
    for (let t = 0; t < k * d; t++) sums[t] += partials[base + t];
    for (let c = 0; c < k; c++) counts[c] += partials[base + k * d + c];
    inertia += partials[base + k * d + k];
    changed += partials[base + k * d + k + 1];
  }
  return { sums, counts, inertia, changed };
}

/**
 * Gives each empty cluster one of the rows farthest from their current center (as scikit-learn does), moving
 * that row's contribution out of its old cluster's sums.
 */
function relocateEmptyClusters(
  matrix: FeatureMatrix,
  labels: Int32Array,
  centers: Float64Array,
  r: Reduced,
): void {
  const { values, rows, cols: d } = matrix;
  const k = r.counts.length;
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (r.counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distance = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const o = i * d;
    const co = labels[i] * d;
    let dist = 0;
    for (let j = 0; j < d; j++) {
      const t = values[o + j] - centers[co + j];
      dist += t * t;
    }
    distance[i] = dist;
  }
  const farthest = Array.from(distance.keys())
    .sort((a, b) => distance[b] - distance[a] || a - b)
    .slice(0, empty.length);
  empty.forEach((c, e) => {
    const row = farthest[e];
    const from = labels[row];
    if (r.counts[from] <= 1) return;
    for (let j = 0; j < d; j++) {
      r.sums[from * d + j] -= values[row * d + j];
      r.sums[c * d + j] = values[row * d + j];
    }
    r.counts[from] -= 1;
    r.counts[c] = 1;
  });
}

/**
 * Runs Lloyd from `initialCenters`. Each `yield` hands out the centers to assign against; the driver runs the
 * kernel into `buffers` and resumes. Returns when converged or after `maxIterations` updates, with a final
 * assignment so labels and inertia match the returned centers.
 */
export function* lloydIterations(
  matrix: FeatureMatrix,
  initialCenters: Float64Array,
  buffers: LloydBuffers,
  settings: LloydSettings,
): Generator<Float64Array, LloydOutcome, void> {
  const { k, maxIterations, absoluteTolerance, onProgress } = settings;
  const d = matrix.cols;
  const blocks = blockCount(matrix.rows);
  let centers = Float64Array.from(initialCenters);
  buffers.labels.fill(-1);
  let strict = false;
  let converged = false;
  let iterations = 0;
  let last: Reduced | undefined;
  for (let i = 0; i < maxIterations; i++) {
    yield centers;
    const reduced = reduceBlocks(buffers.partials, blocks, k, d);
    relocateEmptyClusters(matrix, buffers.labels, centers, reduced);
    const next = new Float64Array(k * d);
    let shift = 0;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        const t = c * d + j;
        next[t] = reduced.counts[c] > 0 ? reduced.sums[t] / reduced.counts[c] : centers[t];
        const delta = next[t] - centers[t];
        shift += delta * delta;
      }
    }
    centers = next;
    iterations = i + 1;
    last = reduced;
    onProgress?.(iterations, maxIterations);
    // The first pass compares against labels of −1, so it can never be a strict convergence (as in sklearn).
    if (i > 0 && reduced.changed === 0) {
      strict = true;
      converged = true;
      break;
    }
    if (shift <= absoluteTolerance) {
      converged = true;
      break;
    }
  }
  if (!strict || !last) {
    // Labels were computed against the previous centers: assign once more so labels and inertia match.
    yield centers;
    last = reduceBlocks(buffers.partials, blocks, k, d);
  }
  // Under strict convergence the last pass's centers equal the new ones, so its inertia already matches them.
  const sizes = Uint32Array.from(last.counts);
  return { centers, labels: buffers.labels, sizes, inertia: last.inertia, iterations, converged };
}
