import { promotionLabels } from '../../src/label/promotion-rule';
import type { TrackTable } from '../../src/data/schema';

const table: TrackTable = {
  length: 6,
  numeric: {
    valence: Float64Array.from([0.7, 0.7, 0.6, 0.1, 0.9, 0.2]),
    energy: Float64Array.from([0.7, 0.5, 0.9, 0.1, 0.61, 0.2]),
    danceability: Float64Array.from([0.1, 0.1, 0.1, 0.8, 0.75, 0.2]),
  },
  text: {},
  lists: {},
};

describe('promotionLabels', () => {
  it('applies the rule with strict thresholds', () => {
    const result = promotionLabels(table, { flipRate: 0 });
    expect(Array.from(result.ruleLabels)).toEqual([1, 0, 0, 1, 1, 0]);
    expect(Array.from(result.labels)).toEqual(Array.from(result.ruleLabels));
    expect(result.ruleBaseRate).toBe(0.5);
    expect(result.flipped).toHaveLength(0);
  });

  it('flips exactly round(flipRate · n) seeded rows, reproducibly', () => {
    const a = promotionLabels(table, { flipRate: 1 / 3, seed: 7 });
    expect(a.flipped).toHaveLength(2);
    for (let i = 0; i < 6; i++) {
      const wasFlipped = a.flipped.includes(i);
      expect(a.labels[i]).toBe(wasFlipped ? 1 - a.ruleLabels[i] : a.ruleLabels[i]);
    }
    expect(Array.from(promotionLabels(table, { flipRate: 1 / 3, seed: 7 }).flipped)).toEqual(
      Array.from(a.flipped),
    );
    const others = [1, 2, 3, 4, 5].map((seed) =>
      Array.from(promotionLabels(table, { flipRate: 1 / 3, seed }).flipped).join(),
    );
    expect(new Set(others).size).toBeGreaterThan(1);
    expect(a.labelBaseRate).toBeCloseTo(a.labels.reduce((s, x) => s + x, 0) / 6, 12);
    expect(a.rule).toMatch(/2 of 6 labels/);
  });

  it('takes thresholds as options', () => {
    expect(Array.from(promotionLabels(table, { flipRate: 0, danceabilityAbove: 0.7 }).ruleLabels)).toEqual([
      1, 0, 0, 1, 1, 0,
    ]);
    expect(
      Array.from(promotionLabels(table, { flipRate: 0, valenceAbove: 0.5, energyAbove: 0.5 }).ruleLabels),
    ).toEqual([1, 0, 1, 1, 1, 0]);
  });

  it('refuses NaN features, an empty table and a flip rate of 0.5 or more', () => {
    const holed = {
      ...table,
      numeric: { ...table.numeric, energy: Float64Array.from([0.1, NaN, 0, 0, 0, 0]) },
    };
    expect(() => promotionLabels(holed)).toThrow(/'energy' has a missing \(NaN\) value at row 1/);
    expect(() => promotionLabels({ length: 0, numeric: {}, text: {}, lists: {} })).toThrow(/empty/);
    expect(() => promotionLabels(table, { flipRate: 0.5 })).toThrow(/\[0, 0.5\)/);
  });
});
