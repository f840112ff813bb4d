import { DuckDBInstance } from '@duckdb/node-api';
import {
  blankDescriptiveSql,
  DESCRIPTIVE_NUMERIC,
  dropReasonSql,
  firstBrokenRuleSql,
} from '../../src/data/clean';
import { BOUNDS, NumericColumn } from '../../src/data/schema';
import { createRandom } from '../../src/util/random';

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

describe('dropReasonSql', () => {
  test('gives the first broken rule on every row, as the rule list alone does', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const numeric = Object.keys(BOUNDS) as NumericColumn[];
      // Values at and around each column's bounds, zero, NULL and the non-finite ones.
      const values = (c: NumericColumn) => {
        const [lo, hi] = BOUNDS[c]!;
        return [
          'NULL',
          "'NaN'",
          "'Infinity'",
          "'-Infinity'",
          '0',
          '-0.0',
          lo,
          hi,
          lo - 0.5,
          hi + 0.5,
          (lo + hi) / 2,
          1,
        ];
      };
      const random = createRandom(11);
      const texts = ["''", 'NULL', "'x'", "' '"];
      const rows: string[] = [];
      for (let k = 0; k < 4000; k++) {
        // Mostly valid rows, so the kept test is TRUE often, with one or two values drawn from everything.
        const cells = numeric.map((c) => {
          const [lo, hi] = BOUNDS[c]!;
          const all = values(c);
          return random.next() < 0.1 ? String(all[random.int(all.length)]) : String((lo + hi) / 2 || 1);
        });
        const text = () => (random.next() < 0.1 ? texts[random.int(texts.length)] : "'x'");
        rows.push(`(${[text(), text(), ...cells.map((v) => `${v}::DOUBLE`)].join(', ')})`);
      }
      await connection.run(
        `CREATE TABLE t AS SELECT * FROM (VALUES ${rows.join(', ')}) v(name, album, ${numeric.join(', ')})`,
      );
      for (const input of [
        { text: ['name', 'album'] as const, numeric },
        { text: [] as const, numeric: numeric.filter((c) => c !== 'year' && c !== 'key') },
      ]) {
        const result = await connection.runAndReadAll(
          `SELECT ${dropReasonSql(input)} AS got, ${firstBrokenRuleSql(input)} AS want FROM t`,
        );
        const pairs = result.getRowsJS() as [string | null, string | null][];
        const differing = pairs.filter(([got, want]) => got !== want);
        expect(differing).toEqual([]);
        const kept = pairs.filter(([, want]) => want === null).length;
        expect(kept).toBeGreaterThan(100);
        expect(pairs.length - kept).toBeGreaterThan(100);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
