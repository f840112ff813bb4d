import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { putTempTable } from '../../src/pipeline/temp-table';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const rowsOf = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS();

test('every type comes back with its values, in row order, across many 2,048-row chunks', async () => {
  const n = 5000;
  const moods = ['Calm', 'Party', "it's 'quoted'", 'Ünïcode', ''];
  await putTempTable(connection, 'steps', [
    { name: 'row', type: 'INTEGER', values: Int32Array.from({ length: n }, (_, i) => i) },
    { name: 'score', type: 'DOUBLE', values: Float32Array.from({ length: n }, (_, i) => i / 7) },
    { name: 'test', type: 'BOOLEAN', values: Array.from({ length: n }, (_, i) => i % 3 === 0) },
    { name: 'mood', type: 'VARCHAR', values: Array.from({ length: n }, (_, i) => moods[(i * 7) % 5]) },
    { name: 'label', type: 'INTEGER', values: Array.from({ length: n }, (_, i) => (i % 2 ? -i : i)) },
  ]);
  const types = await rowsOf(`SELECT column_name, column_type FROM (DESCRIBE steps)`);
  expect(types.map((t) => `${t.column_name} ${t.column_type}`)).toEqual([
    'row INTEGER',
    'score DOUBLE',
    'test BOOLEAN',
    'mood VARCHAR',
    'label INTEGER',
  ]);
  const rows = await rowsOf('SELECT * FROM steps');
  expect(rows).toHaveLength(n);
  rows.forEach((r, i) => {
    expect(r).toEqual({
      row: i,
      score: Math.fround(i / 7),
      test: i % 3 === 0,
      mood: moods[(i * 7) % 5],
      label: i % 2 ? -i : i,
    });
  });
});

test('a second put replaces the table; no staging table is left behind', async () => {
  await putTempTable(connection, 'again', [{ name: 'x', type: 'INTEGER', values: [1, 2, 3] }]);
  await putTempTable(connection, 'again', [{ name: 'y', type: 'DOUBLE', values: [0.5] }]);
  expect(await rowsOf('SELECT * FROM again')).toEqual([{ y: 0.5 }]);
  const tables = await rowsOf(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%staging%'`);
  expect(tables).toEqual([]);
});

test('an empty table, and the errors: unequal lengths, a non-integer INTEGER, no columns', async () => {
  await putTempTable(connection, 'empty', [{ name: 'x', type: 'DOUBLE', values: [] }]);
  expect(await rowsOf('SELECT count(*)::INTEGER AS n FROM empty')).toEqual([{ n: 0 }]);
  await expect(
    putTempTable(connection, 't', [
      { name: 'a', type: 'INTEGER', values: [1, 2] },
      { name: 'b', type: 'INTEGER', values: [1] },
    ]),
  ).rejects.toThrow('putTempTable t: column b has 1 values, expected 2');
  await expect(
    putTempTable(connection, 't', [{ name: 'a', type: 'INTEGER', values: [1, 2.5] }]),
  ).rejects.toThrow('column a: value 2.5 (row 1) is not a 32-bit integer');
  await expect(putTempTable(connection, 't', [])).rejects.toThrow('putTempTable t: no columns');
});

test('text with more distinct values than a list literal should hold is written item by item, in order', async () => {
  const n = 12_345;
  const names = Array.from({ length: n }, (_, i) => `track "${i}" — ${i % 11}`);
  await putTempTable(connection, 'names', [{ name: 'name', type: 'VARCHAR', values: names }]);
  const rows = await rowsOf('SELECT name FROM names');
  expect(rows.map((r) => r.name)).toEqual(names);
});
