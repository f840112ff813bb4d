/**
 * Feature distributions as histograms with fixed, documented bins, so two datasets (or two runs) draw on
 * the same grid. Values outside a feature's range are counted apart (`below`/`above`), never dropped silently.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUDIO_FEATURES, type NumericColumn, type TrackTable } from '../data/schema';
import { assertFeatureList, finiteColumns } from './feature-columns';
import { assertCleanRelation, numberOf, queryRows, quoteIdentifier, quoteRelation } from './sql';

/** `bins` equal bins over [lo, hi]; a value equal to hi falls in the last bin. */
export interface BinSpec {
  lo: number;
  hi: number;
  bins: number;
}

/**
 * Default bins per column. 0–1 features: 20 bins of 0.05. Loudness: −60..10 dB in 2.5 dB (the schema's
 * bounds). Tempo: 0..300 BPM in 10. Duration: 0..15 min in 0.5 (longer tracks counted in `above`).
 * Year: 1900..2030 in 5-year bins. Popularity: 0..100 in 5. Integer codes (key, mode, time signature,
 * track/disc number) get one bin per value, centred on it.
 */
export const FEATURE_BINS: Readonly<Record<NumericColumn, BinSpec>> = {
  danceability: { lo: 0, hi: 1, bins: 20 },
  energy: { lo: 0, hi: 1, bins: 20 },
  speechiness: { lo: 0, hi: 1, bins: 20 },
  acousticness: { lo: 0, hi: 1, bins: 20 },
  instrumentalness: { lo: 0, hi: 1, bins: 20 },
  liveness: { lo: 0, hi: 1, bins: 20 },
  valence: { lo: 0, hi: 1, bins: 20 },
  loudness: { lo: -60, hi: 10, bins: 28 },
  tempo: { lo: 0, hi: 300, bins: 30 },
  duration_min: { lo: 0, hi: 15, bins: 30 },
  duration_ms: { lo: 0, hi: 900_000, bins: 30 },
  year: { lo: 1900, hi: 2030, bins: 26 },
  popularity: { lo: 0, hi: 100, bins: 20 },
  key: { lo: -1.5, hi: 11.5, bins: 13 },
  mode: { lo: -0.5, hi: 1.5, bins: 2 },
  time_signature: { lo: -0.5, hi: 7.5, bins: 8 },
  track_number: { lo: 0.5, hi: 50.5, bins: 50 },
  disc_number: { lo: 0.5, hi: 10.5, bins: 10 },
};

export interface HistogramOptions {
  /** Features to bin. Default: the 9 AUDIO_FEATURES. */
  features?: readonly NumericColumn[];
  /** Bins replacing FEATURE_BINS for some features. Default: none. */
  bins?: Partial<Record<NumericColumn, BinSpec>>;
}

export const HISTOGRAM_DEFAULTS: Required<HistogramOptions> = { features: AUDIO_FEATURES, bins: {} };

export interface FeatureHistogram {
  feature: NumericColumn;
  /** bins + 1 edges, edges[0] = lo, edges[bins] = hi. */
  edges: number[];
  counts: number[];
  /** Values < lo. */
  below: number;
  /** Values > hi. */
  above: number;
  /** All values, in or out of range. */
  total: number;
}

interface ResolvedBins extends BinSpec {
  feature: NumericColumn;
  width: number;
}

function resolve(options: HistogramOptions, step: string): ResolvedBins[] {
  const o = { ...HISTOGRAM_DEFAULTS, ...options };
  assertFeatureList(o.features, step);
  return o.features.map((feature) => {
    const spec = o.bins[feature] ?? FEATURE_BINS[feature];
    if (!spec || !(spec.hi > spec.lo) || !Number.isInteger(spec.bins) || spec.bins < 1) {
      throw new Error(`${step}: bins for '${feature}' must have lo < hi and a positive integer bin count`);
    }
    return { feature, ...spec, width: (spec.hi - spec.lo) / spec.bins };
  });
}

function edgesOf(spec: ResolvedBins): number[] {
  return Array.from({ length: spec.bins + 1 }, (_, i) =>
    i === spec.bins ? spec.hi : spec.lo + i * spec.width,
  );
}

/** Histograms over a TrackTable (the reference for `histogramsSql`). */
export function histograms(table: TrackTable, options: HistogramOptions = {}): FeatureHistogram[] {
  const step = 'histograms';
  const specs = resolve(options, step);
  const columns = finiteColumns(
    table,
    specs.map((s) => s.feature),
    step,
  );
  return specs.map((spec, f) => {
    const counts = new Array<number>(spec.bins).fill(0);
    let below = 0;
    let above = 0;
    for (const x of columns[f]) {
      if (x < spec.lo) below++;
      else if (x > spec.hi) above++;
      // The same expression as the SQL, so both engines put an edge value in the same bin.
      else counts[Math.min(Math.floor((x - spec.lo) / spec.width), spec.bins - 1)]++;
    }
    return { feature: spec.feature, edges: edgesOf(spec), counts, below, above, total: table.length };
  });
}

/** Histograms binned in DuckDB over the cleaned `relation`: one grouped scan per feature. */
export async function histogramsSql(
  connection: DuckDBConnection,
  relation: string,
  options: HistogramOptions = {},
): Promise<FeatureHistogram[]> {
  const step = 'histogramsSql';
  const specs = resolve(options, step);
  const total = await assertCleanRelation(
    connection,
    relation,
    { numeric: specs.map((s) => s.feature) },
    step,
  );
  const result: FeatureHistogram[] = [];
  for (const spec of specs) {
    const x = quoteIdentifier(spec.feature);
    // Bound as DOUBLE parameters: a literal such as 0.05 would parse as DECIMAL and could round differently.
    const rows = await queryRows(
      connection,
      `SELECT CASE WHEN ${x} < $1 THEN -1 WHEN ${x} > $2 THEN -2
                   ELSE least(floor((${x} - $1) / $3), $4) END AS bin, count(*)::DOUBLE AS n
       FROM ${quoteRelation(relation)} GROUP BY 1`,
      [spec.lo, spec.hi, spec.width, spec.bins - 1],
    );
    const counts = new Array<number>(spec.bins).fill(0);
    let below = 0;
    let above = 0;
    for (const row of rows) {
      const bin = numberOf(row.bin);
      const n = numberOf(row.n);
      if (bin === -1) below = n;
      else if (bin === -2) above = n;
      else counts[bin] = n;
    }
    result.push({ feature: spec.feature, edges: edgesOf(spec), counts, below, above, total });
  }
  return result;
}
