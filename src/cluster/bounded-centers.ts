/**
 * What the bounded Lloyd kernel is told for one pass: the centers, extended with what Hamerly's bounds need
 * (each center's half distance to its nearest other center, how far each moved, the largest move), and what
 * the pass should write (the sums mode). Built on the main thread, sent to every worker as one array.
 */
/**
 * What a pass writes to each block's sums and counts:
 * - SUMS_FULL: every row's coordinates under its new label (plain Lloyd's sums);
 * - SUMS_DELTA: only the rows whose label changed, added to the new cluster and taken from the old one, so the
 *   caller updates its running sums (a late pass then skips reading most rows' coordinates at all);
 * - SUMS_ONLY: no assignment; every row's coordinates under its current label (exact sums for the labels);
 * - INERTIA_ONLY: no assignment, no sums; each block's inertia for the current labels, by the formula of
 *   `assignmentInertia` (so the final inertia is measured exactly, and on every thread).
 */
export const SUMS_FULL = 0;
export const SUMS_DELTA = 1;
export const SUMS_ONLY = 2;
export const INERTIA_ONLY = 3;
export type SumsMode = typeof SUMS_FULL | typeof SUMS_DELTA | typeof SUMS_ONLY | typeof INERTIA_ONLY;

/**
 * Centers extended for the bounded kernel: the k × d centers, then each center's half distance to its nearest
 * other center, then how far each center moved since `previous` (the centers of the last pass), then the
 * largest of those moves, then the pass's `SumsMode`.
 */
export function boundedCenters(
  centers: Float64Array,
  previous: Float64Array | undefined,
  k: number,
  d: number,
  sums: SumsMode = SUMS_FULL,
): Float64Array {
  const out = new Float64Array(k * d + 2 * k + 2);
  out.set(centers.subarray(0, k * d));
  const distance = (a: Float64Array, i: number, b: Float64Array, j: number): number => {
    let sum = 0;
    for (let t = 0; t < d; t++) {
      const diff = a[i * d + t] - b[j * d + t];
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  };
  for (let c = 0; c < k; c++) {
    let nearest = Infinity;
    for (let o = 0; o < k; o++) if (o !== c) nearest = Math.min(nearest, distance(centers, c, centers, o));
    out[k * d + c] = nearest / 2;
  }
  let maxShift = 0;
  for (let c = 0; c < k; c++) {
    const shift = previous ? distance(centers, c, previous, c) : 0;
    out[k * d + k + c] = shift;
    maxShift = Math.max(maxShift, shift);
  }
  out[k * d + 2 * k] = maxShift;
  out[k * d + 2 * k + 1] = sums;
  return out;
}
