/**
 * The Track Explorer's filters (the original app: year, danceability, energy, tempo sliders), plus artist,
 * album and any feature range. Row-level, so plain TS: the result is the matching row indices, or the
 * matching rows as a new table.
 */
import {
  column,
  listColumn,
  takeRows,
  textColumn,
  type NumericColumn,
  type TrackTable,
} from '../data/schema';

export interface TrackFilter {
  /** Inclusive [first, last] release year. Default: no limit. */
  years?: readonly [number, number];
  /** Keep tracks where any artist matches (case-insensitive; see `match`). Default: no limit. */
  artist?: string;
  /** Keep tracks whose album title matches (case-insensitive; see `match`). Default: no limit. */
  album?: string;
  /** Inclusive [min, max] per numeric column, e.g. `{ danceability: [0.7, 1] }`. Default: none. */
  ranges?: Partial<Record<NumericColumn, readonly [number, number]>>;
  /** Keep only explicit (true) or only clean (false) tracks. Default: both. */
  explicit?: boolean;
  /** 'contains' (substring) or 'exact' (whole name) for artist and album. Default: 'contains'. */
  match?: 'contains' | 'exact';
}

export const FILTER_DEFAULTS: Required<Pick<TrackFilter, 'match'>> = { match: 'contains' };

function checkRange(name: string, range: readonly [number, number]): void {
  if (!Array.isArray(range) || range.length !== 2 || !(range[0] <= range[1])) {
    throw new Error(`filter '${name}' must be [min, max] with min <= max, got ${JSON.stringify(range)}`);
  }
}

/**
 * Indices (ascending) of the rows passing every given condition. Rows with a NaN in a filtered column never
 * pass a range, since NaN lies in no interval.
 */
export function filterRows(table: TrackTable, filter: TrackFilter = {}): Uint32Array {
  const match = filter.match ?? FILTER_DEFAULTS.match;
  if (match !== 'contains' && match !== 'exact')
    throw new Error(`filter 'match' must be 'contains' or 'exact', got '${match}'`);
  const tests: ((i: number) => boolean)[] = [];
  const ranges: [NumericColumn, readonly [number, number]][] = Object.entries(filter.ranges ?? {}) as never;
  if (filter.years) ranges.unshift(['year', filter.years]);
  for (const [name, range] of ranges) {
    checkRange(name, range);
    const values = column(table, name);
    const [lo, hi] = range;
    tests.push((i) => values[i] >= lo && values[i] <= hi);
  }
  const matches = (needle: string): ((text: string) => boolean) => {
    const wanted = needle.toLowerCase();
    return match === 'exact' ? (t) => t.toLowerCase() === wanted : (t) => t.toLowerCase().includes(wanted);
  };
  if (filter.artist !== undefined) {
    const artists = listColumn(table, 'artists');
    const ok = matches(filter.artist);
    tests.push((i) => artists[i].some(ok));
  }
  if (filter.album !== undefined) {
    const albums = textColumn(table, 'album');
    const ok = matches(filter.album);
    tests.push((i) => ok(albums[i]));
  }
  if (filter.explicit !== undefined) {
    const explicit = table.explicit;
    if (!explicit)
      throw new Error(`filter 'explicit' needs the explicit column, which this table does not hold`);
    const wanted = filter.explicit ? 1 : 0;
    tests.push((i) => explicit[i] === wanted);
  }
  const kept: number[] = [];
  for (let i = 0; i < table.length; i++) {
    if (tests.every((test) => test(i))) kept.push(i);
  }
  return Uint32Array.from(kept);
}

/** The rows passing `filter`, as a new table (every loaded column kept). */
export function filterTracks(table: TrackTable, filter: TrackFilter = {}): TrackTable {
  return takeRows(table, filterRows(table, filter));
}
