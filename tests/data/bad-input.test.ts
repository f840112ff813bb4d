/** The "Bad input" list: each case gets a located DataError or a counted rejection, never a silent loss. */
import { loadTracks } from '../../src/data/load';
import { DataError } from '../../src/data/errors';
import { LoadReport } from '../../src/data/load-report';
import { RAW_COLUMNS } from '../../src/data/schema';
import { csvText, row, tempDir, writeFixture } from './fixtures';

async function report(file: string, options = {}): Promise<LoadReport> {
  const loaded = await loadTracks(file, options);
  loaded.close();
  return loaded.report;
}

async function dataError(file: string, options = {}): Promise<DataError> {
  try {
    (await loadTracks(file, options)).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

const header = RAW_COLUMNS.join(',');

test('a file that does not exist', async () => {
  const error = await dataError('/nonexistent/tracks.csv');
  expect(error.message).toMatch(/file not found/);
  expect(error.file).toBe('/nonexistent/tracks.csv');
});

test('a directory instead of a file', async () => {
  expect((await dataError(tempDir())).message).toMatch(/is a directory/);
});

test('an empty file', async () => {
  const error = await dataError(writeFixture(''));
  expect(error.message).toMatch(/empty/);
  expect(error.line).toBe(1);
});

test('header only', async () => {
  const error = await dataError(writeFixture(`${header}\n`));
  expect(error.message).toMatch(/no data rows/);
  expect(error.line).toBe(2);
});

test('semicolon delimiter is detected; a forced wrong delimiter names the problem', async () => {
  const text = csvText([row({}, 1), row({}, 2)]).replace(/,/g, ';');
  const r = await report(writeFixture(text));
  expect([r.dialect?.delimiter, r.rowsKept]).toEqual([';', 2]);
  expect((await dataError(writeFixture(text), { delimiter: ',' })).message).toMatch(
    /only one column.*delimiter/,
  );
});

test('BOM and CRLF', async () => {
  const file = writeFixture(
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText([row({}, 1), row({}, 2)], '\r\n'))]),
  );
  const r = await report(file);
  expect([r.dialect?.bom, r.dialect?.newline, r.rowsKept, r.rowsRejected]).toEqual([true, 'CRLF', 2, 0]);
  expect(r.mapped[0]).toEqual({ column: 'id', source: 'id' });
});

test('latin-1 bytes: re-read as latin-1, noted, nothing lost', async () => {
  const text = csvText([row({ name: 'Caf\u00e9' }, 1), row({}, 2)]);
  const loaded = await loadTracks(writeFixture(Buffer.from(text, 'latin1')));
  const names = (await loaded.connection.runAndReadAll(`SELECT name FROM tracks ORDER BY name`))
    .getRowsJS()
    .flat();
  loaded.close();
  expect(names).toEqual(['Café', 'Song 2']);
  expect(loaded.report.dialect?.encoding).toBe('latin-1');
  expect(loaded.report.notes.join()).toMatch(/not valid UTF-8.*line 2/);
});

test('a truncated last line is a counted rejection with its line', async () => {
  const text = csvText([row({}, 1), row({}, 2)]) + 'id3,Song 3,Album';
  const r = await report(writeFixture(text));
  expect([r.rowsRead, r.rowsKept, r.rowsRejected]).toEqual([3, 2, 1]);
  expect(r.rejectExamples[0]).toMatchObject({ line: 4, errorType: 'MISSING COLUMNS' });
});

test('a 10 MB field is a counted rejection, the other rows load', async () => {
  const text = csvText([row({}, 1), row({ name: 'x'.repeat(10 * 1024 * 1024) }, 2), row({}, 3)]);
  const r = await report(writeFixture(text));
  expect([r.rowsKept, r.rowsRejected]).toEqual([2, 1]);
  expect(r.rejectExamples[0].line).toBe(3);
  expect(r.rejectExamples[0].errorType).toMatch(/LINE SIZE/);
});

test('no name or id column: one error saying what is needed', async () => {
  const text = csvText([row({}, 1)])
    .replace(/^id,name,/, 'ident,title_x,')
    .replace(/^(.*)$/m, '$1');
  const error = await dataError(writeFixture(text));
  expect(error.message).toMatch(/no track name or id column/);
  expect(error.message).toContain('Found columns: ident, title_x, album');
  expect(error.line).toBe(1);
});

test('extra columns are reported and ignored', async () => {
  const text = csvText([row({}, 1)])
    .replace(/\n/g, ',extra\n')
    .replace(/^(.*?),extra/, '$1,liked');
  const r = await report(writeFixture(text));
  expect([r.extra, r.rowsKept]).toEqual([['liked'], 1]);
});

test('non-numeric in a numeric column: rejected with line and column', async () => {
  const r = await report(writeFixture(csvText([row({}, 1), row({ tempo: 'fast' }, 2)])));
  expect([r.rowsKept, r.rowsRejected, r.rejectedByType]).toEqual([1, 1, { CAST: 1 }]);
  expect(r.rejectExamples[0]).toMatchObject({ line: 3, column: 'tempo' });
  expect(r.rejectExamples[0].message).toMatch(/"fast"/);
});

test('NaN / Inf and out-of-range values are counted cleaning drops', async () => {
  const r = await report(
    writeFixture(
      csvText([
        row({}, 1),
        row({ energy: 'NaN' }, 2),
        row({ tempo: 'Infinity' }, 3),
        row({ loudness: '-99' }, 4),
      ]),
    ),
  );
  expect(r.cleaning.byReason).toEqual({
    'not_finite:energy': 1,
    'not_finite:tempo': 1,
    'out_of_range:loudness': 1,
  });
  expect(r.rowsRead).toBe(4);
});

test('duplicated ids are reported', async () => {
  const r = await report(writeFixture(csvText([row({}, 1), row({ id: 'id1' }, 2)])));
  expect([r.duplicateIds, r.rowsKept]).toEqual([1, 2]);
});

test('an unbalanced quote is a counted rejection at its line', async () => {
  const text = csvText([row({}, 1), row({ name: '"Unclosed' }, 2), row({}, 3)]);
  const r = await report(writeFixture(text));
  expect(r.rowsKept).toBe(1);
  expect(r.rejectExamples[0]).toMatchObject({ line: 3, errorType: 'UNQUOTED VALUE' });
  expect(r.rowsRead).toBe(r.rowsKept + r.rowsRejected + r.cleaning.dropped);
});

test('a file where every row is bad: DataError with the counts', async () => {
  const error = await dataError(writeFixture(csvText([row({ tempo: 'x' }, 1)])));
  expect(error.message).toMatch(/no row survived.*1 rejected/);
  expect([error.line, error.column]).toEqual([2, 'tempo']);
});
