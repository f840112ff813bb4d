/**
 * Column-layout adapters: map a file's header onto the track schema. Names are normalised first
 * (column-names.ts) and matched against the aliases of many public layouts (column-aliases.ts); unnamed index
 * columns are dropped. Detection is by header names only; units (0–100 features, seconds, `m:ss`) are settled
 * on the values by units.ts. Only a way to name a track (name or id) and enough audio features are required
 * (minimum-columns.ts); every other column may be missing, and `available` on the load says which are there.
 */
import { RAW_COLUMNS } from './schema';
import { ALIASES, KNOWN_UNUSED } from './column-aliases';
import { isUnnamedIndex, NameUnit, parseColumnName } from './column-names';
import { checkMinimumColumns } from './minimum-columns';

/** A column of the loaded table that a file can supply. */
export type SourcedColumn = (typeof RAW_COLUMNS)[number] | 'popularity' | 'genre';

/** How the loader reads the source column: its DuckDB type at scan time. */
export type ReadAs = 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';

export interface ColumnMapping {
  /** The schema column. */
  target: SourcedColumn;
  /** The header name in the file. */
  source: string;
  /** Position of the source column in the file (0-based). */
  index: number;
  /** A unit written in the header name (`Duration (ms)`, `Loudness (dB)`, `danceability_%`). */
  nameUnit?: NameUnit;
  /**
   * For `name`: other name columns read where this one is empty (genres_v2.csv fills `song_name` on some rows
   * and `title` on the others).
   */
  fallbacks?: { source: string; index: number }[];
}

/** What happened to one column of the file (the report lists every one). */
export interface FileColumn {
  /** Position in the file (0-based). */
  index: number;
  /** Header name as written ('' for a blank cell). */
  source: string;
  /** 'mapped' onto `target`, 'index' (an unnamed row index, dropped), 'duplicate' (target already taken) or 'unused'. */
  status: 'mapped' | 'index' | 'duplicate' | 'unused';
  target?: SourcedColumn;
}

export interface Layout {
  /** A known family ('tracks_features_1.2m', 'spotify_1921_2020', 'exportify', …) or 'mapped'. */
  name: string;
  /** One entry per schema column found. */
  mapped: ColumnMapping[];
  /** Schema columns the file does not have (they load as NULL and their cleaning rules are skipped). */
  notFound: SourcedColumn[];
  /** File columns not used (unnamed index columns included). */
  extra: string[];
  /** Every file column, in file order. */
  columns: FileColumn[];
}

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

/** Columns read as text and converted in SQL: durations (`m:ss`, `1,234`), key names (`C#`), `Major`, `4/4`. */
const PARSED_IN_SQL = new Set<SourcedColumn>(['duration_ms', 'key', 'mode', 'time_signature']);

/** @deprecated kept for callers of the old API: the key of a header name. */
export function normalizeHeader(name: string): string {
  return parseColumnName(name).key;
}

/** How the loader reads the source column of `mapping`. */
export function readAs(mapping: ColumnMapping): ReadAs {
  if (mapping.target === 'explicit') return 'BOOLEAN';
  if (TEXT_COLUMNS.has(mapping.target) || PARSED_IN_SQL.has(mapping.target)) return 'VARCHAR';
  return 'DOUBLE';
}

/** The schema column a header name means, if any (`full` key first, so `duration_ms` beats `duration`). */
export function matchAlias(name: string): SourcedColumn | undefined {
  const parsed = parseColumnName(name);
  for (const target of Object.keys(ALIASES) as SourcedColumn[])
    if (ALIASES[target].includes(parsed.full) || ALIASES[target].includes(parsed.key)) return target;
  return undefined;
}

/** How many cells of a header candidate are names some layout uses (header detection scores lines by this). */
export function knownNameCount(cells: readonly string[]): number {
  return cells.filter((c) => {
    if (c.trim() === '') return false;
    const parsed = parseColumnName(c);
    return (
      matchAlias(c) !== undefined || KNOWN_UNUSED.includes(parsed.key) || KNOWN_UNUSED.includes(parsed.full)
    );
  }).length;
}

