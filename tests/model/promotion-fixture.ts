/** A small seeded table with the original app's rule as labels (plus a few flips), for training tests. */
import { MODEL_FEATURES, UNIT_FEATURES, type NumericColumn, type TrackTable } from '../../src/data/schema';
import { createRandom } from '../../src/util/random';

export function promotionTable(
  n: number,
  seed = 3,
  flipRate = 0.05,
): { table: TrackTable; labels: Uint8Array } {
  const rng = createRandom(seed);
  const numeric: Partial<Record<NumericColumn, Float64Array>> = {};
  for (const f of MODEL_FEATURES) numeric[f] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (const f of UNIT_FEATURES) {
      numeric[f]![i] = rng.next();
    }
    numeric.loudness![i] = -30 + 30 * rng.next();
    numeric.tempo![i] = 60 + 120 * rng.next();
    numeric.duration_min![i] = 2 + 4 * rng.next();
    numeric.year![i] = 1960 + rng.int(60);
  }
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = numeric.danceability![i];
    const rule = (numeric.valence![i] > 0.6 && numeric.energy![i] > 0.6) || d > 0.75;
    labels[i] = (rng.next() < flipRate ? !rule : rule) ? 1 : 0;
  }
  const ids = Array.from({ length: n }, (_, i) => `t${i}`);
  return { table: { length: n, numeric, text: { id: ids }, lists: {} }, labels };
}
