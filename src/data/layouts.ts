/**
 * Column-layout adapters: map a file's header onto the track schema. Handles the 1.2M layout
 * (`tracks_features.csv`), Kaggle "Spotify Dataset 1921–2020" (`data.csv`: popularity, plain or list artists,
 * no album), and exports with renamed columns (`track_id`, `track_name`, `Title`, `Artist`, `Top Genre`,
 * `bpm`, `nrgy`, …). Detection is by header names only; value-level facts (0–100 percent scaling, `m:ss`
 * durations) are settled by the loader on the data and added to the report.
 */
import { FILE_NUMERIC_COLUMNS, RAW_COLUMNS } from './schema';
import { DataError } from './errors';

/** A column of the loaded table that a file can supply. */
export type SourcedColumn = (typeof RAW_COLUMNS)[number] | 'popularity' | 'genre';

/** How a source column is read: its DuckDB type at scan time. Durations are read as text (`m:ss` or a number). */
export type ReadAs = 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';

export interface ColumnMapping {
  /** The schema column. */
  target: SourcedColumn;
  /** The header name in the file. */
  source: string;
  /** Position of the source column in the file (0-based). */
  index: number;
  /** For `duration_ms`: the unit of the source column ('ms', 's', or 'auto' = `m:ss` text or milliseconds). */
  durationUnit?: 'ms' | 's' | 'auto';
}

export interface Layout {
  /** 'tracks_features_1.2m', 'spotify_1921_2020', or 'mapped' (any other header the aliases cover). */
  name: string;
  /** One entry per schema column found. */
  mapped: ColumnMapping[];
  /** Schema columns the file does not have (they load as '' / NULL / [] and their cleaning rules are skipped). */
  notFound: SourcedColumn[];
  /** File columns not used. */
  extra: string[];
}

/** Columns without which the lab cannot run (a year can come from `release_date`). */
export const REQUIRED_COLUMNS: readonly SourcedColumn[] = [
  'name',
  'artists',
  'danceability',
  'energy',
  'loudness',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'duration_ms',
];

/** Accepted header names per schema column, normalized (lower case, runs of other characters → '_'). */
const ALIASES: Record<SourcedColumn, readonly string[]> = {
  id: ['id', 'track_id', 'trackid', 'spotify_id', 'song_id'],
  name: ['name', 'track_name', 'track', 'title', 'song', 'song_name', 'track_title'],
  album: ['album', 'album_name', 'track_album_name'],
  album_id: ['album_id', 'track_album_id'],
  artists: ['artists', 'artist', 'artist_name', 'artist_names', 'artists_names', 'track_artist'],
  artist_ids: ['artist_ids', 'artist_id'],
  track_number: ['track_number', 'track_no', 'tracknumber'],
  disc_number: ['disc_number', 'disc_no'],
  explicit: ['explicit', 'is_explicit'],
  danceability: ['danceability', 'dnce', 'dance'],
  energy: ['energy', 'nrgy'],
  key: ['key'],
  loudness: ['loudness', 'db', 'loudness_db'],
  mode: ['mode'],
  speechiness: ['speechiness', 'spch', 'speech'],
  acousticness: ['acousticness', 'acous', 'acoustic'],
  instrumentalness: ['instrumentalness', 'instrumental'],
  liveness: ['liveness', 'live'],
  valence: ['valence', 'val'],
  tempo: ['tempo', 'bpm'],
  duration_ms: ['duration_ms', 'duration', 'dur', 'length', 'duration_s', 'duration_sec', 'duration_seconds'],
  time_signature: ['time_signature', 'timesignature'],
  year: ['year', 'release_year'],
  release_date: ['release_date', 'track_album_release_date', 'date'],
  popularity: ['popularity', 'pop', 'track_popularity'],
  genre: ['genre', 'top_genre', 'track_genre', 'playlist_genre'],
};

const SECONDS_ALIASES = new Set(['dur', 'length', 'duration_s', 'duration_sec', 'duration_seconds']);
const TEXT_COLUMNS = new Set<SourcedColumn>([
  'id',
  'name',
  'album',
  'album_id',
  'artists',
  'artist_ids',
  'release_date',
  'genre',
]);
const NUMERIC = new Set<string>([...FILE_NUMERIC_COLUMNS, 'popularity']);

export function normalizeHeader(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** How the loader reads the source column of `mapping`. */
export function readAs(mapping: ColumnMapping): ReadAs {
  if (mapping.target === 'explicit') return 'BOOLEAN';
  if (mapping.target === 'duration_ms') return mapping.durationUnit === 'auto' ? 'VARCHAR' : 'DOUBLE';
  if (TEXT_COLUMNS.has(mapping.target)) return 'VARCHAR';
  if (NUMERIC.has(mapping.target)) return 'DOUBLE';
  return 'VARCHAR';
}

/** Map `header` onto the schema, or throw ONE DataError listing every required column that is missing. */
export function detectLayout(header: readonly string[], file: string): Layout {
  const normalized = header.map(normalizeHeader);
  const mapped: ColumnMapping[] = [];
  const used = new Set<number>();
  for (const target of Object.keys(ALIASES) as SourcedColumn[]) {
    // Aliases are in preference order: `duration_ms` wins over `duration` when a file has both.
    for (const alias of ALIASES[target]) {
      const index = normalized.findIndex((n, i) => n === alias && !used.has(i));
      if (index < 0) continue;
      used.add(index);
      const entry: ColumnMapping = { target, source: header[index], index };
      if (target === 'duration_ms')
        entry.durationUnit = alias === 'duration_ms' ? 'ms' : SECONDS_ALIASES.has(alias) ? 's' : 'auto';
      mapped.push(entry);
      break;
    }
  }
  const found = new Set(mapped.map((m) => m.target));
  const missing = REQUIRED_COLUMNS.filter((c) => !found.has(c));
  if (!found.has('year') && !found.has('release_date')) missing.push('year');
  if (missing.length > 0) {
    const aliases = (c: SourcedColumn) => [
      ...ALIASES[c].filter((a) => a !== c),
      ...(c === 'year' ? ALIASES.release_date : []),
    ];
    const needs = missing.map((c) => `${c} (or ${aliases(c).join('/') || 'no alias'})`).join('; ');
    const hint = header.length === 1 ? ' — only one column was found: is the delimiter right?' : '';
    throw new DataError(
      `unknown column layout: missing required column(s) ${needs}. Found columns: ${header.join(', ')}${hint}`,
      { file, line: 1 },
    );
  }
  const notFound = (Object.keys(ALIASES) as SourcedColumn[]).filter((c) => !found.has(c));
  const extra = header.filter((_, i) => !used.has(i));
  const exact = (cols: readonly string[]) =>
    cols.every((c) => mapped.some((m) => m.target === c && m.source === c));
  const name = exact(RAW_COLUMNS)
    ? 'tracks_features_1.2m'
    : exact(['id', 'name', 'artists', 'year', 'popularity']) && !found.has('album')
      ? 'spotify_1921_2020'
      : 'mapped';
  return { name, mapped, notFound, extra };
}
