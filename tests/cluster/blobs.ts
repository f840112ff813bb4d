/** Small seeded data sets whose clusters are known, for the cluster tests. */
import { createRandom } from '../../src/util/random';
import type { FeatureMatrix } from '../../src/cluster/feature-matrix';

/** `perBlob` rows around each center (rows in blob order), spread `sd`. */
export function blobs(centers: number[][], perBlob: number, sd: number, seed = 1): FeatureMatrix {
  const rng = createRandom(seed);
  const d = centers[0].length;
  const values = new Float64Array(centers.length * perBlob * d);
  centers.forEach((center, b) => {
    for (let i = 0; i < perBlob; i++) {
      const o = (b * perBlob + i) * d;
      for (let j = 0; j < d; j++) values[o + j] = center[j] + sd * rng.normal();
    }
  });
  return { values, rows: centers.length * perBlob, cols: d };
}

/** Uniform noise in [0, 1)^d: no real clusters, so Lloyd needs many steps. */
export function uniformMatrix(rows: number, d: number, seed = 2): FeatureMatrix {
  const rng = createRandom(seed);
  return { values: Float64Array.from({ length: rows * d }, () => rng.next()), rows, cols: d };
}

export const THREE_BLOB_CENTERS = [
  [0, 0, 0],
  [10, 0, 0],
  [0, 10, 5],
];
