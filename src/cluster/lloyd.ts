/**
 * Lloyd's algorithm as a generator, following scikit-learn's `_kmeans_single_lloyd` step for step: each
 * yielded center set (extended as `boundedCenters` builds it) asks the caller to run the bounded kernel (on one
 * thread or several) over all blocks; the generator then reduces the block partials in order, relocates empty
 * clusters, and checks convergence — strict (no label changed) or center shift ≤ tolerance. One loop, driven
 * synchronously or by workers.
 *
 * Center sums are kept incrementally (Hamerly's and Elkan's implementations do the same): a pass reports only
 * the rows whose label changed, so a late pass costs cheap bound checks plus O(changed · d) instead of n · d
 * adds. The running sums then differ from Lloyd's fresh sums in the last few ulps (other order of the same
 * additions), so they are rebuilt from scratch every `EXACT_SUMS_EVERY` passes, and the returned centers are
 * always means of exact sums. The tolerance that replaces bit-identity with plain Lloyd: same labels and
 * iterations, centers and inertia within 1e-9 relative (tests/cluster/lloyd.test.ts; on the pipeline's 1.2M
 * rows they came out bit-identical). Blocks are still reduced in order, so any thread count gives the same bits.
 */
import type { FeatureMatrix } from './feature-matrix';
import {
  boundedCenters,
  INERTIA_ONLY,
  SUMS_DELTA,
  SUMS_FULL,
  SUMS_ONLY,
  type SumsMode,
} from './bounded-centers';
import { blockCount, partialsStride } from './lloyd-kernel';

/**
 * Passes between two rebuilds of the running sums from scratch. Drift grows like √passes ulps, so this only
 * bounds long runs; each rebuild costs one n · d sum (≈ 1/4 of a late pass's time at 1.2M × 9).
 */
export const EXACT_SUMS_EVERY = 20;

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

/** Block partials added up in block order: sums (or their changes, in SUMS_DELTA mode), counts, inertia. */
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

/** New centers from exact or running sums: empty clusters relocated (on a copy), then the means. */
function updateCenters(
  matrix: FeatureMatrix,
  labels: Int32Array,
  centers: Float64Array,
  running: Reduced,
): Float64Array {
  const d = matrix.cols;
  const k = running.counts.length;
  // Relocation moves a row's coordinates without relabelling it; the running sums must stay those of the labels.
  const r = { ...running, sums: Float64Array.from(running.sums), counts: Float64Array.from(running.counts) };
  relocateEmptyClusters(matrix, labels, centers, r);
  const next = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      const t = c * d + j;
      next[t] = r.counts[c] > 0 ? r.sums[t] / r.counts[c] : centers[t];
    }
  }
  return next;
}

function squaredShift(next: Float64Array, centers: Float64Array): number {
  let shift = 0;
  for (let t = 0; t < next.length; t++) {
    const delta = next[t] - centers[t];
    shift += delta * delta;
  }
  return shift;
}

/**
 * Runs Lloyd from `initialCenters`. Each `yield` hands out the extended centers to assign against; the driver
 * runs the bounded kernel into `buffers` and resumes. Returns when converged or after `maxIterations` updates,
 * with a final assignment so labels match the returned centers.
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
  let centers: Float64Array = Float64Array.from(initialCenters);
  /** The centers of the last assignment pass, which the bounds were measured against. */
  let assigned: Float64Array | undefined;
  buffers.labels.fill(-1);
  /** Sums and counts of the rows under their current labels. */
  let running: Reduced = {
    sums: new Float64Array(k * d),
    counts: new Float64Array(k),
    inertia: 0,
    changed: 0,
  };
  /** Whether `running.sums` were added up from scratch (SUMS_FULL) rather than updated by changes. */
  let exact = true;
  /** The centers the last update started from (for a rebuild of that update from exact sums). */
  let updatedFrom: Float64Array = centers;
  const assign = function* (sums: SumsMode): Generator<Float64Array, Reduced, void> {
    yield boundedCenters(centers, assigned, k, d, sums);
    assigned = centers;
    const reduced = reduceBlocks(buffers.partials, blocks, k, d);
    if (sums === SUMS_FULL) {
      running = reduced;
      exact = true;
    } else {
      for (let t = 0; t < k * d; t++) running.sums[t] += reduced.sums[t];
      for (let c = 0; c < k; c++) running.counts[c] += reduced.counts[c];
      exact = false;
    }
    return reduced;
  };
  let strict = false;
  let converged = false;
  let iterations = 0;
  for (let i = 0; i < maxIterations; i++) {
    const reduced = yield* assign(i % EXACT_SUMS_EVERY === 0 ? SUMS_FULL : SUMS_DELTA);
    updatedFrom = centers;
    const next = updateCenters(matrix, buffers.labels, centers, running);
    const shift = squaredShift(next, centers);
    centers = next;
    iterations = i + 1;
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
  if (!exact) {
    // The returned centers are means of exact sums: add up the final labels' rows from scratch (no assignment)
    // and redo the last update from them.
    yield boundedCenters(centers, assigned, k, d, SUMS_ONLY);
    running = reduceBlocks(buffers.partials, blocks, k, d);
    centers = updateCenters(matrix, buffers.labels, updatedFrom, running);
  }
  if (!strict) {
    // Labels were computed against the previous centers: assign once more so labels match the centers.
    yield* assign(SUMS_DELTA);
  }
  // Under strict convergence the last pass's labels already match the new centers. The bounded passes do not
  // measure inertia: one more pass does, exactly, for the final labels and centers.
  yield boundedCenters(centers, assigned, k, d, INERTIA_ONLY);
  const { inertia } = reduceBlocks(buffers.partials, blocks, k, d);
  const sizes = Uint32Array.from(running.counts);
  return { centers, labels: buffers.labels, sizes, inertia, iterations, converged };
}
