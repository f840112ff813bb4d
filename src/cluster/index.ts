/** The Mood Clusters room: one import for notebooks and the pipeline (each concept lives in its own file). */
export { featureMatrixFromTable, toFeatureMatrix, sharedFloat64, type FeatureMatrix } from './feature-matrix';
export {
  standardize,
  fitStandardScaler,
  applyStandardScaler,
  unstandardizeRow,
  type StandardScaler,
} from './standardize';
export { kmeansPlusPlus, type KMeansPlusPlusOptions } from './kmeans-plus-plus';
export { kmeans, kmeansSync, KMEANS_DEFAULTS, type KMeansOptions, type KMeansResult } from './kmeans';
export { silhouetteScore, type SilhouetteOptions } from './silhouette';
export { elbowCurve, sampleRows, type ElbowOptions, type ElbowPoint } from './elbow';
export { jacobiEigen, type EigenDecomposition } from './jacobi-eigen';
export { fitPca, projectRows, type PcaModel, type PcaOptions } from './pca';
export { clusterMap, type ClusterMap, type ClusterMapOptions } from './cluster-map';
export { nameClusters, describingWords, FEATURE_WORDS, type ClusterNameOptions } from './cluster-names';
export { clusterProfiles, type ClusterProfile } from './profiles';
export {
  moodClusters,
  MOOD_CLUSTER_DEFAULTS,
  type MoodClusterOptions,
  type MoodClusters,
} from './mood-clusters';
