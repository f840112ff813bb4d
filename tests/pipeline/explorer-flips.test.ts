/** The dashboard's Track Explorer sample holds flipped rows at about the flip rate, not all of them. */
import { UNIT_FEATURES, type TrackTable } from '../../src/data/schema';
import { explorerRows } from '../../src/pipeline/dashboard';
import { computeLabels } from '../../src/pipeline/steps/labels';
import { createRandom } from '../../src/util/random';

function table(n: number): TrackTable {
  const rng = createRandom(11);
  const column = (lo: number, hi: number) =>
    Float64Array.from({ length: n }, () => lo + rng.next() * (hi - lo));
  const numeric: TrackTable['numeric'] = {};
  for (const name of UNIT_FEATURES) numeric[name] = column(0, 1);
  numeric.loudness = column(-20, -2);
  numeric.tempo = column(70, 180);
  numeric.duration_min = column(2, 5);
  numeric.year = Float64Array.from({ length: n }, (_, i) => 1960 + (i % 60));
  return { length: n, numeric, text: {}, lists: {} };
}

test.each([
  [0.05, 42],
  [0.2, 7],
])("the explorer sample's share of flipped rows is near the flip rate %p (seed %p)", (flipRate, seed) => {
  const n = 50_000;
  const labels = computeLabels(table(n), { seed, flipRate });
  const flipped = new Set(labels.promotion.flipped);
  expect(flipped.size).toBe(Math.round(flipRate * n));
  const sample = explorerRows(n, seed);
  expect(sample.length).toBe(5000);
  const share = Array.from(sample).filter((r) => flipped.has(r)).length / sample.length;
  // Hypergeometric sd of the share: sqrt(p(1−p)/m · (N−m)/(N−1)) ≈ 0.003 at p = 0.05; allow 5 sd.
  const m = sample.length;
  const sd = Math.sqrt(((flipRate * (1 - flipRate)) / m) * ((n - m) / (n - 1)));
  expect(Math.abs(share - flipRate)).toBeLessThan(5 * sd);
});
