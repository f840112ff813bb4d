import { boundedCenters, SUMS_DELTA, SUMS_FULL } from '../../src/cluster/bounded-centers';

describe('boundedCenters', () => {
  test('appends half the distance to the nearest other center and the largest shift', () => {
    const ext = boundedCenters(Float64Array.of(0, 0, 3, 4, 0, 10), Float64Array.of(0, 1, 3, 4, 0, 10), 3, 2);
    expect(Array.from(ext)).toEqual([
      0,
      0,
      3,
      4,
      0,
      10,
      2.5,
      2.5,
      Math.sqrt(9 + 36) / 2,
      1,
      0,
      0,
      1,
      SUMS_FULL,
    ]);
    expect(boundedCenters(Float64Array.of(0, 1), undefined, 2, 1, SUMS_DELTA)[7]).toBe(SUMS_DELTA);
  });
});
