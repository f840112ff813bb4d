import { filterRows, filterTracks } from '../../src/analysis/filters';
import type { TrackTable } from '../../src/data/schema';

const table: TrackTable = {
  length: 5,
  numeric: {
    year: Float64Array.from([1970, 1985, 1999, 2005, 2020]),
    danceability: Float64Array.from([0.2, 0.8, 0.75, NaN, 0.9]),
    tempo: Float64Array.from([90, 120, 128, 100, 170]),
  },
  text: {
    album: ['Abbey Road', 'Thriller', 'Play', 'Abbey Road Live', 'Future'],
    name: ['a', 'b', 'c', 'd', 'e'],
  },
  lists: {
    artists: [['The Beatles'], ['Michael Jackson'], ['Moby'], ['The Beatles', 'Guest'], ['Dua Lipa']],
  },
  explicit: Uint8Array.from([0, 0, 1, 0, 1]),
};

describe('filterRows', () => {
  it('returns every row with no filter', () => {
    expect(Array.from(filterRows(table))).toEqual([0, 1, 2, 3, 4]);
  });
  it('applies inclusive year and feature ranges together; NaN never passes', () => {
    expect(
      Array.from(filterRows(table, { years: [1985, 2020], ranges: { danceability: [0.75, 1] } })),
    ).toEqual([1, 2, 4]);
    expect(Array.from(filterRows(table, { ranges: { danceability: [0, 1], tempo: [100, 130] } }))).toEqual([
      1, 2,
    ]);
  });
  it('matches artist and album case-insensitively, by substring or exactly', () => {
    expect(Array.from(filterRows(table, { artist: 'beatles' }))).toEqual([0, 3]);
    expect(Array.from(filterRows(table, { artist: 'beatles', match: 'exact' }))).toEqual([]);
    expect(Array.from(filterRows(table, { artist: 'the beatles', match: 'exact' }))).toEqual([0, 3]);
    expect(Array.from(filterRows(table, { album: 'abbey road', match: 'exact' }))).toEqual([0]);
    expect(
      Array.from(filterRows(table, { album: 'abbey road', explicit: false, years: [1900, 2000] })),
    ).toEqual([0]);
    expect(Array.from(filterRows(table, { explicit: true }))).toEqual([2, 4]);
  });
  it('returns the rows as a table', () => {
    const rows = filterTracks(table, { artist: 'moby' });
    expect(rows.length).toBe(1);
    expect(rows.text.album).toEqual(['Play']);
    expect(Array.from(rows.numeric.tempo!)).toEqual([128]);
  });
  it('errors on bad ranges and missing columns', () => {
    expect(() => filterRows(table, { years: [2000, 1990] })).toThrow(/min <= max/);
    expect(() => filterRows(table, { ranges: { energy: [0, 1] } })).toThrow(/'energy' is not loaded/);
    expect(() => filterRows({ ...table, explicit: undefined }, { explicit: true })).toThrow(
      /explicit column/,
    );
  });
});
