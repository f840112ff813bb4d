import { kmeans as mlKmeans } from 'ml-kmeans';
import { kmeans, kmeansSync } from '../../src/cluster/kmeans';
import { blobs, THREE_BLOB_CENTERS, uniformMatrix } from './blobs';

function toRows(values: Float64Array, d: number): number[][] {
  return Array.from({ length: values.length / d }, (_, i) => Array.from(values.subarray(i * d, (i + 1) * d)));
}

describe('kmeans', () => {
  const data = blobs(THREE_BLOB_CENTERS, 60, 0.8);

  test('recovers well-separated blobs', () => {
    const result = kmeansSync(data, { k: 3, seed: 1 });
    expect(Array.from(result.sizes).sort()).toEqual([60, 60, 60]);
    for (let b = 0; b < 3; b++) {
      const labels = new Set(result.labels.subarray(b * 60, (b + 1) * 60));
      expect(labels.size).toBe(1);
    }
    expect(result.converged).toBe(true);
    // inertia = sum of squared distances to the returned centers
    let inertia = 0;
    for (let i = 0; i < data.rows; i++) {
      for (let j = 0; j < 3; j++)
        inertia += (data.values[i * 3 + j] - result.centers[result.labels[i] * 3 + j]) ** 2;
    }
    expect(result.inertia).toBeCloseTo(inertia, 8);
  });

  test('matches ml-kmeans from the same initial centers after the same number of updates', () => {
    const noise = uniformMatrix(400, 4);
    const init = kmeansSync(noise, { k: 5, seed: 9, maxIterations: 1 }).initialCenters;
    for (const iterations of [1, 3, 8]) {
      const ours = kmeansSync(noise, { k: 5, initialCenters: init, maxIterations: iterations, tolerance: 0 });
      const theirs = mlKmeans(toRows(noise.values, 4), 5, {
        initialization: toRows(init, 4),
        maxIterations: iterations,
        tolerance: -1,
      });
      expect(ours.iterations).toBe(iterations);
      expect(toRows(ours.centers, 4).flat()).toEqual(
        theirs.centroids.flat().map((v) => expect.closeTo(v, 12)),
      );
    }
  });

  test('threads give bit-identical results to one thread', async () => {
    const noise = uniformMatrix(40_000, 3, 5); // 2 blocks
    const options = { k: 4, seed: 2, maxIterations: 8 };
    const single = kmeansSync(noise, options);
    const threaded = await kmeans(noise, { ...options, threads: 2, minRowsForThreads: 0 });
    expect(threaded.inertia).toBe(single.inertia);
    expect(threaded.centers).toEqual(single.centers);
    expect(threaded.labels).toEqual(single.labels);
    expect(threaded.iterations).toBe(single.iterations);
  });

  test('stops on strict convergence or tolerance, as scikit-learn does', () => {
    const strict = kmeansSync(data, { k: 3, seed: 1, tolerance: 0 });
    expect(strict.converged).toBe(true);
    expect(strict.iterations).toBeLessThan(300);
    const noise = uniformMatrix(3000, 2);
    const loose = kmeansSync(noise, { k: 8, seed: 1, tolerance: 1e-1 });
    const tight = kmeansSync(noise, { k: 8, seed: 1, tolerance: 0 });
    expect(loose.iterations).toBeLessThan(tight.iterations);
    expect(tight.inertia).toBeLessThanOrEqual(loose.inertia);
  });

  test('keeps the best of several starts and reports progress', () => {
    const noise = uniformMatrix(2000, 2);
    const calls: Array<[number, number]> = [];
    const best = kmeansSync(noise, {
      k: 6,
      seed: 3,
      nInit: 3,
      maxIterations: 20,
      onProgress: (d, t) => calls.push([d, t]),
    });
    const singles = [3, 4, 5].map((seed) => kmeansSync(noise, { k: 6, seed, maxIterations: 20 }).inertia);
    expect(best.inertia).toBe(Math.min(...singles));
    expect(calls.every(([, total]) => total === 60)).toBe(true);
    expect(calls.length).toBeGreaterThan(2);
  });

  test('refills an empty cluster with a far row', () => {
    const init = Float64Array.of(0, 0, 0, 10, 0, 0, 1000, 1000, 1000); // third center attracts no row
    const result = kmeansSync(data, { k: 3, initialCenters: init, maxIterations: 50 });
    expect(Math.min(...result.sizes)).toBeGreaterThan(0);
  });

  test('explains bad input', () => {
    const tiny = { values: Float64Array.of(1, 2, 3, 4), rows: 2, cols: 2 };
    expect(() => kmeansSync(tiny, { k: 3 })).toThrow(/at least k=3 rows, got 2/);
    expect(() => kmeansSync(data, { k: 1 })).toThrow(/k must be an integer ≥ 2, got 1/);
    const withNaN = { ...tiny, values: Float64Array.of(1, NaN, 3, 4), features: ['energy', 'tempo'] };
    expect(() => kmeansSync(withNaN, { k: 2 })).toThrow(/'tempo' is NaN at row 0/);
    expect(() => kmeansSync(data, { k: 3, initialCenters: new Float64Array(4) })).toThrow(/k × d = 9 values/);
    expect(() => kmeansSync(data, { k: 3, maxIterations: 0 })).toThrow(/maxIterations/);
    return expect(kmeans(tiny, { k: 5 })).rejects.toThrow(/at least k=5 rows/);
  });
});
