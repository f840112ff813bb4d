import { DuckDBDoubleVector, DuckDBInstance } from '@duckdb/node-api';
import { copyDoubles } from '../../src/data/copy-doubles';

describe('copyDoubles', () => {
  test('gives what getItem gives (NULL → NaN) on slices that start inside and on a validity word', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      // NULL on rows 70 and 200 only: some slices hold one, some none, so both of copyDoubles' paths run.
      const result = await connection.run(
        `SELECT CASE WHEN i IN (70, 200) THEN NULL ELSE i + 0.5 END::DOUBLE FROM range(300) r(i)`,
      );
      const whole = result.getChunk(0).getColumnVector(0);
      expect(whole).toBeInstanceOf(DuckDBDoubleVector);
      const slices: [number, number][] = [
        [0, 300],
        [0, 64],
        [1, 63],
        [63, 10],
        [64, 64],
        [65, 100],
        [70, 1],
        [71, 129],
        [190, 110],
      ];
      for (const [start, length] of slices) {
        const vector = (whole as DuckDBDoubleVector).slice(start, length);
        const out = new Float64Array(length + 3).fill(-1);
        copyDoubles(vector, out, 3);
        const want = Array.from({ length }, (_, i) => vector.getItem(i) ?? NaN);
        expect(Array.from(out.subarray(3))).toEqual(want);
        expect(Array.from(out.subarray(0, 3))).toEqual([-1, -1, -1]);
        const hasNull = (start <= 70 && 70 < start + length) || (start <= 200 && 200 < start + length);
        expect(vector.getValidity().allValid()).toBe(!hasNull);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
