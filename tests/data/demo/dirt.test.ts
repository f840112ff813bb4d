import { dirtAt, dirtCountsFor, planDirt } from '../../../src/data/demo/dirt';
import { REAL_DIRT_COUNTS, REAL_ROW_COUNT } from '../../../src/data/demo/rates';

describe('dirtCountsFor', () => {
  it('gives the real counts for a file of the real size', () => {
    expect(dirtCountsFor(REAL_ROW_COUNT)).toEqual(REAL_DIRT_COUNTS);
  });

  it('scales with rows, rounding up so small files still hold each kind', () => {
    expect(dirtCountsFor(50_000)).toEqual({ emptyName: 1, emptyAlbum: 1, yearZero: 1, tempoZero: 116 });
  });
});

describe('planDirt', () => {
  it('marks exactly the planned rows, without overlaps, the same way for the same seed', () => {
    const plan = planDirt(10_000, 5);
    const again = planDirt(10_000, 5);
    expect(Array.from(again.kindByRow)).toEqual(Array.from(plan.kindByRow));
    const tally: Record<string, number> = {};
    for (let row = 0; row < 10_000; row++) {
      const kind = dirtAt(plan, row);
      if (kind) tally[kind] = (tally[kind] ?? 0) + 1;
    }
    expect(tally).toEqual(plan.counts);
    expect(plan.counts).toEqual(dirtCountsFor(10_000));
    expect(Array.from(planDirt(10_000, 6).kindByRow)).not.toEqual(Array.from(plan.kindByRow));
  });

  it('plans a clean file when disabled, and never more dirt than rows', () => {
    expect(planDirt(100, 1, false).counts).toEqual({
      emptyName: 0,
      emptyAlbum: 0,
      yearZero: 0,
      tempoZero: 0,
    });
    const tiny = planDirt(2, 1);
    expect(Object.values(tiny.counts).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
