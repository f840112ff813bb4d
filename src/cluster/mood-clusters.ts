/**
 * The Mood Clusters step end to end, as the original app's page did it: the 9 audio features standardized,
 * k-means (k = 6), named profiles, and a 2-D map — one call for the pipeline and notebook 03.
 */
import { AUDIO_FEATURES, type NumericColumn, type TrackTable } from '../data/schema';
import type { FeatureMatrix } from './feature-matrix';
import { clusterMap, type ClusterMap } from './cluster-map';
import { kmeans, type KMeansResult } from './kmeans';
import { clusterProfiles, type ClusterProfile } from './profiles';
import { standardizedFeatureMatrix, type StandardScaler } from './standardize';
import { DEFAULT_SEED } from '../util/random';

export interface MoodClusterOptions {
  /** Feature columns. Default: the 9 AUDIO_FEATURES. */
  features?: readonly NumericColumn[];
  /** Number of clusters. Default: 6. */
  k?: number;
  /** Seed of k-means++ and of the map sample. Default: 42. */
  seed?: number;
  /** Points in the map sample. Default: 8000. */
  mapSampleSize?: number;
  /** Threads for k-means. Default: all cores. */
  threads?: number;
  /** Lloyd progress (updates done, maximum updates). */
  onProgress?: (done: number, total: number) => void;
}

export const MOOD_CLUSTER_DEFAULTS = {
  features: AUDIO_FEATURES,
  k: 6,
  seed: DEFAULT_SEED,
  mapSampleSize: 8000,
} as const;

export interface MoodClusters {
  /** The standardized feature matrix (reuse it for the elbow curve). */
  matrix: FeatureMatrix;
  scaler: StandardScaler;
  kmeans: KMeansResult;
  profiles: ClusterProfile[];
  map: ClusterMap;
}

export async function moodClusters(
  table: TrackTable,
  options: MoodClusterOptions = {},
): Promise<MoodClusters> {
  const o = { ...MOOD_CLUSTER_DEFAULTS, ...options };
  const { matrix, scaler } = standardizedFeatureMatrix(table, o.features);
  const result = await kmeans(matrix, { k: o.k, seed: o.seed, threads: o.threads, onProgress: o.onProgress });
  return {
    matrix,
    scaler,
    kmeans: result,
    profiles: clusterProfiles(result.centers, result.sizes, scaler),
    map: clusterMap(matrix, result.labels, { sampleSize: o.mapSampleSize, seed: o.seed }),
  };
}
