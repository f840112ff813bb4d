import { aucBootstrapInterval, quantileOfSorted } from '../../../src/model/metrics/bootstrap';
import { rocAuc } from '../../../src/model/metrics/roc';
import { createRandom } from '../../../src/util/random';

function noisyCase(n: number, seed: number): { labels: Uint8Array; scores: Float64Array } {
  const rng = createRandom(seed);
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rng.next() < 0.4 ? 1 : 0;
    scores[i] = labels[i] + rng.normal();
  }
  return { labels, scores };
}

test('the interval brackets the AUC, is reproducible with a seed and narrows with more rows', () => {
  const small = noisyCase(300, 1);
  const a = aucBootstrapInterval(small.labels, small.scores, { replicates: 100, seed: 7 });
  const b = aucBootstrapInterval(small.labels, small.scores, { replicates: 100, seed: 7 });
  expect(a).toEqual(b);
  expect(a.auc).toBeCloseTo(rocAuc(small.labels, small.scores), 12);
  expect(a.lower).toBeLessThan(a.auc);
  expect(a.upper).toBeGreaterThan(a.auc);
  const big = noisyCase(5000, 1);
  const c = aucBootstrapInterval(big.labels, big.scores, { replicates: 100, seed: 7 });
  expect(c.upper - c.lower).toBeLessThan((a.upper - a.lower) / 2);
  // Binormal with unit shift: AUC = Φ(1/√2) ≈ 0.760; the 95% interval on 5000 rows should contain it.
  expect(c.lower).toBeLessThan(0.7602);
  expect(c.upper).toBeGreaterThan(0.7602);
});

test('quantiles interpolate linearly like numpy', () => {
  expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  expect(quantileOfSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
});
