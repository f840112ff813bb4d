import { meanColumnVariance } from '../../src/cluster/column-variance';
import { uniformMatrix } from './blobs';

describe('meanColumnVariance', () => {
  test('averages the population variances of the columns, checked by hand', () => {
    // columns [1, 3] (variance 1) and [0, 4] (variance 4)
    expect(meanColumnVariance({ values: Float64Array.of(1, 0, 3, 4), rows: 2, cols: 2 })).toBe(2.5);
  });

  test('equals the plain column-by-column loops bit for bit, generated or looped', () => {
    for (const cols of [1, 9, 70]) {
      const m = uniformMatrix(500, cols, cols);
      let expected = 0;
      for (let j = 0; j < cols; j++) {
        let mean = 0;
        for (let i = 0; i < m.rows; i++) mean += m.values[i * cols + j];
        mean /= m.rows;
        let variance = 0;
        for (let i = 0; i < m.rows; i++)
          variance += (m.values[i * cols + j] - mean) * (m.values[i * cols + j] - mean);
        expected += variance / m.rows;
      }
      expect(meanColumnVariance(m)).toBe(expected / cols);
    }
  });

  test('a NaN or an infinity anywhere makes it non-finite (the caller then names the value)', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(
        Number.isFinite(meanColumnVariance({ values: Float64Array.of(1, 2, bad, 4), rows: 2, cols: 2 })),
      ).toBe(false);
    }
  });
});
