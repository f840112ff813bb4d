import * as fs from 'fs';
import { countUtf8, decideEncoding, scanEncoding } from '../../src/data/text-encoding';
import { sniffFileKind } from '../../src/data/file-kind';
import { loadTracks } from '../../src/data/load';
import { csvText, row, writeFixture } from './fixtures';

test('UTF-8 facts: valid sequences, invalid bytes, C1 bytes', () => {
  expect(countUtf8(Buffer.from('Caf\u00e9 \u6771'))).toEqual({ invalid: 0, multibyte: 2, c1: 0 });
  expect(countUtf8(Buffer.from([0x44, 0x6f, 0x6e, 0x92, 0x74, 0xe9]))).toEqual({
    invalid: 2,
    multibyte: 0,
    c1: 1,
  });
});

test('the decision: valid → utf-8; mostly valid → utf-8 with replacements; else 1252 when C1 bytes, else latin-1', () => {
  expect(decideEncoding({ invalid: 0, multibyte: 0, c1: 0 }).encoding).toBe('utf-8');
  expect(decideEncoding({ invalid: 1, multibyte: 40, c1: 0 })).toEqual({
    encoding: 'utf-8',
    invalidBytes: 1,
  });
  expect(decideEncoding({ invalid: 5, multibyte: 0, c1: 2 }).encoding).toBe('windows-1252');
  expect(decideEncoding({ invalid: 5, multibyte: 0, c1: 0 }).encoding).toBe('latin-1');
});

test('scanEncoding streams past chunk boundaries and finds the line of the first bad byte', () => {
  const big = 'a,b\n'.repeat(2_000_000); // 8 MB of ASCII: two chunks
  const file = writeFixture(Buffer.concat([Buffer.from(big), Buffer.from('x\x92y\n', 'latin1')]));
  expect(scanEncoding(file)).toEqual({
    encoding: 'windows-1252',
    invalidBytes: 0,
    firstInvalidLine: 2_000_001,
  });
  fs.rmSync(file);
});

test('sniffFileKind', () => {
  expect(sniffFileKind(Buffer.from('PAR1xxxx'))).toEqual({ kind: 'parquet' });
  expect(sniffFileKind(Buffer.from([0x1f, 0x8b, 8, 0]))).toEqual({ kind: 'gzip' });
  expect(sniffFileKind(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({
    kind: 'text',
    bom: true,
    encoding: 'utf-16le',
  });
  expect(sniffFileKind(Buffer.from('a,b\n', 'utf16le'))).toEqual({
    kind: 'text',
    bom: false,
    encoding: 'utf-16le',
  });
  expect(sniffFileKind(Buffer.from('a,b\n1,2\n'))).toEqual({ kind: 'text', bom: false });
  expect(sniffFileKind(Buffer.from([0, 1, 2, 3, 200, 0, 0, 9])).kind).toBe('binary');
});

test('a Windows-1252 byte past the first 64 KiB: DuckDB meets it, the loader re-reads the whole file as 1252', async () => {
  const rows = Array.from({ length: 400 }, (_, i) => row({}, i + 1));
  rows.push(row({ name: 'Don\x92t' }, 401));
  const file = writeFixture(Buffer.from(csvText(rows), 'latin1'));
  const loaded = await loadTracks(file);
  try {
    expect([loaded.report.dialect?.encoding, loaded.rowCount, loaded.report.rowsRejected]).toEqual([
      'windows-1252',
      401,
      0,
    ]);
    const last = (
      await loaded.connection.runAndReadAll(`SELECT name FROM tracks WHERE id = 'id401'`)
    ).getRows();
    expect(last[0][0]).toBe('Don\u2019t');
  } finally {
    loaded.close();
  }
});

test('a UTF-8 byte-order mark on a Windows-1252 / latin-1 file is dropped, not read as "ï»¿" in the first name', async () => {
  // Seen on a public Spotify CSV: EF BB BF, then text whose accented bytes are not UTF-8.
  for (const [byte, encoding] of [
    ['\x92', 'windows-1252'],
    ['\xe9', 'latin-1'],
  ] as const) {
    const text = 'energy,name,danceability,valence\n0.5,Caf' + byte + ',0.6,0.7\n0.4,B,0.3,0.2\n';
    const file = writeFixture(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'latin1')]));
    const loaded = await loadTracks(file);
    try {
      expect(loaded.report.dialect?.encoding).toBe(encoding);
      expect(loaded.report.columns[0]).toMatchObject({
        source: 'energy',
        status: 'mapped',
        target: 'energy',
      });
      const names = (
        await loaded.connection.runAndReadAll(`SELECT name FROM tracks ORDER BY energy DESC`)
      ).getRows();
      expect(names[0][0]).toBe(encoding === 'latin-1' ? 'Café' : 'Caf\u2019');
    } finally {
      loaded.close();
    }
  }
});
