/**
 * The README's "What bad input gets" table, loader rows: each row is a case here (input → what the user sees),
 * run against the real loader, and the README must hold the row verbatim. Step cases are added by their own tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { loadTracks, type LoadedTracks } from '../../src/data/load';
import { DataError } from '../../src/data/errors';
import { toDataError } from '../../src/data/friendly-error';
import type { LoadReport } from '../../src/data/load-report';
import { RAW_COLUMNS } from '../../src/data/schema';
import { csvText, row, tempDir, writeFixture } from './fixtures';

async function loaded<T>(file: string, use: (l: LoadedTracks) => Promise<T> | T, options = {}): Promise<T> {
  const l = await loadTracks(file, options);
  try {
    return await use(l);
  } finally {
    l.close();
  }
}
const report = (file: string, options = {}): Promise<LoadReport> => loaded(file, (l) => l.report, options);
async function refusal(file: string, options = {}): Promise<DataError> {
  const error = await loadTracks(file, options).then(
    (l) => (l.close(), undefined),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  // No DuckDB class names, no raw bytes, one located sentence.
  expect((error as Error).message).not.toMatch(
    /(Binder|Invalid Input|Conversion|Parser|IO) Error|\uFFFD|\\x[0-9a-f]{2}/,
  );
  return error as DataError;
}
const sql = (file: string, query: string) =>
  loaded(file, async (l) => (await l.connection.runAndReadAll(query)).getRowsJS());
const two = () => csvText([row({}, 1), row({}, 2)]);
/** A small file with only the given columns of the 1.2M layout (values from `row`). */
function subset(columns: string[], rows = [row({}, 1), row({}, 2)]): string {
  const cells = (r: Record<string, string | undefined>) => columns.map((c) => r[c] ?? '').join(',');
  return [columns.join(','), ...rows.map(cells)].join('\n') + '\n';
}

interface Case {
  input: string;
  sees: string;
  check: () => Promise<void>;
}

