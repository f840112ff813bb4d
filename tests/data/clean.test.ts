import { DuckDBInstance } from '@duckdb/node-api';
import { blankDescriptiveSql, DESCRIPTIVE_NUMERIC } from '../../src/data/clean';

describe('blankDescriptiveSql', () => {
  test('names the empty descriptive columns of each row, as concat_ws over all of them would', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      // Every pattern of NULLs over the five descriptive columns, plus one analysed column that must not count.
      const columns = [...DESCRIPTIVE_NUMERIC, 'tempo'] as const;
      const rows = Array.from({ length: 2 ** columns.length }, (_, bits) =>
        columns.map((_, j) => (bits & (1 << j) ? 'NULL' : '1.0')).join(', '),
      );
      await connection.run(
        `CREATE TABLE t AS SELECT * FROM (VALUES (${rows.join('), (')})) v(${columns.join(', ')})`,
      );
      const sql = blankDescriptiveSql({ text: [], numeric: [...columns] });
      const oracle = `concat_ws(',', ${DESCRIPTIVE_NUMERIC.map((c) => `CASE WHEN ${c} IS NULL THEN '${c}' END`).join(', ')})`;
      const result = await connection.runAndReadAll(`SELECT ${sql} AS got, ${oracle} AS want FROM t`);
      const pairs = result.getRowsJS() as [string, string][];
      expect(pairs).toHaveLength(64);
      for (const [got, want] of pairs) expect(got).toBe(want);
      expect(pairs.map(([got]) => got)).toContain('key,mode');
      expect(pairs.map(([got]) => got)).toContain('');
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
