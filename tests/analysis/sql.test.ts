import { DuckDBInstance } from '@duckdb/node-api';
import { assertCleanRelation, numberOf, quoteIdentifier, quoteRelation } from '../../src/analysis/sql';

describe('sql helpers', () => {
  it('quotes identifiers and refuses relation names that are not plain names', () => {
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
    expect(quoteRelation('main.relation')).toBe('"main"."relation"');
    expect(() => quoteRelation('relation; DROP TABLE x')).toThrow(/table or view name/);
  });

  it('turns NULL into NaN and BIGINT into number', () => {
    expect(numberOf(null)).toBeNaN();
    expect(numberOf(3n)).toBe(3);
    expect(() => numberOf('3')).toThrow(/expected a number/);
  });

  it('checks columns, emptiness, NULL and NaN at the door', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES (1.0::DOUBLE, ['a'], true), ('nan'::DOUBLE, NULL, NULL)) v(x, artists, explicit)`,
    );
    await expect(assertCleanRelation(connection, 't', { numeric: ['x'] }, 'step')).rejects.toThrow(
      /step: column 'x' has 1 missing \(NULL\/NaN\)/,
    );
    await expect(assertCleanRelation(connection, 't', { other: ['explicit'] }, 'step')).rejects.toThrow(
      /'explicit' has 1 missing \(NULL\)/,
    );
    await expect(assertCleanRelation(connection, 't', { other: ['genre'] }, 'step')).rejects.toThrow(
      /no column 'genre'; it has: x, artists, explicit/,
    );
    await connection.run('DELETE FROM t WHERE isnan(x)');
    await expect(
      assertCleanRelation(connection, 't', { numeric: ['x'], other: ['artists', 'explicit'] }, 'step'),
    ).resolves.toBe(1);
    await connection.run('DELETE FROM t');
    await expect(assertCleanRelation(connection, 't', {}, 'step')).rejects.toThrow(/is empty/);
  });
});
