/** Mood clusters: seeded k-means on the 9 standardized audio features, the elbow, profiles, a 2-D map. */
import { compareCohorts, type CohortComparison } from '../../analysis';
import { elbowCurve, type ElbowPoint } from '../../cluster/elbow';
import type { ClusterMap } from '../../cluster/cluster-map';
import { moodClusters } from '../../cluster/mood-clusters';
import type { ClusterProfile } from '../../cluster/profiles';
import { silhouetteScore } from '../../cluster/silhouette';
import type { TrackTable } from '../../data/schema';
import type { OnProgress } from '../../util/progress';

export interface Clusters {
  k: number;
  /** Cluster of every row of the table, 0..k−1. */
  labels: Int32Array;
  profiles: ClusterProfile[];
  inertia: number;
  iterations: number;
  converged: boolean;
  /** Mean silhouette of the chosen k on a seeded sample. */
  silhouette: number;
  /** Inertia and silhouette for k = 2..10 on a seeded sample (the elbow plot). */
  elbow: ElbowPoint[];
  /** PCA map of a seeded sample (the PCA model itself is not kept). */
  map: Omit<ClusterMap, 'pca'>;
  byCluster: CohortComparison;
}

export interface ClusterStepOptions {
  k: number;
  seed: number;
  onProgress?: OnProgress;
  onElbowProgress?: OnProgress;
}

export async function computeClusters(table: TrackTable, options: ClusterStepOptions): Promise<Clusters> {
  const mood = await moodClusters(table, {
    k: options.k,
    seed: options.seed,
    onProgress: options.onProgress,
  });
  const elbow = await elbowCurve(mood.matrix, {
    seed: options.seed,
    kMax: Math.max(10, options.k),
    onProgress: options.onElbowProgress,
  });
  const { pca: _pca, ...map } = mood.map;
  return {
    k: options.k,
    labels: mood.kmeans.labels,
    profiles: mood.profiles,
    inertia: mood.kmeans.inertia,
    iterations: mood.kmeans.iterations,
    converged: mood.kmeans.converged,
    silhouette: silhouetteScore(mood.matrix, mood.kmeans.labels, { seed: options.seed }),
    elbow,
    map,
    byCluster: compareCohorts(table, { kind: 'cluster', labels: mood.kmeans.labels }),
  };
}
