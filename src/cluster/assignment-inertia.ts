/** The exact inertia of an assignment, the oracle of the kernel's INERTIA_ONLY pass. */
import { BLOCK_ROWS, blockCount } from './lloyd-kernel';

/**
 * Sum of squared distances of rows to their labelled centers, computed exactly as the kernel's plain pass
 * does (same formula, rows in order within blocks, blocks in order), so it is bit-identical to Lloyd's.
 */
export function assignmentInertia(
  X: Float64Array,
  centers: Float64Array,
  labels: Int32Array,
  rows: number,
  d: number,
): number {
  const k = centers.length / d;
  const m = centers.map((c) => -2 * c);
  const h = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let sum = centers[c * d] * centers[c * d];
    for (let j = 1; j < d; j++) sum += centers[c * d + j] * centers[c * d + j];
    h[c] = sum;
  }
  let total = 0;
  for (let b = 0; b < blockCount(rows); b++) {
    let inertia = 0;
    const end = Math.min(rows, (b + 1) * BLOCK_ROWS);
    for (let i = b * BLOCK_ROWS; i < end; i++) {
      const o = i * d;
      const c = labels[i] * d;
      let norm = X[o] * X[o];
      for (let j = 1; j < d; j++) norm += X[o + j] * X[o + j];
      let dist = h[labels[i]];
      for (let j = 0; j < d; j++) dist += X[o + j] * m[c + j];
      const squared = norm + dist;
      inertia += squared > 0 ? squared : 0;
    }
    total += inertia;
  }
  return total;
}
