import { DuckDBInstance } from '@duckdb/node-api';
import { loadTracks, LoadedTracks } from '../../src/data/load';
import { column, listColumn, textColumn } from '../../src/data/schema';
import { csvText, row, writeFixture } from './fixtures';

async function withLoad<T>(
  file: string,
  use: (loaded: LoadedTracks) => Promise<T>,
  options = {},
): Promise<T> {
  const loaded = await loadTracks(file, options);
  try {
    return await use(loaded);
  } finally {
    loaded.close();
  }
}

describe('loadTracks: contract of the cleaned table', () => {
  const file = writeFixture(
    csvText([
      row({ artists: `"[""Guns N' Roses"", 'Slash']"`, explicit: 'True', release_date: '1987-07' }, 1),
      row({ name: '"Hello, World"', release_date: '2001' }, 2),
      row({}, 3),
    ]),
  );

  test('column types', async () => {
    const types = await withLoad(file, async (l) => {
      const rows = (await l.connection.runAndReadAll(`DESCRIBE ${l.relation}`)).getRowObjectsJson();
      return Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
    });
    expect(types).toMatchObject({
      id: 'VARCHAR',
      name: 'VARCHAR',
      artists: 'VARCHAR[]',
      artist_ids: 'VARCHAR[]',
      explicit: 'BOOLEAN',
      tempo: 'DOUBLE',
      year: 'DOUBLE',
      duration_min: 'DOUBLE',
      release_year: 'INTEGER',
      release_month: 'INTEGER',
    });
    expect(types).not.toHaveProperty('popularity');
  });

  test('values: lists, quoted commas, dates, duration_min, toTable', async () => {
    await withLoad(file, async (l) => {
      expect(l.rowCount).toBe(3);
      const rows = (
        await l.connection.runAndReadAll(
          `SELECT id, name, artists, explicit, release_year, release_month, release_day, duration_min FROM ${l.relation} ORDER BY id`,
        )
      ).getRowsJS();
      expect(rows[0]).toEqual([
        'id1',
        'Song 1',
        ["Guns N' Roses", 'Slash'],
        true,
        1987,
        7,
        0,
        200000 / 60000,
      ]);
      expect(rows[1].slice(0, 2)).toEqual(['id2', 'Hello, World']);
      expect(rows[1].slice(4, 7)).toEqual([2001, 0, 0]);
      const table = await l.toTable(['id', 'tempo', 'artists', 'explicit']);
      expect(table.length).toBe(3);
      const order = textColumn(table, 'id')
        .map((id, i) => [id, i] as const)
        .sort()[0][1];
      expect(listColumn(table, 'artists')[order]).toEqual(["Guns N' Roses", 'Slash']);
      expect(column(table, 'tempo')[order]).toBe(120);
      expect(table.explicit![order]).toBe(1);
    });
  });

  test('`columns` narrows the table but not the rows', async () => {
    const dirty = writeFixture(csvText([row({}, 1), row({ album: '' }, 2), row({ tempo: '0' }, 3)]));
    const narrow = await withLoad(
      dirty,
      async (l) => {
        const cols = (await l.connection.runAndReadAll(`SELECT * FROM ${l.relation}`)).columnNames();
        return { cols, n: l.rowCount };
      },
      { columns: ['year', 'energy'] },
    );
    expect(narrow).toEqual({ cols: ['year', 'energy'], n: 1 });
  });

  test('percent-scaled features are divided by 100 and reported; m:ss durations parsed', async () => {
    const text =
      'track_name,artist,danceability,energy,loudness,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration,year\n' +
      'A,X,50,60,-5,5,20,0,10,40,120,3:20,2001\nB,Y,70,80,-6,3,10,2,20,90,100,4:05,2002\n';
    await withLoad(writeFixture(text), async (l) => {
      expect(l.report.percentScaled.sort()).toEqual([
        'acousticness',
        'danceability',
        'energy',
        'instrumentalness',
        'liveness',
        'speechiness',
        'valence',
      ]);
      const rows = (
        await l.connection.runAndReadAll(
          `SELECT danceability, duration_ms, artists FROM ${l.relation} ORDER BY name`,
        )
      ).getRowsJS();
      expect(rows).toEqual([
        [0.5, 200000, ['X']],
        [0.7, 245000, ['Y']],
      ]);
      expect(l.report.mapped.find((m) => m.column === 'duration_ms')?.note).toContain('m:ss');
    });
  });

  test('artists joined by ", " in a plain cell (spotify-2023, daily charts) are split into names', async () => {
    // Seven rows, three of them collaborations: the share of cells with a comma says "a list", not a name.
    const people = [
      'Ann Xu',
      'Bo Lee, Cy Ray',
      'Ann Xu',
      'Cy Ray, Ann Xu, Di Oz',
      'Bo Lee',
      'Di Oz',
      'Ed, Fa',
    ];
    const text =
      'track_name,artist(s)_name,danceability_%,energy_%,valence_%\n' +
      people.map((p, i) => `T${i},"${p}",5${i},6${i},7${i}`).join('\n') +
      '\n';
    await withLoad(writeFixture(text), async (l) => {
      const lists = (
        await l.connection.runAndReadAll(`SELECT artists FROM ${l.relation} ORDER BY name`)
      ).getRowsJS();
      expect(lists.map((r) => r[0])).toEqual([
        ['Ann Xu'],
        ['Bo Lee', 'Cy Ray'],
        ['Ann Xu'],
        ['Cy Ray', 'Ann Xu', 'Di Oz'],
        ['Bo Lee'],
        ['Di Oz'],
        ['Ed', 'Fa'],
      ]);
      expect(l.report.mapped.find((m) => m.column === 'artists')?.note).toBe("','-separated names");
    });
  });

  test('release dates as m/d/yy, m/d/yyyy, d/m/yyyy, d.m.yyyy and ISO with a time all give the year', async () => {
    // high_popularity_spotify_data.csv writes "8/16/24": read only as ISO, every row lost its year and was dropped.
    const dates = [
      '8/16/24',
      '12/1/1999',
      '25/12/2001',
      '20.10.2023',
      '2014-12-09T00:00:00',
      '1928',
      '3/5/75',
    ];
    const text =
      'track_name,track_album_release_date,danceability,energy,valence\n' +
      dates.map((d, i) => `T${i},${d},0.5,0.6,0.7`).join('\n') +
      '\n';
    await withLoad(writeFixture(text), async (l) => {
      const rows = (
        await l.connection.runAndReadAll(
          `SELECT year, release_year, release_month, release_day FROM ${l.relation} ORDER BY name`,
        )
      ).getRowsJS();
      expect(rows).toEqual([
        [2024, 2024, 8, 16],
        [1999, 1999, 12, 1],
        [2001, 2001, 12, 25],
        [2023, 2023, 10, 20],
        [2014, 2014, 12, 9],
        [1928, 1928, 0, 0],
        [1975, 1975, 3, 5],
      ]);
      expect(l.report.rowsKept).toBe(dates.length);
      expect(l.report.mapped.find((m) => m.column === 'release_date')?.note).toMatch(/m\/d\/yy dates/);
    });
  });

  test('a one-artist column keeps a rare comma inside a name ("Tyler, The Creator")', async () => {
    const text =
      'song,artist,danceability,energy,valence\n' +
      Array.from(
        { length: 20 },
        (_, i) => `S${i},${i === 3 ? '"Tyler, The Creator"' : `Artist ${i}`},0.5,0.6,0.7`,
      ).join('\n') +
      '\n';
    await withLoad(writeFixture(text), async (l) => {
      const row3 = (
        await l.connection.runAndReadAll(`SELECT artists FROM ${l.relation} WHERE name = 'S3'`)
      ).getRowsJS();
      expect(row3).toEqual([[['Tyler, The Creator']]]);
    });
  });

  test('Parquet: same table and report counts as the CSV it was written from', async () => {
    const parquet = file.replace(/\.csv$/, '.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_csv('${file}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    await withLoad(parquet, async (l) => {
      expect([l.report.format, l.report.layout, l.rowCount]).toEqual(['parquet', 'tracks_features_1.2m', 3]);
      const artists = (
        await l.connection.runAndReadAll(`SELECT artists FROM ${l.relation} WHERE id = 'id1'`)
      ).getRowsJS();
      expect(artists).toEqual([[["Guns N' Roses", 'Slash']]]);
    });
  });

  test('onProgress ends at done = total', async () => {
    const calls: [number, number][] = [];
    await withLoad(file, async () => undefined, { onProgress: (d: number, t: number) => calls.push([d, t]) });
    expect(calls[calls.length - 1]).toEqual([100, 100]);
  });
});

describe('loadTracks: cleaning', () => {
  test('each rule drops its rows, counted once under the first rule in order', async () => {
    const file = writeFixture(
      csvText([
        row({}, 1),
        row({ name: '', tempo: '0' }, 2), // empty_name first, not tempo_zero
        row({ album: '' }, 3),
        row({ year: '0', release_date: '0000' }, 4),
        row({ tempo: '0' }, 5),
        row({ tempo: '0' }, 6),
        row({ energy: '' }, 7),
        row({ valence: 'nan' }, 8),
        row({ loudness: '-inf' }, 9),
        row({ danceability: '1.5' }, 10),
        row({ duration_ms: '0' }, 11),
        row({}, 12),
      ]),
    );
    await withLoad(file, async (l) => {
      expect(l.report.cleaning.byReason).toEqual({
        empty_name: 1,
        empty_album: 1,
        year_zero: 1,
        tempo_zero: 2,
        'missing:energy': 1,
        'not_finite:loudness': 1,
        'not_finite:valence': 1,
        'out_of_range:danceability': 1,
        duration_not_positive: 1,
      });
      expect(Object.keys(l.report.cleaning.byReason)[0]).toBe('empty_name');
      expect(l.report.cleaning.examples.tempo_zero).toEqual(['id5', 'id6']);
      expect([l.report.rowsRead, l.report.rowsKept, l.report.cleaning.dropped]).toEqual([12, 2, 10]);
      const ids = (await l.connection.runAndReadAll(`SELECT id FROM ${l.relation} ORDER BY id`))
        .getRowsJS()
        .flat();
      expect(ids).toEqual(['id1', 'id12']);
    });
  });

  test('an empty key, mode or time signature keeps the row (NULL there) and is counted in a note', async () => {
    // spotify-2023.csv leaves `key` blank on one track in ten; no step computes with it, so the row stays.
    const file = writeFixture(
      csvText([row({}, 1), row({ key: '' }, 2), row({ key: '', mode: '' }, 3), row({ energy: '' }, 4)]),
    );
    await withLoad(file, async (l) => {
      expect(l.report.cleaning.byReason).toEqual({ 'missing:energy': 1 });
      expect(l.rowCount).toBe(3);
      const keys = (
        await l.connection.runAndReadAll(`SELECT key, mode FROM ${l.relation} ORDER BY id`)
      ).getRowsJS();
      expect(keys).toEqual([
        [5, 1],
        [null, 1],
        [null, null],
      ]);
      expect(l.report.notes).toEqual(
        expect.arrayContaining([
          'key empty on 2 row(s): kept (no step computes with key)',
          'mode empty on 1 row(s): kept (no step computes with mode)',
        ]),
      );
      const cols = (await l.connection.runAndReadAll(`SELECT * FROM ${l.relation}`)).columnNames();
      expect(cols).not.toContain('_blank');
    });
  });

  test('duplicated ids are counted, not dropped', async () => {
    const file = writeFixture(
      csvText([row({}, 1), row({ id: 'id1' }, 2), row({ id: 'id1' }, 3), row({}, 4)]),
    );
    await withLoad(file, async (l) => {
      expect(l.report.duplicateIds).toBe(2);
      expect(l.rowCount).toBe(4);
    });
  });
});
