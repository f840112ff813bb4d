import type { FeatureMatrix } from '../../src/cluster/feature-matrix';
import { kmeans, kmeansSync } from '../../src/cluster/kmeans';
import { EXACT_SUMS_EVERY } from '../../src/cluster/lloyd';
import { assignmentInertia } from '../../src/cluster/assignment-inertia';
import { uniformMatrix } from './blobs';

/**
 * Plain Lloyd as scikit-learn's `_kmeans_single_lloyd` does it, written out: every row to its nearest center
 * (first of equals), centers = fresh means of all rows, stop on no label change or shift ≤ tolerance, then a
 * last assignment. The oracle for the incremental sums.
 */
function plainLloyd(matrix: FeatureMatrix, init: Float64Array, maxIterations: number, tolerance: number) {
  const { values, rows, cols: d } = matrix;
  const k = init.length / d;
  let centers = Float64Array.from(init);
  const labels = new Int32Array(rows).fill(-1);
  const assign = () => {
    let changed = 0;
    for (let i = 0; i < rows; i++) {
      let best = Infinity;
      let label = 0;
      for (let c = 0; c < k; c++) {
        let dist = 0;
        for (let j = 0; j < d; j++) dist += (values[i * d + j] - centers[c * d + j]) ** 2;
        if (dist < best) [best, label] = [dist, c];
      }
      if (labels[i] !== label) changed++;
      labels[i] = label;
    }
    return changed;
  };
  let iterations = 0;
  let strict = false;
  for (let it = 0; it < maxIterations; it++) {
    const changed = assign();
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < rows; i++) {
      counts[labels[i]]++;
      for (let j = 0; j < d; j++) sums[labels[i] * d + j] += values[i * d + j];
    }
    const next = centers.map((v, t) =>
      counts[Math.floor(t / d)] > 0 ? sums[t] / counts[Math.floor(t / d)] : v,
    );
    const shift = next.reduce((s, v, t) => s + (v - centers[t]) ** 2, 0);
    centers = next;
    iterations = it + 1;
    if (it > 0 && changed === 0) {
      strict = true;
      break;
    }
    if (shift <= tolerance) break;
  }
  if (!strict) assign();
  let inertia = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < d; j++) inertia += (values[i * d + j] - centers[labels[i] * d + j]) ** 2;
  }
  return { centers, labels, iterations, inertia };
}

/** scikit-learn's tolerance scale: the mean of the columns' population variances. */
function meanColumnVariance({ values, rows, cols }: FeatureMatrix): number {
  let total = 0;
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += values[i * cols + j];
    mean /= rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (values[i * cols + j] - mean) ** 2;
    total += variance / rows;
  }
  return total / cols;
}

function expectClose(actual: Float64Array, expected: Float64Array, relative: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, t) =>
    expect(Math.abs(v - expected[t])).toBeLessThanOrEqual(relative * (1 + Math.abs(expected[t]))),
  );
}

describe('Lloyd iterations with incremental center sums', () => {
  // Two blocks of rows and enough updates to pass several rebuilds of the running sums from scratch.
  const noise = uniformMatrix(40_000, 3, 12);
  const init = Float64Array.from(noise.values.subarray(0, 7 * 3));

  const cases: Array<[string, number, number]> = [
    ['strict convergence (tolerance 0)', 0, 300],
    ['a fixed number of updates', 0, 2 * EXACT_SUMS_EVERY + 3],
    ['the center-shift tolerance', 1e-6, 300],
  ];
  test.each(cases)(
    "gives plain Lloyd's labels and iterations, centers and inertia within 1e-9: %s",
    (_, tolerance, maxIterations) => {
      const ours = kmeansSync(noise, { k: 7, initialCenters: init, tolerance, maxIterations });
      const plain = plainLloyd(noise, init, maxIterations, tolerance * meanColumnVariance(noise));
      expect(ours.iterations).toBeGreaterThan(EXACT_SUMS_EVERY);
      expect(ours.iterations).toBe(plain.iterations);
      expect(ours.labels).toEqual(plain.labels);
      expectClose(ours.centers, plain.centers, 1e-9);
      expect(Math.abs(ours.inertia - plain.inertia)).toBeLessThanOrEqual(1e-9 * plain.inertia);
      // The final INERTIA_ONLY pass measures exactly what assignmentInertia does, bit for bit.
      expect(ours.inertia).toBe(assignmentInertia(noise.values, ours.centers, ours.labels, noise.rows, 3));
    },
  );

  test('the looped kernel (k · d above the unroll limit) keeps the running sums right too', () => {
    const data = uniformMatrix(3000, 3, 4);
    const start = Float64Array.from(data.values.subarray(0, 150 * 3));
    const ours = kmeansSync(data, { k: 150, initialCenters: start, tolerance: 0, maxIterations: 30 });
    const plain = plainLloyd(data, start, 30, 0);
    expect(ours.labels).toEqual(plain.labels);
    expectClose(ours.centers, plain.centers, 1e-9);
    expect(ours.inertia).toBe(assignmentInertia(data.values, ours.centers, ours.labels, data.rows, 3));
  });

  test('threads give the same bits as one thread, rebuilds included', async () => {
    const options = { k: 7, initialCenters: init, tolerance: 0, maxIterations: EXACT_SUMS_EVERY + 5 };
    const single = kmeansSync(noise, options);
    const threaded = await kmeans(noise, { ...options, threads: 2, minRowsForThreads: 0 });
    expect(threaded.centers).toEqual(single.centers);
    expect(threaded.labels).toEqual(single.labels);
    expect(threaded.inertia).toBe(single.inertia);
  });
});
