/**
 * Cluster profiles: each centroid in original units (dB, BPM, 0–1) and as z-scores, its size and share of
 * rows, and a descriptive name. Centroids of standardized data are already z-scores of the overall mean.
 */
import { nameClusters, type ClusterNameOptions } from './cluster-names';
import { unstandardizeRow, type StandardScaler } from './standardize';

export interface ClusterProfile {
  cluster: number;
  /** Descriptive name, unique across clusters (see cluster-names.ts). */
  name: string;
  size: number;
  /** size / total rows. */
  share: number;
  /** Centroid in original units, keyed by feature. */
  centroid: Record<string, number>;
  /** Centroid in standard deviations from the overall mean, keyed by feature. */
  z: Record<string, number>;
}

/**
 * Profiles of clusters whose `centers` (k × d row-major) live in the scaler's standardized space.
 * `features` defaults to the scaler's names.
 */
export function clusterProfiles(
  centers: Float64Array,
  sizes: ArrayLike<number>,
  scaler: StandardScaler,
  options: ClusterNameOptions & { features?: readonly string[] } = {},
): ClusterProfile[] {
  const d = scaler.mean.length;
  const features = options.features ?? scaler.features;
  if (!features || features.length !== d)
    throw new Error(`expected ${d} feature names (from the scaler or options)`);
  if (centers.length !== sizes.length * d) {
    throw new Error(`expected ${sizes.length} × ${d} center values, got ${centers.length}`);
  }
  const k = sizes.length;
  const total = Array.from(sizes).reduce((sum, s) => sum + s, 0);
  const zRows = Array.from({ length: k }, (_, c) => centers.subarray(c * d, (c + 1) * d));
  const names = nameClusters(features, zRows, options);
  return zRows.map((z, c) => {
    const original = unstandardizeRow(scaler, z);
    return {
      cluster: c,
      name: names[c],
      size: sizes[c],
      share: total > 0 ? sizes[c] / total : 0,
      centroid: Object.fromEntries(features.map((f, j) => [f, original[j]])),
      z: Object.fromEntries(features.map((f, j) => [f, z[j]])),
    };
  });
}
