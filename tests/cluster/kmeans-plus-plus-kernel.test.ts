import {
  compileKMeansPlusPlusKernel,
  kmeansPlusPlusKernelSource,
  trialSlot,
} from '../../src/cluster/kmeans-plus-plus-kernel';
import { BLOCK_ROWS, blockCount } from '../../src/cluster/lloyd-kernel';
import { uniformMatrix } from './blobs';

describe('k-means++ kernel', () => {
  test('writes each candidate its updated distances and block potential, on a hand-checked example', () => {
    // 1-D points 0, 1, 4; closest distances so far (slot 0) 0, 1, 16; candidates rows 1 and 2
    const kernel = compileKMeansPlusPlusKernel(1, 2);
    const distances = Float64Array.of(0, 1, 16, -1, -1, -1, -1, -1, -1);
    const potentials = new Float64Array(2);
    kernel(Float64Array.of(0, 1, 4), 3, distances, potentials, Int32Array.of(1, 2), 2, 0, false, 0, 1);
    // candidate 1 (x = 1) → slot 1: min(0, 1), min(1, 0), min(16, 9); candidate 2 (x = 4) → slot 2
    expect(Array.from(distances)).toEqual([0, 1, 16, 0, 0, 9, 0, 1, 0]);
    expect(Array.from(potentials)).toEqual([9, 1]);
    expect([0, 1].map((t) => trialSlot(2, t, 2))).toEqual([0, 1]);
  });

  test('the first pass takes the distances as they are; one candidate is allowed', () => {
    const kernel = compileKMeansPlusPlusKernel(2, 3);
    const distances = new Float64Array(4 * 2).fill(7);
    const potentials = new Float64Array(3);
    kernel(Float64Array.of(0, 0, 3, 4), 2, distances, potentials, Int32Array.of(1, 0, 0), 1, 3, true, 0, 1);
    expect(Array.from(distances.subarray(0, 2))).toEqual([25, 0]); // slot (3 + 1) mod 4 = 0
    expect(potentials[0]).toBe(25);
    expect(() =>
      kernel(Float64Array.of(0, 0, 3, 4), 2, distances, potentials, Int32Array.of(1, 0, 0), 2, 3, true, 0, 1),
    ).toThrow(/trialCount must be 1 or 3/);
  });

  test('unrolled and looped kernels agree bit for bit, block by block', () => {
    const rows = BLOCK_ROWS + 700;
    const d = 3;
    const data = uniformMatrix(rows, d);
    expect(kmeansPlusPlusKernelSource(d, 3)).not.toMatch(/for \(let j = 0/);
    // 3 × 200 candidate coordinates exceed the unroll limit: the looped form, run with the same 3 candidates.
    expect(kmeansPlusPlusKernelSource(d, 200)).toMatch(/for \(let j = 0/);
    const blocks = blockCount(rows);
    const start = Float64Array.from({ length: rows }, (_, i) => (i % 7) / 10);
    const candidates = Int32Array.of(5, 40_000, 123);
    const unrolledDistances = new Float64Array(4 * rows);
    unrolledDistances.set(start);
    const unrolledPotentials = new Float64Array(blocks * 3);
    compileKMeansPlusPlusKernel(d, 3)(
      data.values,
      rows,
      unrolledDistances,
      unrolledPotentials,
      candidates,
      3,
      0,
      false,
      0,
      blocks,
    );
    const loopedDistances = new Float64Array(201 * rows);
    loopedDistances.set(start);
    const loopedPotentials = new Float64Array(blocks * 200);
    const loopedCandidates = new Int32Array(200);
    loopedCandidates.set(candidates);
    compileKMeansPlusPlusKernel(d, 200)(
      data.values,
      rows,
      loopedDistances,
      loopedPotentials,
      loopedCandidates,
      3,
      0,
      false,
      0,
      blocks,
    );
    for (let t = 0; t < 3; t++) {
      const slot = (1 + t) * rows;
      expect(loopedDistances.subarray(slot, slot + rows)).toEqual(
        unrolledDistances.subarray(slot, slot + rows),
      );
      for (let b = 0; b < blocks; b++)
        expect(loopedPotentials[b * 200 + t]).toBe(unrolledPotentials[b * 3 + t]);
    }
  });

  test('rejects nonsense shapes', () => {
    expect(() => kmeansPlusPlusKernelSource(0, 3)).toThrow(/d ≥ 1 and trials ≥ 1/);
  });
});
