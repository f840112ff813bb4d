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

  test('rejects nonsense shapes', () => {
    expect(() => lloydKernelSource(0, 3)).toThrow(/k ≥ 1 and d ≥ 1/);
  });
});
