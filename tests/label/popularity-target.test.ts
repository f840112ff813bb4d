import { popularityTarget, quantileSorted } from '../../src/label/popularity-target';
import type { TrackTable } from '../../src/data/schema';

describe('popularityTarget', () => {
  it('interpolates quantiles like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25, 12); // np.quantile([1,2,3,4], .75)
    expect(quantileSorted([5], 0.75)).toBe(5);
  });

  it('labels tracks above their own year’s quantile and reports the base rate', () => {
    const table: TrackTable = {
      length: 9,
      numeric: {
        year: Float64Array.from([2000, 2000, 2000, 2000, 2010, 2010, 2010, 2010, 1930]),
        popularity: Float64Array.from([10, 20, 30, 40, 50, 60, 70, 80, 0]),
      },
      text: {},
      lists: {},
    };
    const result = popularityTarget(table);
    // 2000: threshold 32.5 → only 40; 2010: 72.5 → only 80; 1930: one track at its own threshold → none.
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
    expect(result.years).toEqual([1930, 2000, 2010]);
    expect(result.thresholds).toEqual([0, 32.5, 72.5]);
    expect(result.counts).toEqual([1, 4, 4]);
    expect(result.baseRate).toBeCloseTo(2 / 9, 12);
    expect(Array.from(popularityTarget(table, { quantile: 0.5 }).labels)).toEqual([
      0, 0, 1, 1, 0, 0, 1, 1, 0,
    ]);
  });

  it('errors clearly without popularity, on NaN, and on a bad quantile', () => {
    const noPopularity: TrackTable = {
      length: 2,
      numeric: { year: Float64Array.from([2000, 2001]) },
      text: {},
      lists: {},
    };
    expect(() => popularityTarget(noPopularity)).toThrow(/no 'popularity' column/);
    const holed: TrackTable = {
      length: 2,
      numeric: { year: Float64Array.from([2000, 2001]), popularity: Float64Array.from([3, NaN]) },
      text: {},
      lists: {},
    };
    expect(() => popularityTarget(holed)).toThrow(/'popularity' has a missing/);
    expect(() => popularityTarget(holed, { quantile: 1 })).toThrow(/\(0, 1\)/);
  });
});
