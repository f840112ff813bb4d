/**
 * The Track Explorer's embedded sample: a seeded subset of the cleaned table, as rows small enough to put in
 * a page (1.2M tracks would be ~300 MB of JSON). Extra per-track columns (cluster, promotion probability)
 * come from the pipeline's results, aligned with the table's rows.
 */
import { AUDIO_FEATURES, type NumericColumn, type TrackTable } from '../data/schema';
import { sampleIndices } from '../util/random';
import type { SampleColumn, TrackSample } from './types';

/** A per-track column computed elsewhere, one value per row of the full table. */
export interface ExtraColumn {
  label: string;
  values: ArrayLike<number> | readonly string[];
  /** Decimals shown for numbers. Default: 3. */
  digits?: number;
}

export interface TrackSampleOptions {
  /** Rows in the sample. Default: 5000 (about 1 MB of page data). */
  size?: number;
  /** Seed of the sample. Required: the page says which seed drew it. */
  seed: number;
  /** Extra columns by key, e.g. `{ cluster: {...}, promoted_prob: {...} }`. Default: none. */
  extra?: Record<string, ExtraColumn>;
}

export const TRACK_SAMPLE_DEFAULTS = { size: 5000 } as const;

const NUMERIC_SHOWN: { key: NumericColumn; label: string; digits: number }[] = [
  { key: 'year', label: 'Year', digits: 0 },
  ...AUDIO_FEATURES.map((key) => ({
    key,
    label: key[0].toUpperCase() + key.slice(1),
    digits: key === 'tempo' || key === 'loudness' ? 1 : 3,
  })),
  { key: 'duration_min', label: 'Duration (min)', digits: 2 },
  { key: 'popularity', label: 'Popularity', digits: 0 },
];

export function buildTrackSample(table: TrackTable, options: TrackSampleOptions): TrackSample {
  const size = options.size ?? TRACK_SAMPLE_DEFAULTS.size;
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`track sample size must be a positive integer, got ${size}`);
  if (!Number.isFinite(options.seed))
    throw new Error(`track sample seed must be a finite number, got ${options.seed}`);
  for (const [key, extra] of Object.entries(options.extra ?? {})) {
    if (extra.values.length !== table.length) {
      throw new Error(
        `extra column '${key}' has ${extra.values.length} values; expected one per table row (${table.length})`,
      );
    }
  }
  const picks = sampleIndices(table.length, size, options.seed);

  type Getter = (row: number) => string | number | string[] | null;
  const columns: SampleColumn[] = [];
  const getters: Getter[] = [];
  const add = (column: SampleColumn, get: Getter): void => {
    columns.push(column);
    getters.push(get);
  };
  // Six decimals is what the source file prints; float64 noise beyond that would be ~40 % of the page data.
  const number = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null);
  for (const [key, label] of [
    ['id', 'ID'],
    ['name', 'Track'],
  ] as const) {
    const values = table.text[key];
    if (values) add({ key, label, type: 'text' }, (r) => values[r]);
  }
  const artists = table.lists.artists;
  if (artists) add({ key: 'artists', label: 'Artists', type: 'list' }, (r) => artists[r]);
  const albums = table.text.album;
  if (albums) add({ key: 'album', label: 'Album', type: 'text' }, (r) => albums[r]);
  for (const { key, label, digits } of NUMERIC_SHOWN) {
    const values = table.numeric[key];
    if (values) add({ key, label, type: 'number', digits }, (r) => number(values[r]));
  }
  for (const [key, extra] of Object.entries(options.extra ?? {})) {
    const values = extra.values;
    const isText = typeof values[0] === 'string';
    add({ key, label: extra.label, type: isText ? 'text' : 'number', digits: extra.digits ?? 3 }, (r) =>
      isText ? String(values[r]) : number(Number(values[r])),
    );
  }
  const rows = Array.from(picks, (r) => getters.map((get) => get(r)));
  return { columns, rows, populationRows: table.length, seed: options.seed };
}
