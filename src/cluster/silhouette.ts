/**
 * Mean silhouette coefficient on a seeded sample of rows (like scikit-learn's `silhouette_score(sample_size=)`):
 * exact silhouettes cost O(n²), 1.4·10¹² distance terms at 1.2M rows; 5k rows take a fraction of a second.
 */
import { DEFAULT_SEED, sampleIndices } from '../util/random';
import type { FeatureMatrix } from './feature-matrix';

export interface SilhouetteOptions {
  /** Rows sampled (all rows when fewer). Default: 5000. */
  sampleSize?: number;
  /** Seed of the sample. Default: 42. */
  seed?: number;
}

export const SILHOUETTE_DEFAULTS = { sampleSize: 5000, seed: DEFAULT_SEED } as const;

/**
 * Mean over sampled rows of (b − a) / max(a, b), where a is the mean distance to the row's own cluster and b
 * the smallest mean distance to another cluster (both within the sample). Rows alone in their cluster score 0.
 */
export function silhouetteScore(
  matrix: FeatureMatrix,
  labels: ArrayLike<number>,
  options: SilhouetteOptions = {},
): number {
  const { values, rows, cols } = matrix;
  if (labels.length !== rows) throw new Error(`expected ${rows} labels, got ${labels.length}`);
  const sampleSize = options.sampleSize ?? SILHOUETTE_DEFAULTS.sampleSize;
  if (!Number.isInteger(sampleSize) || sampleSize < 2) {
    throw new Error(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  }
  const sample = sampleIndices(rows, sampleSize, options.seed ?? SILHOUETTE_DEFAULTS.seed);
  const m = sample.length;
  let k = 0;
  for (let i = 0; i < m; i++) k = Math.max(k, labels[sample[i]] + 1);
  const sampleLabels = Int32Array.from(sample, (r) => labels[r]);
  const sizes = new Float64Array(k);
  for (const label of sampleLabels) sizes[label]++;
  const present = sizes.filter((s) => s > 0).length;
  if (present < 2 || present > m - 1) {
    throw new Error(
      `silhouette needs 2 ≤ clusters ≤ rows − 1 in the sample, got ${present} clusters in ${m} rows`,
    );
  }
  // Each pair is measured once and credited to both rows: half of the O(m²·d) work.
  const distanceSums = new Float64Array(m * k);
  const points = new Float64Array(m * cols);
  for (let a = 0; a < m; a++) points.set(values.subarray(sample[a] * cols, (sample[a] + 1) * cols), a * cols);
  for (let a = 0; a < m; a++) {
    const oa = a * cols;
    const labelA = sampleLabels[a];
    for (let b = a + 1; b < m; b++) {
      const ob = b * cols;
      let squared = 0;
      for (let j = 0; j < cols; j++) {
        const t = points[oa + j] - points[ob + j];
        squared += t * t;
      }
      const distance = Math.sqrt(squared);
      distanceSums[a * k + sampleLabels[b]] += distance;
      distanceSums[b * k + labelA] += distance;
    }
  }
  let total = 0;
  for (let a = 0; a < m; a++) {
    const own = sampleLabels[a];
    if (sizes[own] <= 1) continue;
    const within = distanceSums[a * k + own] / (sizes[own] - 1);
    let nearest = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && sizes[c] > 0) nearest = Math.min(nearest, distanceSums[a * k + c] / sizes[c]);
    }
    const denominator = Math.max(within, nearest);
    if (denominator > 0) total += (nearest - within) / denominator;
  }
  return total / m;
}
