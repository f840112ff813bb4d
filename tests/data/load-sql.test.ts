import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { numberSql, parsedNumberSql, spotifyIdSql, trimSql } from '../../src/data/load-sql';

/**
 * The loader's guarded expressions skip work on plain cells; each must give exactly what the unguarded
 * expression (the oracle here, as the loader wrote it before) gives, on cells chosen to break the guards.
 */
const SPACES = ['', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\u200b', '\ufeff'];
const CORES = [
  '',
  'abc',
  'é',
  'e\u0301',
  '1,234.5',
  '4:05',
  ' x ',
  'spotify:track:ID42',
  'spotify:album:',
  'https://open.spotify.com/track/ID?si=9',
  'http://open.spotify.com/artist/Q#frag',
  'a:b',
  'nan',
  '-inf',
  '1e3',
  '0x10',
  '4/4',
  '😀',
  'C#',
  'db',
  'Bb',
  'E',
  'e',
  'B',
  'Major',
  'minor',
  'inf',
  'Infinity',
  'NaN',
  '+5',
  '-1',
  '1e-3',
  '1_000',
  '4.0',
  '5/4',
  '1,0/4',
  '1.5e',
  '.5',
  '5.',
  '9',
];

function cells(): (string | null)[] {
  const out: (string | null)[] = [null];
  for (const core of CORES) for (const a of SPACES) for (const b of SPACES) out.push(`${a}${core}${b}`);
  return out;
}

async function withCells(run: (connection: DuckDBConnection) => Promise<void>): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE cells (cell VARCHAR)');
    const appender = await connection.createAppender('cells');
    for (const cell of cells()) {
      if (cell === null) appender.appendNull();
      else appender.appendVarchar(cell);
      appender.endRow();
    }
    appender.closeSync();
    await run(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function differing(connection: DuckDBConnection, a: string, b: string): Promise<unknown[]> {
  const result = await connection.runAndReadAll(
    `SELECT cell FROM cells WHERE (${a}) IS DISTINCT FROM (${b}) ORDER BY cell`,
  );
  return result.getRowsJS().map((r) => r[0]);
}

describe('guarded SQL expressions equal the unguarded ones', () => {
  test("DuckDB's trim removes no ASCII character but ' ' (what trimSql relies on)", async () => {
    await withCells(async (connection) => {
      const result = await connection.runAndReadAll(
        `SELECT list(c::INTEGER ORDER BY c) FROM range(0, 128) t(c) WHERE trim(chr(c::INTEGER) || 'a' || chr(c::INTEGER)) <> chr(c::INTEGER) || 'a' || chr(c::INTEGER)`,
      );
      expect(result.getRowsJS()[0][0]).toEqual([32]);
    });
  });

  test('trimSql', async () => {
    await withCells(async (connection) => {
      expect(await differing(connection, trimSql('cell'), 'trim(cell)')).toEqual([]);
    });
  });

  test('spotifyIdSql', async () => {
    await withCells(async (connection) => {
      const oracle = `regexp_replace(trim(cell), '^(spotify:[a-z]+:|https?://open\\.spotify\\.com/[a-z]+/)([^?#]*).*$', '\\2')`;
      expect(await differing(connection, spotifyIdSql('cell'), oracle)).toEqual([]);
    });
  });

  test('parsedNumberSql: key, mode, time signature', async () => {
    await withCells(async (connection) => {
      const number = (e: string) => `TRY_CAST(replace(trim(${e}), ',', '') AS DOUBLE)`;
      const pitches = Object.entries({ C: 0, 'C#': 1, DB: 1, D: 2, 'D#': 3, EB: 3, E: 4, F: 5, 'F#': 6 })
        .concat(Object.entries({ GB: 6, G: 7, 'G#': 8, AB: 8, A: 9, 'A#': 10, BB: 10, B: 11 }))
        .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
        .join(' ');
      const oracles: Record<string, string> = {
        key: `CASE upper(trim(cell)) ${pitches} ELSE ${number('cell')} END`,
        mode: `CASE lower(trim(cell)) WHEN 'major' THEN 1 WHEN 'minor' THEN 0 ELSE ${number('cell')} END`,
        time_signature: number(`split_part(cell, '/', 1)`),
      };
      for (const [target, oracle] of Object.entries(oracles))
        expect([target, await differing(connection, parsedNumberSql(target, 'cell'), oracle)]).toEqual([
          target,
          [],
        ]);
    });
  });

  test('numberSql', async () => {
    await withCells(async (connection) => {
      const oracle = `TRY_CAST(replace(trim(cell), ',', '') AS DOUBLE)`;
      expect(await differing(connection, numberSql('cell'), oracle)).toEqual([]);
    });
  });
});
