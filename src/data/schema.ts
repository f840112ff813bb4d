/**
 * The schema of a track: the 24 columns of Kaggle's "Spotify 1.2M+ Songs" `tracks_features.csv`, in file
 * order, plus the columns the lab derives. Every loader and adapter maps its input onto this one schema.
 */

/** The 24 columns of `tracks_features.csv`, in file order. */
export const RAW_COLUMNS = [
  'id',
  'name',
  'album',
  'album_id',
  'artists',
  'artist_ids',
  'track_number',
  'disc_number',
  'explicit',
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'duration_ms',
  'time_signature',
  'year',
  'release_date',
] as const;
export type RawColumn = (typeof RAW_COLUMNS)[number];

/** The 9 audio features the original app clustered on (standardized). */
export const AUDIO_FEATURES = [
  'danceability',
  'energy',
  'loudness',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
] as const;
export type AudioFeature = (typeof AUDIO_FEATURES)[number];

/** The audio features Spotify reports on a 0–1 scale (some exports scale them to 0–100). */
export const UNIT_FEATURES = [
  'danceability',
  'energy',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
] as const;

/** The original app's 11 model features: the 9 audio features + duration in minutes + year. */
export const MODEL_FEATURES = [...AUDIO_FEATURES, 'duration_min', 'year'] as const;

/** Numeric columns of the file (stored as Float64Array; NaN = missing). */
export const FILE_NUMERIC_COLUMNS = [
  'track_number',
  'disc_number',
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'duration_ms',
  'time_signature',
  'year',
] as const;

/** Numeric columns a table may hold: the file's, the derived `duration_min`, and `popularity` where a layout has it. */
export type NumericColumn = (typeof FILE_NUMERIC_COLUMNS)[number] | 'duration_min' | 'popularity';

/** Text columns (`genre` only where a layout has one). */
export type TextColumn = 'id' | 'name' | 'album' | 'album_id' | 'release_date' | 'genre';

/** Columns that hold a list of names in the file (a Python list literal such as `['A', "Guns N' Roses"]`). */
export type ListColumn = 'artists' | 'artist_ids';

/**
 * Documented bounds of each numeric column (inclusive). Values outside are rejected by cleaning and counted.
 * Spotify's audio-features reference: 0–1 features, loudness in dB (about −60..0; a few real tracks are
 * slightly positive), tempo in BPM, key −1..11, mode 0/1, time signature 0..7 (0 appears in the real file).
 */
export const BOUNDS: Readonly<Partial<Record<NumericColumn, readonly [number, number]>>> = {
  danceability: [0, 1],
  energy: [0, 1],
  speechiness: [0, 1],
  acousticness: [0, 1],
  instrumentalness: [0, 1],
  liveness: [0, 1],
  valence: [0, 1],
  loudness: [-60, 10],
  tempo: [0, 300],
  key: [-1, 11],
  mode: [0, 1],
  time_signature: [0, 7],
  duration_ms: [0, 24 * 3600 * 1000],
  year: [0, 2100],
  popularity: [0, 100],
  track_number: [0, 10000],
  disc_number: [0, 1000],
};

/** A parsed `release_date`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (month/day 0 when the file leaves them out). */
export interface ReleaseDate {
  year: number;
  month: number;
  day: number;
}

/**
 * A columnar table of tracks. Loaders read only the columns a step asks for, so every column is optional;
 * `column(table, name)` fetches one with a clear error when it was not loaded.
 */
export interface TrackTable {
  /** Number of rows. */
  readonly length: number;
  /** Numeric columns, one Float64Array each (NaN = missing). `duration_min` = duration_ms / 60000. */
  readonly numeric: Partial<Record<NumericColumn, Float64Array>>;
  /** Text columns, one string per row ('' = empty). */
  readonly text: Partial<Record<TextColumn, string[]>>;
  /** List columns parsed into real lists of names. */
  readonly lists: Partial<Record<ListColumn, string[][]>>;
  /** `explicit` as 0/1. */
  readonly explicit?: Uint8Array;
}

/** The numeric column `name`, or a clear error naming what the table does hold. */
export function column(table: TrackTable, name: NumericColumn): Float64Array {
  const values = table.numeric[name];
  if (!values) {
    throw new Error(
      `column '${name}' is not loaded; this table has numeric columns: ${Object.keys(table.numeric).join(', ') || '(none)'}`,
    );
  }
  return values;
}

/** The text column `name`, or a clear error. */
export function textColumn(table: TrackTable, name: TextColumn): string[] {
  const values = table.text[name];
  if (!values) {
    throw new Error(
      `text column '${name}' is not loaded; this table has: ${Object.keys(table.text).join(', ') || '(none)'}`,
    );
  }
  return values;
}

/** The list column `name` (e.g. artists), or a clear error. */
export function listColumn(table: TrackTable, name: ListColumn): string[][] {
  const values = table.lists[name];
  if (!values) throw new Error(`list column '${name}' is not loaded`);
  return values;
}

/** A new table holding only the rows at `indices` (in that order), every loaded column kept. */
export function takeRows(table: TrackTable, indices: ArrayLike<number>): TrackTable {
  const n = indices.length;
  const numeric: Partial<Record<NumericColumn, Float64Array>> = {};
  for (const [name, values] of Object.entries(table.numeric) as [NumericColumn, Float64Array][]) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = values[indices[i]];
    numeric[name] = out;
  }
  const pick = <T>(values: T[]): T[] => Array.from({ length: n }, (_, i) => values[indices[i]]);
  const text: Partial<Record<TextColumn, string[]>> = {};
  for (const [name, values] of Object.entries(table.text) as [TextColumn, string[]][])
    text[name] = pick(values);
  const lists: Partial<Record<ListColumn, string[][]>> = {};
  for (const [name, values] of Object.entries(table.lists) as [ListColumn, string[][]][])
    lists[name] = pick(values);
  let explicit: Uint8Array | undefined;
  if (table.explicit) {
    explicit = new Uint8Array(n);
    for (let i = 0; i < n; i++) explicit[i] = table.explicit[indices[i]];
  }
  return { length: n, numeric, text, lists, explicit };
}
