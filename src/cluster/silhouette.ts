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
  return silhouetteScores(matrix, [labels], options)[0];
}

/**
 * The silhouette of several clusterings of the same rows (the elbow's k = 2..10), on one sample: each pair's
 * distance is computed once for all of them, so nine clusterings cost little more than one (1.5 → 0.4 s at 5k
 * rows). Each score is the one `silhouetteScore` gives: the same sample, the same sums in the same order.
 */
export function silhouetteScores(
  matrix: FeatureMatrix,
  labelings: readonly ArrayLike<number>[],
  options: SilhouetteOptions = {},
): number[] {
  const { values, rows, cols } = matrix;
  for (const labels of labelings)
    if (labels.length !== rows) throw new Error(`expected ${rows} labels, got ${labels.length}`);
  const sampleSize = options.sampleSize ?? SILHOUETTE_DEFAULTS.sampleSize;
  if (!Number.isInteger(sampleSize) || sampleSize < 2) {
    throw new Error(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  }
  const sample = sampleIndices(rows, sampleSize, options.seed ?? SILHOUETTE_DEFAULTS.seed);
  const m = sample.length;
  const n = labelings.length;
  // Clustering l: its k, its sizes in the sample, and its block of m × k distance sums in `sums`.
  const ks = new Int32Array(n);
  const offsets = new Int32Array(n);
  const sizes: Float64Array[] = [];
  const sampleLabels = new Int32Array(m * n); // row a, clustering l at a * n + l
  let total = 0;
  labelings.forEach((labels, l) => {
    let k = 0;
    for (let a = 0; a < m; a++) {
      sampleLabels[a * n + l] = labels[sample[a]];
      k = Math.max(k, labels[sample[a]] + 1);
    }
    const counts = new Float64Array(k);
    for (let a = 0; a < m; a++) counts[sampleLabels[a * n + l]]++;
    const present = counts.filter((c) => c > 0).length;
    if (present < 2 || present > m - 1) {
      throw new Error(
        `silhouette needs 2 ≤ clusters ≤ rows − 1 in the sample, got ${present} clusters in ${m} rows`,
      );
    }
    ks[l] = k;
    offsets[l] = total;
    sizes.push(counts);
    total += m * k;
  });
  // Each pair is measured once and credited to both rows: half of the O(m²·d) work.
  const sums = new Float64Array(total);
  const points = new Float64Array(m * cols);
  for (let a = 0; a < m; a++) {
    const from = sample[a] * cols;
    for (let j = 0; j < cols; j++) points[a * cols + j] = values[from + j];
  }
  for (let a = 0; a < m; a++) {
    const oa = a * cols;
    for (let b = a + 1; b < m; b++) {
      const ob = b * cols;
      let squared = 0;
      for (let j = 0; j < cols; j++) {
        const t = points[oa + j] - points[ob + j];
        squared += t * t;
      }
      const distance = Math.sqrt(squared);
      for (let l = 0; l < n; l++) {
        const k = ks[l];
        sums[offsets[l] + a * k + sampleLabels[b * n + l]] += distance;
        sums[offsets[l] + b * k + sampleLabels[a * n + l]] += distance;
      }
    }
  }
  return labelings.map((_, l) => {
    const k = ks[l];
    const counts = sizes[l];
    let score = 0;
    for (let a = 0; a < m; a++) {
      const own = sampleLabels[a * n + l];
      if (counts[own] <= 1) continue;
      const at = offsets[l] + a * k;
      const within = sums[at + own] / (counts[own] - 1);
      let nearest = Infinity;
      for (let c = 0; c < k; c++) {
        if (c !== own && counts[c] > 0) nearest = Math.min(nearest, sums[at + c] / counts[c]);
      }
      const denominator = Math.max(within, nearest);
      if (denominator > 0) score += (nearest - within) / denominator;
    }
    return score / m;
  });
}
