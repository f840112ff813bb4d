/**
 * Choosing k: inertia for each k (the elbow) and the silhouette of each clustering. The runs use a seeded row
 * sample by default — the curve's shape settles long before 1.2M rows, and nine full runs would cost nine
 * times the clustering itself.
 */
import { DEFAULT_SEED, sampleIndices } from '../util/random';
import type { FeatureMatrix } from './feature-matrix';
import { sharedFloat64 } from './feature-matrix';
import { kmeans, type KMeansResult } from './kmeans';
import { silhouetteScores } from './silhouette';

export interface ElbowOptions {
  /** Smallest k. Default: 2. */
  kMin?: number;
  /** Largest k. Default: 10. */
  kMax?: number;
  /** Rows clustered per k (all when fewer). Default: 100000 (nine runs to convergence then take seconds). */
  sampleSize?: number;
  /** Rows in each silhouette sample. Default: 5000. */
  silhouetteSampleSize?: number;
  /** Seed of the samples and of k-means++. Default: 42. */
  seed?: number;
  /** Threads for k-means (see KMeansOptions.threads). Default: all cores. */
  threads?: number;
  /** Called after each k with (ks done, ks total). */
  onProgress?: (done: number, total: number) => void;
}

export const ELBOW_DEFAULTS = {
  kMin: 2,
  kMax: 10,
  sampleSize: 100_000,
  silhouetteSampleSize: 5000,
  seed: DEFAULT_SEED,
} as const;

export interface ElbowPoint {
  k: number;
  /** k-means inertia on the clustered rows. */
  inertia: number;
  /** Mean silhouette on a sample of those rows. */
  silhouette: number;
  iterations: number;
}

/** The rows at `indices` as a new shared matrix. */
export function sampleRows(matrix: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const { cols } = matrix;
  const values = sharedFloat64(indices.length * cols);
  for (let i = 0; i < indices.length; i++) {
    values.set(matrix.values.subarray(indices[i] * cols, (indices[i] + 1) * cols), i * cols);
  }
  return { values, rows: indices.length, cols, features: matrix.features };
}

export async function elbowCurve(matrix: FeatureMatrix, options: ElbowOptions = {}): Promise<ElbowPoint[]> {
  const o = { ...ELBOW_DEFAULTS, ...options };
  if (!Number.isInteger(o.kMin) || !Number.isInteger(o.kMax) || o.kMin < 2 || o.kMax < o.kMin) {
    throw new Error(`expected integers 2 ≤ kMin ≤ kMax, got kMin=${o.kMin}, kMax=${o.kMax}`);
  }
  const data =
    matrix.rows > o.sampleSize
      ? sampleRows(matrix, sampleIndices(matrix.rows, o.sampleSize, o.seed))
      : matrix;
  if (data.rows <= o.kMax)
    throw new Error(`the elbow up to k=${o.kMax} needs more than ${o.kMax} rows, got ${data.rows}`);
  const runs: Array<{ k: number; result: KMeansResult }> = [];
  const total = o.kMax - o.kMin + 1;
  for (let k = o.kMin; k <= o.kMax; k++) {
    runs.push({ k, result: await kmeans(data, { k, seed: o.seed, threads: o.threads }) });
    o.onProgress?.(runs.length, total);
  }
  // All silhouettes at once: the sample's pair distances are the same for every k.
  const silhouettes = silhouetteScores(
    data,
    runs.map((r) => r.result.labels),
    { sampleSize: o.silhouetteSampleSize, seed: o.seed },
  );
  return runs.map(({ k, result }, i) => ({
    k,
    inertia: result.inertia,
    silhouette: silhouettes[i],
    iterations: result.iterations,
  }));
}
