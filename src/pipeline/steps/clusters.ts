/**
 * Mood clusters: seeded k-means on the standardized audio features the file has (the 9 of the original app
 * when all are there; constant ones left out), the elbow, profiles, a 2-D map. Too few tracks or features:
 * skipped with one line (StepSkipped); fewer than a silhouette needs to be stable: run, with a note.
 */
import { compareCohorts, constantColumns, type CohortComparison } from '../../analysis';
import { elbowCurve, type ElbowPoint } from '../../cluster/elbow';
import type { ClusterMap } from '../../cluster/cluster-map';
import { moodClusters } from '../../cluster/mood-clusters';
import { standardizedFeatureMatrix } from '../../cluster/standardize';
import type { ClusterProfile } from '../../cluster/profiles';
import { silhouetteScore } from '../../cluster/silhouette';
import { AUDIO_FEATURES, type NumericColumn, type TrackTable } from '../../data/schema';
import type { OnProgress } from '../../util/progress';
import { MINIMUM_ROWS, StepSkipped, stepAvailability } from '../requirements';

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
  /** The features clustered on (the available, non-constant subset of the 9). */
  features: NumericColumn[];
  /** One line per reduction or warning (features left out, few tracks). */
  notes: string[];
}

export interface ClusterStepOptions {
  k: number;
  seed: number;
  onProgress?: OnProgress;
}

/** Distinct rows of the feature columns (k-means++ cannot seed more clusters than that); capped at `cap`. */
function distinctRows(table: TrackTable, features: readonly NumericColumn[], cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < table.length && seen.size < cap; i++)
    seen.add(features.map((f) => table.numeric[f]![i]).join(','));
  return seen.size;
}

/** The clustering features of `table`, or StepSkipped with the one line saying why not. */
export function clusterFeatures(
  table: TrackTable,
  k: number,
): { features: NumericColumn[]; notes: string[] } {
  const minRows = MINIMUM_ROWS.clustersPerK * k;
  if (table.length < minRows)
    throw new StepSkipped(
      'clusters',
      `no mood clusters: k = ${k} needs at least ${minRows} tracks (${MINIMUM_ROWS.clustersPerK} per cluster), the file has ${table.length}`,
    );
  const available = AUDIO_FEATURES.filter((f) => table.numeric[f]);
  const a = stepAvailability('clusters', available, constantColumns(table, available));
  if (a.status === 'skipped') throw new StepSkipped('clusters', a.reason);
  const features = a.columns as NumericColumn[];
  const distinct = distinctRows(table, features, k);
  if (distinct < k)
    throw new StepSkipped(
      'clusters',
      `no mood clusters: only ${distinct} distinct tracks on ${features.join(', ')}, fewer than k = ${k}`,
    );
  const notes = a.status === 'reduced' ? [a.note] : [];
  if (table.length < MINIMUM_ROWS.silhouette)
    notes.push(
      `mood clusters on ${table.length} tracks: below ${MINIMUM_ROWS.silhouette.toLocaleString('en-US')}, silhouette and cluster names are unstable`,
    );
  return { features, notes };
}

export interface ElbowStepOptions {
  /** Largest k of the curve (k = 2..kMax; capped below the number of tracks). */
  kMax: number;
  seed: number;
  onProgress?: OnProgress;
}

/**
 * Inertia and silhouette for k = 2..kMax on the clustering features: its own step, because it does not depend
 * on the chosen k — a notebook that tries k = 4 after k = 6 reuses the curve instead of nine k-means runs.
 */
export async function computeElbow(
  table: TrackTable,
  options: ElbowStepOptions,
): Promise<{ points: ElbowPoint[] }> {
  const { features } = clusterFeatures(table, 2);
  const kMax = Math.min(options.kMax, table.length - 1);
  if (kMax < 2) return { points: [] };
  const { matrix } = standardizedFeatureMatrix(table, features);
  return { points: await elbowCurve(matrix, { seed: options.seed, kMax, onProgress: options.onProgress }) };
}

/** The largest k of the elbow curve shown beside clusters of `k`. */
export const elbowKMax = (k: number): number => Math.max(10, k);

export async function computeClusters(
  table: TrackTable,
  options: ClusterStepOptions & {
    elbow: ElbowPoint[];
    /** What clusterFeatures(table, k) returned, when the caller already asked. */
    columns?: { features: NumericColumn[]; notes: string[] };
  },
): Promise<Clusters> {
  const { features, notes } = options.columns ?? clusterFeatures(table, options.k);
  const mood = await moodClusters(table, {
    features,
    k: options.k,
    seed: options.seed,
    onProgress: options.onProgress,
  });
  const { pca: _pca, ...map } = mood.map;
  return {
    features,
    notes,
    k: options.k,
    labels: mood.kmeans.labels,
    profiles: mood.profiles,
    inertia: mood.kmeans.inertia,
    iterations: mood.kmeans.iterations,
    converged: mood.kmeans.converged,
    silhouette: silhouetteScore(mood.matrix, mood.kmeans.labels, { seed: options.seed }),
    elbow: options.elbow,
    map,
    byCluster: compareCohorts(table, { kind: 'cluster', labels: mood.kmeans.labels }, { features }),
  };
}
