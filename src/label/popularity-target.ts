/**
 * A real target where a layout has one: a track is a hit when its popularity is above the given quantile of
 * its own release year. Within-year, because Spotify popularity favours recent plays — a global cut would
 * mostly learn the release year. Published audio-only results on such targets land near AUC 0.70–0.80.
 */
import { finiteColumns } from '../analysis/feature-columns';
import type { TrackTable } from '../data/schema';

export interface PopularityTargetOptions {
  /** Quantile of the year's popularity a track must exceed (strictly). Default: 0.75 (top quartile). */
  quantile?: number;
}

export const POPULARITY_TARGET_DEFAULTS: Required<PopularityTargetOptions> = { quantile: 0.75 };

export interface PopularityTarget {
  /** 1 when popularity > its year's threshold. */
  labels: Uint8Array;
  /** Share of positives; below 1 − quantile when many tracks tie at the threshold. */
  baseRate: number;
  quantile: number;
  /** Years ascending, with each year's threshold and track count. */
  years: number[];
  thresholds: number[];
  counts: number[];
}

/** The q-quantile of sorted values, linearly interpolated (numpy's default, pandas' `quantile`). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Top-quantile-within-year labels. A strict `>` keeps a year where every track has popularity 0 (common
 * before 1950 in the 1921–2020 file) free of positives instead of all-positive.
 */
export function popularityTarget(table: TrackTable, options: PopularityTargetOptions = {}): PopularityTarget {
  const { quantile } = { ...POPULARITY_TARGET_DEFAULTS, ...options };
  if (!(quantile > 0 && quantile < 1))
    throw new Error(`popularityTarget: quantile must be in (0, 1), got ${quantile}`);
  if (!table.numeric.popularity) {
    throw new Error(
      "popularityTarget: this table has no 'popularity' column (the 1.2M tracks_features.csv layout has none); " +
        'load a layout with popularity, e.g. the Spotify 1921–2020 dataset, or use the promotion rule labels',
    );
  }
  const [popularity, year] = finiteColumns(table, ['popularity', 'year'], 'popularityTarget');
  const byYear = new Map<number, number[]>();
  for (let i = 0; i < table.length; i++) {
    const rows = byYear.get(year[i]);
    if (rows) rows.push(i);
    else byYear.set(year[i], [i]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const labels = new Uint8Array(table.length);
  const thresholds: number[] = [];
  const counts: number[] = [];
  let positives = 0;
  for (const y of years) {
    const rows = byYear.get(y)!;
    const values = Float64Array.from(rows, (i) => popularity[i]).sort();
    const threshold = quantileSorted(values, quantile);
    for (const i of rows) {
      if (popularity[i] > threshold) {
        labels[i] = 1;
        positives++;
      }
    }
    thresholds.push(threshold);
    counts.push(rows.length);
  }
  return { labels, baseRate: positives / table.length, quantile, years, thresholds, counts };
}
