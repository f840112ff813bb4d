/**
 * The 2-D cluster map: PCA fitted on every row, drawn from a seeded sample of points — a browser draws 8k
 * points instantly, 1.2M not at all.
 */
import { DEFAULT_SEED, sampleIndices } from '../util/random';
import type { FeatureMatrix } from './feature-matrix';
import { fitPca, projectRows, type PcaModel } from './pca';

export interface ClusterMapOptions {
  /** Points kept for plotting. Default: 8000. */
  sampleSize?: number;
  /** Seed of the sample. Default: 42. */
  seed?: number;
  /** A PCA already fitted on the matrix (default: fitted here on all rows). */
  pca?: PcaModel;
}

export const CLUSTER_MAP_DEFAULTS = { sampleSize: 8000, seed: DEFAULT_SEED } as const;

export interface ClusterMap {
  /** Row of each plotted point in the matrix. */
  rows: Uint32Array;
  /** First principal component of each point. */
  x: Float64Array;
  /** Second principal component of each point. */
  y: Float64Array;
  /** Cluster of each point. */
  cluster: Int32Array;
  /** Share of variance along the two axes. */
  explainedVarianceRatio: [number, number];
  pca: PcaModel;
}

export function clusterMap(
  matrix: FeatureMatrix,
  labels: ArrayLike<number>,
  options: ClusterMapOptions = {},
): ClusterMap {
  if (labels.length !== matrix.rows) throw new Error(`expected ${matrix.rows} labels, got ${labels.length}`);
  const sampleSize = options.sampleSize ?? CLUSTER_MAP_DEFAULTS.sampleSize;
  if (!Number.isInteger(sampleSize) || sampleSize < 1) {
    throw new Error(`sampleSize must be a positive integer, got ${sampleSize}`);
  }
  const pca = options.pca ?? fitPca(matrix, { components: 2 });
  if (pca.components.length / pca.dims < 2) throw new Error('the cluster map needs a PCA with 2 components');
  const rows = sampleIndices(matrix.rows, sampleSize, options.seed ?? CLUSTER_MAP_DEFAULTS.seed);
  const [x, y] = projectRows(pca, matrix, rows);
  return {
    rows,
    x,
    y,
    cluster: Int32Array.from(rows, (r) => labels[r]),
    explainedVarianceRatio: [pca.explainedVarianceRatio[0], pca.explainedVarianceRatio[1]],
    pca,
  };
}
