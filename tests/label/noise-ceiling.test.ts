import { noiseCeiling, realizedCeiling } from '../../src/label/noise-ceiling';
import { promotionLabels } from '../../src/label/promotion-rule';
import { createRandom } from '../../src/util/random';

describe('noiseCeiling', () => {
  it("reproduces the original app's table from 5% flips and 26.3% positives", () => {
    const c = noiseCeiling({ flipRate: 0.05, noisyPositiveRate: 0.263 });
    expect(c.auc).toBeCloseTo(0.919, 3);
    expect(c.precision).toBeCloseTo(0.95, 12);
    expect(c.recall).toBeCloseTo(0.855, 3);
    expect(c.f1).toBeCloseTo(0.9, 3);
    expect(c.rulePositiveRate).toBeCloseTo(0.213 / 0.9, 12);
  });

  it('is perfect without flips and agrees whichever base rate is given', () => {
    const clean = noiseCeiling({ flipRate: 0, rulePositiveRate: 0.3 });
    expect([clean.auc, clean.precision, clean.recall, clean.f1]).toEqual([1, 1, 1, 1]);
    const a = noiseCeiling({ flipRate: 0.1, rulePositiveRate: 0.4 });
    const b = noiseCeiling({ flipRate: 0.1, noisyPositiveRate: a.noisyPositiveRate });
    expect(b.auc).toBeCloseTo(a.auc, 12);
    expect(b.recall).toBeCloseTo(a.recall, 12);
  });

  it('refuses impossible inputs', () => {
    expect(() => noiseCeiling({ flipRate: 0.5, rulePositiveRate: 0.3 })).toThrow(/\[0, 0.5\)/);
    expect(() => noiseCeiling({ flipRate: 0.05, rulePositiveRate: 0 })).toThrow(/\(0, 1\)/);
    expect(() => noiseCeiling({ flipRate: 0.05, noisyPositiveRate: 0.03 })).toThrow(/\(0.05, 0.95\)/);
  });

  it('matches a seeded simulation of 200k rows with independent flips (26.3% case)', () => {
    const n = 200_000;
    const target = noiseCeiling({ flipRate: 0.05, noisyPositiveRate: 0.263 });
    const rng = createRandom(2024);
    const rule = new Uint8Array(n);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      rule[i] = rng.next() < target.rulePositiveRate ? 1 : 0;
      labels[i] = rng.next() < 0.05 ? 1 - rule[i] : rule[i];
    }
    const seen = realizedCeiling(rule, labels);
    for (const key of ['auc', 'precision', 'recall', 'f1', 'noisyPositiveRate'] as const) {
      expect(Math.abs(seen[key] - target[key])).toBeLessThan(0.006);
    }
  });

  it("matches the seeded rule labels' own realized ceiling (exact-count flips, 60k uniform tracks)", () => {
    const n = 60_000;
    const rng = createRandom(99);
    const unit = () => Float64Array.from({ length: n }, () => rng.next());
    const table = {
      length: n,
      numeric: { valence: unit(), energy: unit(), danceability: unit() },
      text: {},
      lists: {},
    };
    const result = promotionLabels(table, { seed: 5 });
    // Uniform features: π = 1 − (1 − 0.4·0.4)(1 − 0.25) = 0.37.
    expect(result.ruleBaseRate).toBeCloseTo(0.37, 2);
    const target = noiseCeiling({ flipRate: result.flipRate, rulePositiveRate: result.ruleBaseRate });
    const seen = realizedCeiling(result.ruleLabels, result.labels);
    for (const key of ['auc', 'precision', 'recall', 'f1'] as const) {
      expect(Math.abs(seen[key] - target[key])).toBeLessThan(0.006);
    }
    expect(seen.flipRate).toBe(0.05);
  });
});
