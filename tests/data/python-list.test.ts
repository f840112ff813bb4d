import { DuckDBInstance } from '@duckdb/node-api';
import { nameListSql, parseNameList } from '../../src/data/python-list';

const CASES: [string | null, string[]][] = [
  ["['A', 'B']", ['A', 'B']],
  ['["Guns N\' Roses"]', ["Guns N' Roses"]],
  ["['Earth, Wind & Fire', 'X']", ['Earth, Wind & Fire', 'X']],
  ["['It\\'s \"x\"']", ['It\'s "x"']],
  ["[\"Guns N' Roses\", 'Slash']", ["Guns N' Roses", 'Slash']],
  ["['back\\\\slash']", ['back\\slash']],
  ['[]', []],
  ['Coldplay', ['Coldplay']],
  ['Simon, Garfunkel', ['Simon, Garfunkel']],
  ['', []],
  [null, []],
];

describe('parseNameList', () => {
  test.each(CASES)('%s', (cell, expected) => {
    expect(parseNameList(cell)).toEqual(expected);
  });
});

describe('nameListSql agrees with parseNameList', () => {
  test('on every case', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const [cell, expected] of CASES) {
        const value = cell === null ? 'NULL::VARCHAR' : `'${cell.replace(/'/g, "''")}'`;
        const result = await connection.runAndReadAll(`SELECT ${nameListSql(`(${value})`)}`);
        expect([cell, result.getRowsJS()[0][0]]).toEqual([cell, expected]);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
