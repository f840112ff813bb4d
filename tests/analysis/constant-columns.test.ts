import { DuckDBInstance } from '@duckdb/node-api';
import { constantColumns, constantColumnsSql } from '../../src/analysis';
import type { TrackTable } from '../../src/data/schema';

const table = (numeric: TrackTable['numeric'], length: number): TrackTable => ({
  length,
  numeric,
  text: {},
  lists: {},
});

test('constant and single-valued columns are found, with the value; absent ones are not listed', () => {
  const t = table(
    {
      instrumentalness: Float64Array.from([0, 0, 0]),
      energy: Float64Array.from([0.1, 0.5, 0.9]),
      tempo: Float64Array.from([NaN, 120, 120]),
    },
    3,
  );
  expect(constantColumns(t, ['instrumentalness', 'energy', 'tempo', 'valence'])).toEqual({
    instrumentalness: 'constant (every value 0)',
    tempo: 'constant (every value 120)',
  });
  expect(constantColumns(table({ energy: Float64Array.from([0.3]) }, 1), ['energy'])).toEqual({
    energy: 'single-valued (one track)',
  });
});

test('the SQL twin agrees', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES (0.0, 0.1, NULL), (0.0, 0.5, 120.0), (0.0, 0.9, 120.0)) v(instrumentalness, energy, tempo)`,
    );
    expect(await constantColumnsSql(c, 't', ['instrumentalness', 'energy', 'tempo'])).toEqual({
      instrumentalness: 'constant (every value 0)',
      tempo: 'constant (every value 120)',
    });
    expect(await constantColumnsSql(c, 't', [])).toEqual({});
  } finally {
    c.closeSync();
    instance.closeSync();
  }
});
