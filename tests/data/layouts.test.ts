import { detectLayout } from '../../src/data/layouts';
import { DataError } from '../../src/data/errors';
import { RAW_COLUMNS } from '../../src/data/schema';

describe('detectLayout', () => {
  test('the 1.2M layout maps every column as is', () => {
    const layout = detectLayout([...RAW_COLUMNS], 'f.csv');
    expect(layout.name).toBe('tracks_features_1.2m');
    expect(layout.mapped.every((m) => m.target === m.source)).toBe(true);
    expect(layout.notFound).toEqual(['popularity', 'genre']);
  });

  test('the 1921–2020 layout (data.csv order, popularity, no album)', () => {
    const header =
      'valence,year,acousticness,artists,danceability,duration_ms,energy,explicit,id,instrumentalness,key,liveness,loudness,mode,name,popularity,release_date,speechiness,tempo'.split(
        ',',
      );
    const layout = detectLayout(header, 'data.csv');
    expect(layout.name).toBe('spotify_1921_2020');
    expect(layout.notFound).toContain('album');
    expect(layout.mapped.find((m) => m.target === 'popularity')?.index).toBe(15);
  });

  test('renamed columns: Title, Artist, Top Genre, bpm, nrgy, dur (seconds)', () => {
    const header = [
      'Title',
      'Artist',
      'Top Genre',
      'Year',
      'bpm',
      'nrgy',
      'dnce',
      'dB',
      'live',
      'val',
      'dur',
      'acous',
      'spch',
      'instrumentalness',
      'pop',
    ];
    const layout = detectLayout(header, 'top10s.csv');
    const source = (t: string) => layout.mapped.find((m) => m.target === t)?.source;
    expect([
      source('name'),
      source('artists'),
      source('genre'),
      source('tempo'),
      source('popularity'),
    ]).toEqual(['Title', 'Artist', 'Top Genre', 'bpm', 'pop']);
    // `dur` says no unit: units.ts settles seconds on the values.
    expect(layout.mapped.find((m) => m.target === 'duration_ms')?.nameUnit).toBeUndefined();
    expect(layout.name).toBe('top10s_2010_2019');
  });

  test('extra columns are listed, not mapped', () => {
    const layout = detectLayout([...RAW_COLUMNS, 'liked_x'], 'f.csv');
    expect(layout.extra).toEqual(['liked_x']);
  });

  test('not enough to use: one DataError saying a name or id and 3 audio features are needed', () => {
    let error: unknown;
    try {
      detectLayout(['mode', 'year', 'tempo'], 'by_year.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const message = (error as DataError).message;
    expect(message).toMatch(/no track name or id column/);
    expect(message).toMatch(/1 of the 9 audio features \(tempo\); at least 3 of danceability, energy/);
    expect(message).toContain('Found columns: mode, year, tempo');
    expect((error as DataError).line).toBe(1);
  });
});
