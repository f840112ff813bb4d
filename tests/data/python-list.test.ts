import { DuckDBInstance } from '@duckdb/node-api';
import {
  nameListSql,
  parseNameList,
  plainListNamesSql,
  plainListSql,
  quotedElementsSql,
} from '../../src/data/python-list';
import { createRandom } from '../../src/util/random';

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

/** Python's repr of a str: single quotes unless the text holds ' and no ", backslash escapes otherwise. */
function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/**
 * Cells for the plain-list fast path: repr-written lists of names drawn from characters that break naive
 * splitting (quotes, backslash, ', ' inside a name, brackets, spaces, a combining accent right after a quote,
 * newline), plus hand-written near misses the fast pattern must refuse.
 */
function fastPathCells(): string[] {
  const random = createRandom(7);
  const pieces = ['a', 'B', ' ', ',', ', ', "'", '"', '\\', '[', ']', 'é', '\u0301', '\n', 'ß', '😀', ''];
  const cells: string[] = [];
  for (let k = 0; k < 400; k++) {
    const names = Array.from({ length: random.int(4) }, () =>
      Array.from({ length: random.int(5) }, () => pieces[random.int(pieces.length)]).join(''),
    );
    cells.push(`[${names.map(pythonRepr).join(', ')}]`);
  }
  return cells.concat([
    "['a'b']",
    "['a', 'b'",
    "['a','b']",
    "['a',  'b']",
    " ['a']",
    "['a'] ",
    "['a'], ['b']",
    "['']",
    "['', '']",
    "[', ']",
    "['Tyler, The Creator']",
    "['\u0301b', 'c\u0301']",
    "['x', 'y', ]",
    "['x'z, 'y']",
  ]);
}

describe('the plain-list fast path of nameListSql', () => {
  test('gives what the general branch gives on every cell it takes, and takes the plain ones', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const cells = fastPathCells();
      await connection.run('CREATE TABLE cells (i INTEGER, cell VARCHAR)');
      const appender = await connection.createAppender('cells');
      cells.forEach((cell, i) => {
        appender.appendInteger(i);
        appender.appendVarchar(cell);
        appender.endRow();
      });
      appender.closeSync();
      const result = await connection.runAndReadAll(
        `SELECT i, ${plainListSql('cell')}, ${plainListNamesSql('cell')}, ${quotedElementsSql('cell')}, ` +
          `${nameListSql('cell')} FROM cells ORDER BY i`,
      );
      let fast = 0;
      for (const [i, plain, names, general, chosen] of result.getRowsJS() as [
        number,
        boolean,
        string[],
        string[],
        string[],
      ][]) {
        const cell = cells[i];
        // The reference parser agrees with the SQL whatever branch is taken.
        expect([cell, chosen]).toEqual([cell, parseNameList(cell)]);
        if (!plain) continue;
        fast++;
        expect([cell, names]).toEqual([cell, general]);
      }
      // The cells written without quote or backslash in any name must take the fast path.
      const plainByEye = cells.filter((c) => /^\['[^'"\\]*'(, '[^'"\\]*')*\]$/.test(c)).length;
      expect(fast).toBe(plainByEye);
      expect(fast).toBeGreaterThan(50);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
