import type { FeatureMatrix } from '../../src/cluster/feature-matrix';
import { kmeansPlusPlus } from '../../src/cluster/kmeans-plus-plus';
import { kmeansPlusPlusThreaded } from '../../src/cluster/kmeans-plus-plus-threads';
import { createRandom } from '../../src/util/random';
import { blobs, THREE_BLOB_CENTERS, uniformMatrix } from './blobs';

describe('kmeansPlusPlus', () => {
  const data = blobs(THREE_BLOB_CENTERS, 50, 0.5);

  test('picks existing rows, one per well-separated blob', () => {
    const centers = kmeansPlusPlus(data, 3, { seed: 7 });
    const blobOf = (c: number) => {
      const x = centers.subarray(c * 3, c * 3 + 3);
      const row = Array.from({ length: data.rows }, (_, i) => i).find((i) =>
        [0, 1, 2].every((j) => data.values[i * 3 + j] === x[j]),
      );
      expect(row).toBeDefined();
      return Math.floor(row! / 50);
    };
    expect(new Set([blobOf(0), blobOf(1), blobOf(2)]).size).toBe(3);
  });

  test('is reproducible with a seed and differs across seeds', () => {
    expect(kmeansPlusPlus(data, 3, { seed: 3 })).toEqual(kmeansPlusPlus(data, 3, { seed: 3 }));
    const firsts = new Set([1, 2, 3, 4, 5].map((seed) => kmeansPlusPlus(data, 3, { seed })[0]));
    expect(firsts.size).toBeGreaterThan(1);
  });

  test('equals a plain greedy k-means++ written out row by row (one block: the same sums in the same order)', () => {
    const noise = uniformMatrix(3000, 4, 8);
    const { values, rows, cols } = noise;
    const k = 5;
    const trials = 2 + Math.floor(Math.log(k));
    const rng = createRandom(21);
    const distance = (i: number, r: number) => {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += (values[i * cols + j] - values[r * cols + j]) ** 2;
      return sum;
    };
    const chosen = [rng.int(rows)];
    let closest = Array.from({ length: rows }, (_, i) => distance(i, chosen[0]));
    while (chosen.length < k) {
      const potential = closest.reduce((a, b) => a + b, 0);
      let best: { row: number; potential: number; closest: number[] } | undefined;
      for (let t = 0; t < trials; t++) {
        const target = rng.next() * potential;
        let sum = 0;
        let row = 0;
        while (row < rows - 1 && (sum += closest[row]) <= target) row++;
        const updated = closest.map((c, i) => Math.min(c, distance(i, row)));
        const p = updated.reduce((a, b) => a + b, 0);
        if (!best || p < best.potential) best = { row, potential: p, closest: updated };
      }
      chosen.push(best!.row);
      closest = best!.closest;
    }
    const expected = Float64Array.from(
      chosen.flatMap((r) => Array.from(values.subarray(r * cols, (r + 1) * cols))),
    );
    expect(kmeansPlusPlus(noise, k, { seed: 21 })).toEqual(expected);
  });

  test('refuses more clusters than distinct points', () => {
    const twoPoints = { values: Float64Array.of(0, 0, 0, 0, 1, 1), rows: 3, cols: 2 };
    expect(() => kmeansPlusPlus(twoPoints, 3, { seed: 1 })).toThrow(/only 2 distinct points, fewer than k=3/);
    expect(() => kmeansPlusPlus(twoPoints, 4)).toThrow(/at least k=4 rows/);
  });
});

describe('kmeansPlusPlusThreaded', () => {
  /** More rows than one block (32768), so several threads really share the passes. */
  function sharedBlobs(rows: number): FeatureMatrix {
    const cols = 4;
    const values = new Float64Array(new SharedArrayBuffer(rows * cols * 8));
    const rng = createRandom(11);
    for (let i = 0; i < rows; i++) {
      const blob = i % 5;
      for (let j = 0; j < cols; j++) values[i * cols + j] = 3 * ((blob + j) % 5) + rng.normal();
    }
    return { values, rows, cols };
  }

  test('picks the same centers on 1, 2 and 3 threads as on the calling thread alone', async () => {
    const data = sharedBlobs(100_000);
    const single = kmeansPlusPlus(data, 5, { seed: 9 });
    for (const threads of [1, 2, 3]) {
      expect(await kmeansPlusPlusThreaded(data, 5, { seed: 9, threads })).toEqual(single);
    }
    expect(await kmeansPlusPlusThreaded(data, 5, { seed: 10, threads: 2 })).not.toEqual(single);
  });

  test('refuses too few distinct points on threads too', async () => {
    const values = new Float64Array(new SharedArrayBuffer(70_000 * 2 * 8));
    await expect(
      kmeansPlusPlusThreaded({ values, rows: 70_000, cols: 2 }, 2, { threads: 2 }),
    ).rejects.toThrow(/only 1 distinct points, fewer than k=2/);
  });
});