export const LOADER_CASES: Case[] = [
  {
    input: 'a path that does not exist',
    sees: '`<file>: file not found; expected a tracks CSV or Parquet file`',
    check: async () => expect((await refusal('/nonexistent/tracks.csv')).message).toMatch(/file not found/),
  },
  {
    input: 'a directory',
    sees: '`<dir>: is a directory; expected a tracks CSV or Parquet file`',
    check: async () => expect((await refusal(tempDir())).message).toMatch(/is a directory/),
  },
  {
    input: 'an empty file',
    sees: '`line 1: the file is empty; expected a header line naming the columns, then one track per line`',
    check: async () => expect((await refusal(writeFixture(''))).line).toBe(1),
  },
  {
    input: 'a header and no rows',
    sees: '`line 2: the file has a header but no data rows`',
    check: async () =>
      expect((await refusal(writeFixture(`${RAW_COLUMNS.join(',')}\n`))).message).toMatch(
        /line 2: the file has a header but no data rows/,
      ),
  },
  {
    input: '`;`, tab or pipe as delimiter',
    sees: 'loads; the report names the delimiter',
    check: async () => {
      for (const d of [';', '\t', '|'])
        expect((await report(writeFixture(two().replace(/,/g, d)))).dialect?.delimiter).toBe(d);
    },
  },
  {
    input: 'a forced delimiter that is wrong (`delimiter: ","` on a `;` file)',
    sees: '`not a tracks file the lab can use: … There is only one column: is the delimiter right?`',
    check: async () =>
      expect((await refusal(writeFixture(two().replace(/,/g, ';')), { delimiter: ',' })).message).toMatch(
        /only one column: is the delimiter right/,
      ),
  },
  {
    input: 'UTF-8 with a byte-order mark, CRLF line ends',
    sees: 'loads; `bom: true`, `newline: CRLF` in the report',
    check: async () => {
      const r = await report(
        writeFixture(
          Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(two().replace(/\n/g, '\r\n'))]),
        ),
      );
      expect([r.dialect?.bom, r.dialect?.newline, r.rowsKept]).toEqual([true, 'CRLF', 2]);
    },
  },
  {
    input: 'Windows-1252 bytes (`’` 0x92, `–` 0x96), as Excel on Windows saves',
    sees: 'loads; note `not valid UTF-8 (first at line N); read as windows-1252`; names come out right',
    check: async () => {
      const text = csvText([row({ name: 'Don\u2019t \u2013 Stop' }, 1), row({}, 2)]);
      const bytes = Buffer.from(text.replace('\u2019', '\x92').replace('\u2013', '\x96'), 'latin1');
      const file = writeFixture(bytes);
      expect((await report(file)).notes.join()).toMatch(
        /not valid UTF-8 \(first at line 2\); read as windows-1252/,
      );
      expect((await sql(file, 'SELECT name FROM tracks LIMIT 1'))[0][0]).toBe('Don\u2019t \u2013 Stop');
    },
  },
  {
    input: 'latin-1 (ISO-8859-1) text',
    sees: 'loads; note `… read as latin-1`',
    check: async () => {
      const file = writeFixture(Buffer.from(csvText([row({ name: 'Se\u00f1orita' }, 1)]), 'latin1'));
      expect((await report(file)).dialect?.encoding).toBe('latin-1');
      expect((await sql(file, 'SELECT name FROM tracks'))[0][0]).toBe('Se\u00f1orita');
    },
  },
  {
    input: 'UTF-16 with a BOM (Excel "Unicode Text", tab-separated)',
    sees: 'loads; `encoding: utf-16le` in the report',
    check: async () => {
      const text = two().replace(/,/g, '\t');
      const r = await report(
        writeFixture(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
      );
      expect([r.dialect?.encoding, r.dialect?.delimiter, r.rowsKept]).toEqual(['utf-16le', '\t', 2]);
    },
  },
  {
    input: 'UTF-16 without a BOM',
    sees: 'loads; detected from the zero bytes, `encoding: utf-16le`',
    check: async () =>
      expect((await report(writeFixture(Buffer.from(two(), 'utf16le')))).dialect?.encoding).toBe('utf-16le'),
  },
  {
    input: 'UTF-8 with a few damaged bytes',
    sees: 'loads; note `N invalid UTF-8 byte sequence(s) replaced by \\uFFFD (first on line N); the rows were kept`',
    check: async () => {
      const text = csvText([
        row({ name: 'Caf\u00e9 \u6771\u4eac' }, 1),
        row({ name: 'bad_here' }, 2),
        row({}, 3),
      ]);
      const bytes = Buffer.from(text);
      const at = bytes.indexOf('bad_here');
      bytes[at + 3] = 0xff;
      const r = await report(writeFixture(bytes));
      expect([r.rowsKept, r.dialect?.replacedBytes, r.dialect?.encoding]).toEqual([3, 1, 'utf-8']);
      expect(r.notes.join()).toMatch(/1 invalid UTF-8 byte sequence\(s\) replaced .*first on line 3/);
    },
  },
  {
    input: 'a `.csv.gz` file',
    sees: 'loads; note `gzip-compressed; decompressed while reading`',
    check: async () => {
      const r = await report(writeFixture(zlib.gzipSync(two()), 'tracks.csv.gz'));
      expect([r.dialect?.gzip, r.rowsKept]).toEqual([true, 2]);
    },
  },
  {
    input: 'a truncated `.csv.gz` download',
    sees: '`gzip could not be read (unexpected end of file); is the download complete?`',
    check: async () => {
      const gz = zlib.gzipSync(two().repeat(50));
      expect((await refusal(writeFixture(gz.subarray(0, gz.length - 30), 'tracks.csv.gz'))).message).toMatch(
        /gzip could not be read \(unexpected end of file\); is the download complete\?/,
      );
    },
  },
  {
    input: 'a binary file (bytes that are not text)',
    sees: '`line 1: a binary file, not delimited text; expected a CSV file of tracks (or Parquet)`',
    check: async () => {
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
      expect((await refusal(writeFixture(bytes, 'tracks.bin'))).message).toMatch(
        /line 1: a binary file, not delimited text/,
      );
    },
  },
  {
    input: 'an Excel workbook (`.xlsx`)',
    sees: '`a zip archive (an Excel .xlsx workbook is one): unzip it or save the sheet as CSV`',
    check: async () => {
      const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
      expect((await refusal(writeFixture(zip, 'tracks.xlsx'))).message).toMatch(
        /zip archive \(an Excel \.xlsx workbook is one\)/,
      );
    },
  },
  {
    input: 'a PDF or image renamed `.csv`',
    sees: '`a PDF document; expected a CSV file of tracks (or Parquet)`',
    check: async () =>
      expect(
        (await refusal(writeFixture(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')))).message,
      ).toMatch(/a PDF document; expected a CSV file/),
  },
  {
    input: 'a JSON file (e.g. StreamingHistory0.json)',
    sees: '`a JSON file, not CSV (…); export the playlist as CSV (Exportify) or convert the JSON to CSV first`',
    check: async () =>
      expect(
        (await refusal(writeFixture('[{"endTime":"2023-01-01","trackName":"x"}]', 'x.csv'))).message,
      ).toMatch(/a JSON file, not CSV/),
  },
  {
    input: 'a title line above the header (`top10s,,,,,`)',
    sees: 'loads; note `header found on line 2; skipped above it: "top10s,,,,,"`',
    check: async () => {
      const r = await report(writeFixture(`top10s,,,,,\n${two()}`));
      expect([r.dialect?.headerLine, r.rowsKept]).toEqual([2, 2]);
      expect(r.notes.join()).toContain('header found on line 2; skipped above it: "top10s,,,,,"');
    },
  },
  {
    input: 'a rejected row below a title line',
    sees: 'its line number counts the title line (the line an editor shows)',
    check: async () => {
      const r = await report(writeFixture(`My export\n${csvText([row({}, 1), row({ tempo: 'fast' }, 2)])}`));
      expect(r.rejectExamples[0]).toMatchObject({ line: 4, column: 'tempo' });
    },
  },
  {
    input: 'a blank header cell or `Unnamed: 0` (a pandas / R row index)',
    sees: 'loads; the column is listed as `not used: unnamed row index, dropped` (was DuckDB\'s "Need named argument for struct pack")',
    check: async () => {
      const text = two()
        .split('\n')
        .map((l, i) => (l === '' ? l : `${i === 0 ? '' : i},${l}`))
        .join('\n');
      const r = await report(writeFixture(text));
      expect(r.columns[0]).toMatchObject({ source: '', status: 'index' });
      const r2 = await report(writeFixture(text.replace(/^,/, 'Unnamed: 0,')));
      expect(r2.columns[0]).toMatchObject({ source: 'Unnamed: 0', status: 'index' });
    },
  },
  {
    input: 'two columns that mean the same (`name` and `track_name`, or `energy` twice)',
    sees: 'the first is used; the other is listed as `not used: another column already maps to name`',
    check: async () => {
      const r = await report(
        writeFixture(
          subset(['name', 'danceability', 'energy', 'valence', 'energy']).replace(
            /^(.*),energy$/m,
            '$1,Energy',
          ),
        ),
      );
      expect(r.columns[4]).toMatchObject({ status: 'duplicate', target: 'energy' });
    },
  },
  {
    input: 'no name and no id column',
    sees: '`line 1: not a tracks file the lab can use: no track name or id column (e.g. name, track_name, Title, Track, id, Track URI). Found columns: …`',
    check: async () =>
      expect((await refusal(writeFixture(subset(['danceability', 'energy', 'valence'])))).message).toMatch(
        /line 1: not a tracks file the lab can use: no track name or id column/,
      ),
  },
  {
    input: 'fewer than 3 audio features',
    sees: '`2 of the 9 audio features (danceability, energy); at least 3 of danceability, energy, loudness, … are needed`',
    check: async () =>
      expect((await refusal(writeFixture(subset(['name', 'danceability', 'energy'])))).message).toMatch(
        /2 of the 9 audio features \(danceability, energy\); at least 3 of danceability, energy, loudness/,
      ),
  },
  {
    input: 'a charts file (position, streams, no audio features)',
    sees: '`This looks like a charts or listening-history file (streams, position) … join it with a file that has them (e.g. by track id) or export your playlist with Exportify`',
    check: async () =>
      expect(
        (
          await refusal(
            writeFixture(
              'Position,Track Name,Artist,Streams,URL\n1,A,B,100,https://open.spotify.com/track/x\n',
            ),
          )
        ).message,
      ).toMatch(/charts or listening-history file \(streams, position\)/),
  },
  {
    input: 'a per-platform streams file (`Spotify Streams`, `All Time Rank`, no audio features)',
    sees: '`… This looks like a charts or listening-history file (Spotify Streams, All Time Rank) …` (not only "0 of the 9 audio features")',
    check: async () =>
      expect(
        (
          await refusal(
            writeFixture(
              'Track,Artist,All Time Rank,Spotify Streams,Spotify Popularity\nA,B,1,"390,470,936",92\n',
            ),
          )
        ).message,
      ).toMatch(/charts or listening-history file \(Spotify Streams, All Time Rank\)/),
  },
  {
    input: 'no `explicit`, `album`, `album_id`, `year`, `instrumentalness` …',
    sees: "loads; they are absent from `available` and NULL in the table (never `false` or `''`)",
    check: async () => {
      const file = writeFixture(subset(['name', 'danceability', 'energy', 'valence', 'tempo']));
      const r = await report(file);
      expect(r.available).toEqual(['name', 'danceability', 'energy', 'valence', 'tempo']);
      expect(
        (
          await sql(
            file,
            'SELECT count(explicit), count(album), count(year), count(instrumentalness) FROM tracks',
          )
        )[0].map(Number),
      ).toEqual([0, 0, 0, 0]);
    },
  },
  {
    input: 'audio features on 0–100 (`Energy` 55)',
    sees: 'loads; `energy ← Energy (percent ÷ 100)`',
    check: async () => {
      const r = await report(
        writeFixture(
          subset(
            ['name', 'danceability', 'energy', 'valence'],
            [
              row({ energy: '55', danceability: '70', valence: '30' }, 1),
              row({ energy: '81', danceability: '40', valence: '60' }, 2),
            ],
          ),
        ),
      );
      expect(r.mapped.find((m) => m.column === 'energy')?.note).toBe('percent ÷ 100');
    },
  },
  {
    input: 'durations in seconds, minutes or `m:ss`',
    sees: 'loads; `duration_ms ← dur (seconds → ms (median 201))`, `(m:ss → ms)`, `(minutes → ms …)`',
    check: async () => {
      const header = 'name,danceability,energy,valence,dur';
      const secs = await report(writeFixture(`${header}\nA,0.5,0.5,0.5,201\nB,0.5,0.5,0.5,201\n`));
      expect(secs.mapped.find((m) => m.column === 'duration_ms')?.note).toBe('seconds → ms (median 201)');
      const file = writeFixture(`${header}\nA,0.5,0.5,0.5,3:21\nB,0.5,0.5,0.5,1:02:03\n`);
      expect((await report(file)).mapped.find((m) => m.column === 'duration_ms')?.note).toBe('m:ss → ms');
      expect((await sql(file, 'SELECT duration_ms FROM tracks')).flat()).toEqual([201000, 3723000]);
      const mins = await report(writeFixture(`${header}\nA,0.5,0.5,0.5,3.35\nB,0.5,0.5,0.5,4.1\n`));
      expect(mins.mapped.find((m) => m.column === 'duration_ms')?.note).toMatch(/^minutes → ms/);
    },
  },
  {
    input: 'a duration with a thousands separator (`"1,121"` seconds)',
    sees: 'read as 1,121 s, not rejected',
    check: async () => {
      const file = writeFixture(
        'name,danceability,energy,valence,Length (Duration)\nA,0.5,0.5,0.5,"1,121"\nB,0.5,0.5,0.5,201\n',
      );
      expect((await sql(file, 'SELECT duration_ms FROM tracks')).flat()).toEqual([1121000, 201000]);
    },
  },
  {
    input: 'release dates as `8/16/24`, `4/26/2024` or `20.10.2023` (no year column)',
    sees: 'loads; `release_date ← track_album_release_date (m/d/yy dates (yy 00–68 → 20yy, 69–99 → 19yy))`; the year comes from them (was: every row dropped as `missing:year`)',
    check: async () => {
      const file = writeFixture(
        'track_name,track_album_release_date,danceability,energy,valence\nA,8/16/24,0.5,0.5,0.5\nB,4/26/2024,0.5,0.5,0.5\nC,20.10.2023,0.5,0.5,0.5\n',
      );
      expect(await sql(file, 'SELECT year FROM tracks')).toEqual([[2024], [2024], [2023]]);
      expect((await report(file)).mapped.find((m) => m.column === 'release_date')?.note).toBe(
        'm/d/yy dates (yy 00–68 → 20yy, 69–99 → 19yy)',
      );
    },
  },
  {
    input: 'a "loudness" column on 0–1 (rescaled, not dB)',
    sees: '`loudness` listed as `not used: values are all in 0–1, not dB (rescaled?)`; loads without it',
    check: async () => {
      const rows = Array.from({ length: 6 }, (_, i) => `T${i},0.5,0.5,0.5,0.${i + 2}`).join('\n');
      const r = await report(writeFixture(`name,danceability,energy,valence,loudness\n${rows}\n`));
      expect(r.columns[4]).toMatchObject({
        status: 'unusable',
        note: 'values are all in 0–1, not dB (rescaled?)',
      });
      expect(r.available).not.toContain('loudness');
    },
  },
  {
    input: 'key as `C#`, mode as `Major`/`Minor`, time signature `4/4`',
    sees: 'loads; read as 1, 1/0, 4',
    check: async () => {
      const file = writeFixture(
        'name,danceability,energy,valence,key,mode,time_signature\nA,0.5,0.5,0.5,C#,Major,4/4\nB,0.5,0.5,0.5,A,Minor,3/4\n',
      );
      expect(await sql(file, 'SELECT key, mode, time_signature FROM tracks')).toEqual([
        [1, 1, 4],
        [9, 0, 3],
      ]);
    },
  },
  {
    input: 'several artists in one plain cell (`Latto, Jung Kook`; `A;B`)',
    sees: "loads; `artists ← artist(s)_name (','-separated names)`; each name counted once in top artists (a one-artist column keeps a rare comma: `Tyler, The Creator`)",
    check: async () => {
      const comma = writeFixture(
        'track_name,artist(s)_name,danceability,energy,valence\nA,"Latto, Jung Kook",0.5,0.5,0.5\nB,Jung Kook,0.5,0.5,0.5\n',
      );
      expect((await sql(comma, 'SELECT artists FROM tracks')).flat()).toEqual([
        ['Latto', 'Jung Kook'],
        ['Jung Kook'],
      ]);
      expect((await report(comma)).mapped.find((m) => m.column === 'artists')?.note).toBe(
        "','-separated names",
      );
      const semicolon = writeFixture('name,artists,danceability,energy,valence\nA,X;Y,0.5,0.5,0.5\n');
      expect((await sql(semicolon, 'SELECT artists FROM tracks')).flat()).toEqual([['X', 'Y']]);
      const single = writeFixture(
        'name,artist,danceability,energy,valence\n' +
          Array.from(
            { length: 12 },
            (_, i) => `S${i},${i ? `Artist ${i}` : '"Tyler, The Creator"'},0.5,0.5,0.5`,
          ).join('\n') +
          '\n',
      );
      expect((await sql(single, "SELECT artists FROM tracks WHERE name = 'S0'")).flat()).toEqual([
        ['Tyler, The Creator'],
      ]);
    },
  },
  {
    input: '`spotify:track:…` URIs or `open.spotify.com` links as ids',
    sees: 'loads; `id ← Track URI (spotify: URI / URL prefix stripped)`',
    check: async () => {
      const file = writeFixture(
        'Track URI,danceability,energy,valence\nspotify:track:4iV5W9uYEdYUVa79Axb7Rh,0.5,0.5,0.5\nhttps://open.spotify.com/track/1301WleyT98MSxVHPZCA6M?si=abc,0.5,0.5,0.5\n',
      );
      expect((await sql(file, 'SELECT id FROM tracks')).flat()).toEqual([
        '4iV5W9uYEdYUVa79Axb7Rh',
        '1301WleyT98MSxVHPZCA6M',
      ]);
      expect((await report(file)).mapped[0].note).toBe('spotify: URI / URL prefix stripped');
    },
  },
  {
    input: 'a name column empty on some rows and a second one filled there (`song_name`, `title`)',
    sees: 'loads; `title → name (used where song_name is empty)`',
    check: async () => {
      const file = writeFixture(
        'song_name,title,danceability,energy,valence\nA,,0.5,0.5,0.5\n,B,0.5,0.5,0.5\n',
      );
      expect((await sql(file, 'SELECT name FROM tracks')).flat()).toEqual(['A', 'B']);
    },
  },
  {
    input: 'a truncated last line',
    sees: 'the row is rejected and counted: `rejected MISSING COLUMNS: 1`, `line 4: …`',
    check: async () => {
      const r = await report(writeFixture(two() + 'id3,Song 3,Album'));
      expect(r.rejectExamples[0]).toMatchObject({ line: 4, errorType: 'MISSING COLUMNS' });
    },
  },
  {
    input: 'a 10 MB field',
    sees: 'the row is rejected and counted (`LINE SIZE OVER MAXIMUM`) with its line; the others load',
    check: async () => {
      const r = await report(
        writeFixture(csvText([row({}, 1), row({ name: 'x'.repeat(10 * 1024 * 1024) }, 2), row({}, 3)])),
      );
      expect([r.rowsKept, r.rejectExamples[0].line]).toEqual([2, 3]);
    },
  },
  {
    input: 'text in a numeric column (`tempo` = `fast`)',
    sees: "`line 3 column 'tempo': Could not convert string \"fast\" to 'DOUBLE'` (row rejected, counted)",
    check: async () => {
      const r = await report(writeFixture(csvText([row({}, 1), row({ tempo: 'fast' }, 2)])));
      expect(r.rejectExamples[0]).toMatchObject({ line: 3, column: 'tempo', errorType: 'CAST' });
    },
  },
  {
    input: '`NaN`, `Infinity`, out-of-range values (`loudness` −99)',
    sees: 'dropped and counted per rule: `not_finite:energy`, `out_of_range:loudness`',
    check: async () => {
      const r = await report(
        writeFixture(csvText([row({}, 1), row({ energy: 'NaN' }, 2), row({ loudness: '-99' }, 3)])),
      );
      expect(r.cleaning.byReason).toEqual({ 'not_finite:energy': 1, 'out_of_range:loudness': 1 });
    },
  },
  {
    input: 'an unbalanced quote',
    sees: 'the row is rejected at its line (`UNQUOTED VALUE`); rows read = kept + rejected + dropped',
    check: async () => {
      const r = await report(writeFixture(csvText([row({}, 1), row({ name: '"Unclosed' }, 2), row({}, 3)])));
      expect(r.rowsRead).toBe(r.rowsKept + r.rowsRejected + r.cleaning.dropped);
    },
  },
  {
    input: 'every row bad',
    sees: '`line 2, column \'tempo\': no row survived loading: 1 rejected by the reader ({"CAST":1}), 0 dropped by cleaning ({})`',
    check: async () => {
      const e = await refusal(writeFixture(csvText([row({ tempo: 'x' }, 1)])));
      expect(e.message).toMatch(
        /line 2, column 'tempo': no row survived loading: 1 rejected by the reader \(\{"CAST":1\}\)/,
      );
    },
  },
  {
    input: 'an empty `key`, `mode` or `time_signature` cell (spotify-2023.csv has 95)',
    sees: 'the row is kept with NULL there: `note: key empty on 12 row(s): kept (no step computes with key)`',
    check: async () => {
      const r = await report(writeFixture(csvText([row({}, 1), row({ key: '' }, 2)])));
      expect([r.rowsKept, r.cleaning.dropped]).toEqual([2, 0]);
      expect(r.notes).toContain('key empty on 1 row(s): kept (no step computes with key)');
    },
  },
  {
    input: 'duplicated ids',
    sees: 'kept, and counted: `duplicated ids (kept): 1`',
    check: async () =>
      expect((await report(writeFixture(csvText([row({}, 1), row({ id: 'id1' }, 2)])))).duplicateIds).toBe(1),
  },
  {
    input: 'an internal DuckDB error (e.g. `Binder Error: …`)',
    sees: '`<file>: could not be loaded: … Check that it is a CSV (or Parquet) file of tracks with a header line` — no DuckDB class name',
    check: async () => {
      const e = toDataError(new Error('Binder Error: Need named argument for struct pack'), 'f.csv');
      expect(e.message).toBe(
        "f.csv: could not be loaded: Need named argument for struct pack. Check that it is a CSV (or Parquet) file of tracks with a header line; if it is, this is a loader bug worth reporting with the file's first lines",
      );
    },
  },
];

describe.each(LOADER_CASES.map((c) => [c.input, c] as const))('%s', (_, c) => {
  test('gets what the README says', c.check);
});

test('the README table lists every loader case verbatim, and has at least 40 rows', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const section = readme.split('## What bad input gets')[1]?.split('\n## ')[0] ?? '';
  for (const c of LOADER_CASES) expect(section).toContain(`| ${c.input} | ${c.sees} |`);
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| input') && !l.startsWith('|---'));
  expect(rows.length).toBeGreaterThanOrEqual(40);
});
