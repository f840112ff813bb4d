import { DuckDBInstance } from '@duckdb/node-api';
import { readTrackTable } from '../../src/data/to-table';

/** Rows cross DuckDB's 2048-row chunks twice; NULLs sit on both sides of each boundary. */
const ROWS = 5000;
const NULL_ROWS = new Set([0, 2047, 2048, 2049, 4095, 4096, ROWS - 1]);

/** danceability's value on row i as the SQL below makes it: NULL, NaN, ±Infinity, -0 or i / 8. */
function danceability(i: number): number | null {
  if (NULL_ROWS.has(i)) return null;
  if (i % 1000 === 500) return NaN;
  if (i === 3) return Infinity;
  if (i === 5) return -Infinity;
  if (i === 7) return -0;
  return i / 8;
}

describe('readTrackTable numeric columns', () => {
  test('reads NULL as NaN and keeps NaN, ±Infinity and -0, across chunk boundaries, for DOUBLE and INTEGER', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const nulls = [...NULL_ROWS].join(', ');
      // A view, not a table: a table scan hands back NaN in a NULL double's slot, which would hide a missed NULL;
      // an expression leaves 0 there.
      await connection.run(`CREATE VIEW t AS SELECT
          CASE WHEN i IN (${nulls}) THEN NULL WHEN i % 1000 = 500 THEN 'nan'::DOUBLE
               WHEN i = 3 THEN 'inf'::DOUBLE WHEN i = 5 THEN '-inf'::DOUBLE WHEN i = 7 THEN -0.0::DOUBLE
               ELSE i / 8 END AS danceability,
          NULL::DOUBLE AS energy,
          (i * 3)::DOUBLE AS tempo,
          CASE WHEN i % 7 = 0 THEN NULL ELSE i % 12 END::INTEGER AS key
        FROM range(${ROWS}) r(i)`);
      const table = await readTrackTable(connection, 't', ['danceability', 'energy', 'tempo', 'key']);
      expect(table.length).toBe(ROWS);
      const { danceability: got, energy, tempo, key } = table.numeric;
      for (let i = 0; i < ROWS; i++) {
        const want = danceability(i);
        // Object.is tells -0 from 0 and NaN from a number.
        if (!Object.is(got![i], want === null ? NaN : want))
          throw new Error(`danceability row ${i}: ${got![i]} ≠ ${want}`);
        if (!Number.isNaN(energy![i])) throw new Error(`energy row ${i}: ${energy![i]} is not NaN`);
        if (tempo![i] !== i * 3) throw new Error(`tempo row ${i}: ${tempo![i]}`);
        const wantKey = i % 7 === 0 ? NaN : i % 12;
        if (!Object.is(key![i], wantKey)) throw new Error(`key row ${i}: ${key![i]} ≠ ${wantKey}`);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
