import { assignmentInertia } from '../../src/cluster/assignment-inertia';
import { boundedCenters, SUMS_DELTA, SUMS_FULL, SUMS_ONLY } from '../../src/cluster/bounded-centers';
import {
  BLOCK_ROWS,
  blockCount,
  compileLloydKernel,
  lloydKernelSource,
  partialsStride,
} from '../../src/cluster/lloyd-kernel';
import { uniformMatrix } from './blobs';

describe('Lloyd kernel', () => {
  test('assigns, sums, counts and measures inertia on a hand-checked example', () => {
    // 1-D points 0, 1, 9, 10 against centers 0 and 10
    const kernel = compileLloydKernel(2, 1);
    const labels = Int32Array.of(-1, -1, -1, 1);
    const partials = new Float64Array(partialsStride(2, 1));
    kernel(Float64Array.of(0, 1, 9, 10), Float64Array.of(0, 10), labels, partials, 0, 1, 4);
    expect(Array.from(labels)).toEqual([0, 0, 1, 1]);
    // sums [1, 19], counts [2, 2], inertia 0 + 1 + 1 + 0, three labels changed
    expect(Array.from(partials)).toEqual([1, 19, 2, 2, 2, 3]);
  });

  test('breaks ties toward the first center, as scikit-learn does', () => {
    const kernel = compileLloydKernel(2, 1);
    const labels = new Int32Array(1);
    const partials = new Float64Array(partialsStride(2, 1));
    kernel(Float64Array.of(5), Float64Array.of(0, 10), labels, partials, 0, 1, 1);
    expect(labels[0]).toBe(0);
  });

  test('unrolled and looped kernels agree, block by block', () => {
    const rows = BLOCK_ROWS + 1000;
    const data = uniformMatrix(rows, 3);
    // k·d = 6 unrolls; 3 × 200 = 600 exceeds the unroll limit and loops. Compare both on the same k by
    // embedding the small problem in the large one: 200 clusters of which only the first 3 are near.
    const centers = Float64Array.of(0.2, 0.2, 0.2, 0.8, 0.5, 0.1, 0.4, 0.9, 0.7);
    const far = new Float64Array(200 * 3).fill(1e6);
    far.set(centers);
    expect(lloydKernelSource(3, 3)).not.toMatch(/for \(let c = 0/);
    expect(lloydKernelSource(200, 3)).toMatch(/for \(let c = 0/);
    const blocks = blockCount(rows);
    expect(blocks).toBe(2);
    const unrolledLabels = new Int32Array(rows).fill(-1);
    const loopedLabels = new Int32Array(rows).fill(-1);
    const unrolled = new Float64Array(blocks * partialsStride(3, 3));
    const looped = new Float64Array(blocks * partialsStride(200, 3));
    compileLloydKernel(3, 3)(data.values, centers, unrolledLabels, unrolled, 0, blocks, rows);
    compileLloydKernel(200, 3)(data.values, far, loopedLabels, looped, 0, blocks, rows);
    expect(loopedLabels).toEqual(unrolledLabels);
    for (let b = 0; b < blocks; b++) {
      const u = unrolled.subarray(b * partialsStride(3, 3));
      const l = looped.subarray(b * partialsStride(200, 3));
      for (let t = 0; t < 9; t++) expect(u[t]).toBeCloseTo(l[t], 9);
      for (let c = 0; c < 3; c++) expect(u[9 + c]).toBe(l[600 + c]);
      expect(u[12]).toBeCloseTo(l[800], 8); // inertia
      expect(u[13]).toBe(l[801]); // changed
    }
    expect(unrolled[13] + unrolled[partialsStride(3, 3) + 13]).toBe(rows);
  });

  test("Hamerly's bounds skip rows yet give Lloyd's labels, sums and inertia bit for bit, pass after pass", () => {
    const rows = BLOCK_ROWS + 5000;
    const k = 5;
    const d = 3;
    const data = uniformMatrix(rows, d);
    const kernel = compileLloydKernel(k, d);
    const blocks = blockCount(rows);
    const stride = partialsStride(k, d);
    let centers = Float64Array.from({ length: k * d }, (_, t) => data.values[t * 997]);
    let previous: Float64Array | undefined;
    const plainLabels = new Int32Array(rows).fill(-1);
    const boundLabels = new Int32Array(rows).fill(-1);
    const upper = new Float64Array(rows);
    const lower = new Float64Array(rows);
    const plain = new Float64Array(blocks * stride);
    const bound = new Float64Array(blocks * stride);
    for (let pass = 0; pass < 12; pass++) {
      kernel(data.values, centers, plainLabels, plain, 0, blocks, rows);
      kernel(
        data.values,
        boundedCenters(centers, previous, k, d),
        boundLabels,
        bound,
        0,
        blocks,
        rows,
        upper,
        lower,
      );
      expect(boundLabels).toEqual(plainLabels);
      // Sums, counts and changed labels agree exactly; the bounded pass leaves inertia to assignmentInertia.
      for (let b = 0; b < blocks; b++) {
        const slot = b * stride + k * d + k;
        expect(bound.subarray(b * stride, slot)).toEqual(plain.subarray(b * stride, slot));
        expect(bound[slot]).toBe(0);
        expect(bound[slot + 1]).toBe(plain[slot + 1]);
      }
      let inertia = 0;
      for (let b = 0; b < blocks; b++) inertia += plain[b * stride + k * d + k];
      expect(assignmentInertia(data.values, centers, plainLabels, rows, d)).toBe(inertia);
      // Next centers: the means (as Lloyd's update), so later passes move less and skip more.
      previous = centers;
      centers = new Float64Array(k * d);
      for (let c = 0; c < k; c++) {
        let count = 0;
        for (let b = 0; b < blocks; b++) count += plain[b * stride + k * d + c];
        for (let j = 0; j < d; j++) {
          let sum = 0;
          for (let b = 0; b < blocks; b++) sum += plain[b * stride + c * d + j];
          centers[c * d + j] = sum / count;
        }
      }
    }
    // The skip is real: told (falsely) that every other center is far away, the kernel keeps every label.
    const kept = Int32Array.from(boundLabels);
    lower.fill(1e9);
    upper.fill(0);
    const reversed = Float64Array.from(
      { length: k * d },
      (_, t) => centers[(k - 1 - Math.floor(t / d)) * d + (t % d)],
    );
    kernel(
      data.values,
      boundedCenters(reversed, reversed, k, d),
      boundLabels,
      bound,
      0,
      blocks,
      rows,
      upper,
      lower,
    );
    expect(boundLabels).toEqual(kept);
    kernel(data.values, reversed, plainLabels, plain, 0, blocks, rows);
    expect(plainLabels).not.toEqual(kept);
  });

  test('SUMS_DELTA reports only moved rows; SUMS_ONLY adds up the current labels exactly as SUMS_FULL does', () => {
    const rows = BLOCK_ROWS + 3000;
    const k = 4;
    const d = 3;
    const data = uniformMatrix(rows, d, 6);
    const kernel = compileLloydKernel(k, d);
    const blocks = blockCount(rows);
    const stride = partialsStride(k, d);
    const total = (P: Float64Array, t: number) => {
      let sum = 0;
      for (let b = 0; b < blocks; b++) sum += P[b * stride + t];
      return sum;
    };
    const labels = new Int32Array(rows).fill(-1);
    const upper = new Float64Array(rows);
    const lower = new Float64Array(rows);
    const P = new Float64Array(blocks * stride);
    const first = Float64Array.of(0.2, 0.2, 0.2, 0.8, 0.2, 0.5, 0.3, 0.8, 0.6, 0.7, 0.7, 0.1);
    kernel(
      data.values,
      boundedCenters(first, undefined, k, d, SUMS_FULL),
      labels,
      P,
      0,
      blocks,
      rows,
      upper,
      lower,
    );
    const running = Array.from({ length: k * d + k }, (_, t) => total(P, t));
    const before = Int32Array.from(labels);
    const second = first.map((v, t) => v + (t % 4 === 0 ? 0.05 : -0.03));
    kernel(
      data.values,
      boundedCenters(second, first, k, d, SUMS_DELTA),
      labels,
      P,
      0,
      blocks,
      rows,
      upper,
      lower,
    );
    const moved = labels.filter((label, i) => label !== before[i]).length;
    expect(moved).toBeGreaterThan(0);
    expect(total(P, k * d + k + 1)).toBe(moved);
    for (let t = 0; t < k * d + k; t++) running[t] += total(P, t);
    // The same labels' sums from scratch, in both modes that add up every row.
    const only = new Float64Array(blocks * stride);
    kernel(
      data.values,
      boundedCenters(second, second, k, d, SUMS_ONLY),
      labels,
      only,
      0,
      blocks,
      rows,
      upper,
      lower,
    );
    const full = new Float64Array(blocks * stride);
    const check = Int32Array.from(labels);
    kernel(
      data.values,
      boundedCenters(second, second, k, d, SUMS_FULL),
      check,
      full,
      0,
      blocks,
      rows,
      upper,
      lower,
    );
    expect(check).toEqual(labels);
    expect(only.subarray(0, blocks * stride).filter((_, t) => t % stride < k * d + k)).toEqual(
      full.filter((_, t) => t % stride < k * d + k),
    );
    for (let c = 0; c < k; c++) expect(running[k * d + c]).toBe(total(full, k * d + c));
    for (let t = 0; t < k * d; t++) expect(running[t]).toBeCloseTo(total(full, t), 9);
  });

  test('rejects nonsense shapes', () => {
    expect(() => lloydKernelSource(0, 3)).toThrow(/k ≥ 1 and d ≥ 1/);
  });
});
