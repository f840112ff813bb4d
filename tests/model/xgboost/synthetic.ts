/** Small seeded binary-classification data whose signal is known: y depends on f0 and on f1·f2. */
import type { DenseMatrix } from '../../../src/model/xgboost';
import { createRandom } from '../../../src/util/random';

export function syntheticBinary(
  rows: number,
  cols: number,
  seed: number,
  missingRate = 0.05,
): DenseMatrix & { labels: Float32Array } {
  const rng = createRandom(seed);
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = rng.next() < missingRate ? NaN : rng.normal();
  const labels = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = (j: number): number => (Number.isNaN(data[r * cols + j]) ? 0 : data[r * cols + j]);
    labels[r] = x(0) + 0.8 * x(1) * x(2) + 0.5 * rng.normal() > 0 ? 1 : 0;
  }
  return { data, rows, cols, labels };
}

export const HIST_LOGISTIC = {
  objective: 'binary:logistic',
  tree_method: 'hist',
  max_depth: 4,
  eta: 0.3,
} as const;