function familyName(header: readonly string[], mapped: ColumnMapping[], indexColumns: number): string {
  const keys = new Set(header.map((h) => parseColumnName(h).full));
  const exact = (cols: readonly string[]) =>
    cols.every((c) => mapped.some((m) => m.target === c && m.source === c));
  if (exact(RAW_COLUMNS)) return 'tracks_features_1.2m';
  if (exact(['id', 'name', 'artists', 'year', 'popularity']) && !mapped.some((m) => m.target === 'album'))
    return 'spotify_1921_2020';
  if (keys.has('track_uri') && keys.has('artist_name_s')) return 'exportify';
  if (keys.has('analysis_url') || keys.has('track_href')) return 'web_api_audio_features';
  if (keys.has('playlist_genre')) return 'spotify_songs_30k';
  if (keys.has('track_genre')) return indexColumns > 0 ? 'spotify_tracks_114k' : 'track_genre';
  if (keys.has('nrgy') && keys.has('dnce')) return 'top10s_2010_2019';
  if (header.includes('Beats.Per.Minute')) return 'top50_2019';
  if (keys.has('beats_per_minute_bpm')) return 'top2000';
  if (keys.has('artist_s_name') || keys.has('danceability_pct')) return 'spotify_2023';
  if (keys.has('tracks_features') || exact(['id', 'name', 'danceability'])) return 'tracks_features_subset';
  return 'mapped';
}

/**
 * Map `header` onto the schema, or throw ONE DataError saying what is missing (a name or id, enough audio
 * features). `headerLine` (1-based) locates that error.
 */
export function detectLayout(header: readonly string[], file: string, headerLine = 1): Layout {
  const parsed = header.map(parseColumnName);
  const columns: FileColumn[] = header.map((source, index) => ({
    index,
    source,
    status: isUnnamedIndex(source) ? 'index' : 'unused',
  }));
  const mapped: ColumnMapping[] = [];
  for (const target of Object.keys(ALIASES) as SourcedColumn[]) {
    // Aliases are in preference order; for each, the exact `full` name beats a name whose unit was stripped.
    let index = -1;
    for (const alias of ALIASES[target]) {
      index = columns.findIndex((c, i) => c.status === 'unused' && parsed[i].full === alias);
      if (index < 0) index = columns.findIndex((c, i) => c.status === 'unused' && parsed[i].key === alias);
      if (index >= 0) break;
    }
    if (index < 0) continue;
    columns[index] = { ...columns[index], status: 'mapped', target };
    const entry: ColumnMapping = { target, source: header[index], index };
    if (parsed[index].unit) entry.nameUnit = parsed[index].unit;
    mapped.push(entry);
  }
  const name = mapped.find((m) => m.target === 'name');
  if (name) {
    for (const c of columns) {
      if (c.status !== 'unused' || matchAlias(c.source) !== 'name') continue;
      Object.assign(c, { status: 'mapped', target: 'name' });
      (name.fallbacks ??= []).push({ source: c.source, index: c.index });
    }
  }
  // A second column that would map to a taken target (e.g. `track_name` next to `name`) is reported as such.
  for (const c of columns) {
    if (c.status !== 'unused') continue;
    const target = matchAlias(c.source);
    if (target) Object.assign(c, { status: 'duplicate', target });
  }
  mapped.sort((a, b) => RAW_ORDER(a.target) - RAW_ORDER(b.target));
  checkMinimumColumns(header, mapped, file, headerLine);
  const found = new Set(mapped.map((m) => m.target));
  const notFound = (Object.keys(ALIASES) as SourcedColumn[]).filter((c) => !found.has(c));
  const extra = columns.filter((c) => c.status !== 'mapped').map((c) => c.source);
  const indexColumns = columns.filter((c) => c.status === 'index').length;
  return { name: familyName(header, mapped, indexColumns), mapped, notFound, extra, columns };
}

const ORDER = Object.keys(ALIASES);
function RAW_ORDER(target: string): number {
  return ORDER.indexOf(target);
}
