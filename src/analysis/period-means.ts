/**
 * Mean of each audio feature per period (year or decade), with the track count and a normal-approximation
 * interval mean ± z·sd/√n. The original app plotted bare yearly means; before ~1950 a year holds a handful of
 * tracks, and the interval shows how little those points say.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUDIO_FEATURES, type NumericColumn, type TrackTable } from '../data/schema';
import { assertFeatureList, finiteColumns } from './feature-columns';
import { assertCleanRelation, numberOf, queryRows, quoteIdentifier, quoteRelation } from './sql';

export interface PeriodMeansOptions {
  /** Features to average. Default: the 9 AUDIO_FEATURES. */
  features?: readonly NumericColumn[];
  /** Period length in years: 1 = yearly, 10 = decades (a period starts at floor(year / p) · p). Default: 1. */
  periodYears?: number;
  /** Multiplier of the standard error in the interval. Default: 1.96 (a 95% normal interval). */
  z?: number;
  /** Periods with fewer tracks are left out. Default: 1 (keep all). */
  minTracks?: number;
}

export const PERIOD_MEANS_DEFAULTS: Required<PeriodMeansOptions> = {
  features: AUDIO_FEATURES,
  periodYears: 1,
  z: 1.96,
  minTracks: 1,
};

/** One feature across periods; arrays align with `PeriodMeans.periods`. sd/lower/upper are NaN for n = 1. */
export interface FeatureTrend {
  feature: NumericColumn;
  mean: number[];
  /** Sample standard deviation (n − 1). */
  sd: number[];
  lower: number[];
  upper: number[];
}

export interface PeriodMeans {
  periodYears: number;
  z: number;
  /** First year of each period, ascending. */
  periods: number[];
  /** Tracks per period. */
  counts: number[];
  features: FeatureTrend[];
}

/** Per-period sufficient statistics, as either engine produces them. */
interface PeriodStats {
  period: number;
  n: number;
  mean: number[];
  sd: number[];
}

function resolve(options: PeriodMeansOptions, step: string): Required<PeriodMeansOptions> {
  const o = { ...PERIOD_MEANS_DEFAULTS, ...options };
  assertFeatureList(o.features, step);
  if (!Number.isInteger(o.periodYears) || o.periodYears < 1) {
    throw new Error(
      `${step}: periodYears must be a positive integer (1 = years, 10 = decades), got ${o.periodYears}`,
    );
  }
  if (!(o.z > 0)) throw new Error(`${step}: z must be positive, got ${o.z}`);
  if (!(o.minTracks >= 1)) throw new Error(`${step}: minTracks must be at least 1, got ${o.minTracks}`);
  return o;
}

function assemble(stats: PeriodStats[], o: Required<PeriodMeansOptions>): PeriodMeans {
  const kept = stats.filter((s) => s.n >= o.minTracks).sort((a, b) => a.period - b.period);
  return {
    periodYears: o.periodYears,
    z: o.z,
    periods: kept.map((s) => s.period),
    counts: kept.map((s) => s.n),
    features: o.features.map((feature, f) => {
      const mean = kept.map((s) => s.mean[f]);
      const sd = kept.map((s) => (s.n > 1 ? s.sd[f] : NaN));
      const half = kept.map((s, i) => (o.z * sd[i]) / Math.sqrt(s.n));
      return {
        feature,
        mean,
        sd,
        lower: mean.map((m, i) => m - half[i]),
        upper: mean.map((m, i) => m + half[i]),
      };
    }),
  };
}

/** Feature means per period over a TrackTable (the reference for `periodMeansSql`). */
export function periodMeans(table: TrackTable, options: PeriodMeansOptions = {}): PeriodMeans {
  const step = 'periodMeans';
  const o = resolve(options, step);
  const [year, ...columns] = finiteColumns(table, ['year', ...o.features], step);
  const groupOf = new Map<number, number>();
  const groups: { period: number; rows: number[] }[] = [];
  for (let i = 0; i < table.length; i++) {
    const period = Math.floor(year[i] / o.periodYears) * o.periodYears;
    let g = groupOf.get(period);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(period, g);
      groups.push({ period, rows: [] });
    }
    groups[g].rows.push(i);
  }
  const stats = groups.map(({ period, rows }) => {
    const n = rows.length;
    const mean: number[] = [];
    const sd: number[] = [];
    for (const values of columns) {
      let sum = 0;
      for (const i of rows) sum += values[i];
      const m = sum / n;
      // Two passes: the textbook one-pass formula loses digits on tempo/duration (large mean, small spread).
      let squares = 0;
      for (const i of rows) squares += (values[i] - m) ** 2;
      mean.push(m);
      sd.push(n > 1 ? Math.sqrt(squares / (n - 1)) : NaN);
    }
    return { period, n, mean, sd };
  });
  return assemble(stats, o);
}

/** Feature means per period, aggregated in DuckDB over the cleaned `relation`. */
export async function periodMeansSql(
  connection: DuckDBConnection,
  relation: string,
  options: PeriodMeansOptions = {},
): Promise<PeriodMeans> {
  const step = 'periodMeansSql';
  const o = resolve(options, step);
  await assertCleanRelation(connection, relation, { numeric: ['year', ...o.features] }, step);
  const aggregates = o.features
    .map((f, i) => `avg(${quoteIdentifier(f)}) AS m${i}, stddev_samp(${quoteIdentifier(f)}) AS s${i}`)
    .join(', ');
  const rows = await queryRows(
    connection,
    `SELECT floor(year / $1) * $1 AS period, count(*)::DOUBLE AS n, ${aggregates}
     FROM ${quoteRelation(relation)} GROUP BY 1 ORDER BY 1`,
    [o.periodYears],
  );
  const stats = rows.map((row) => ({
    period: numberOf(row.period),
    n: numberOf(row.n),
    mean: o.features.map((_, i) => numberOf(row[`m${i}`])),
    sd: o.features.map((_, i) => numberOf(row[`s${i}`])),
  }));
  return assemble(stats, o);
}

/** Yearly means (periodYears = 1). */
export function yearlyMeans(
  table: TrackTable,
  options: Omit<PeriodMeansOptions, 'periodYears'> = {},
): PeriodMeans {
  return periodMeans(table, { ...options, periodYears: 1 });
}

/** Decade means (periodYears = 10; the 1990s are period 1990). */
export function decadeMeans(
  table: TrackTable,
  options: Omit<PeriodMeansOptions, 'periodYears'> = {},
): PeriodMeans {
  return periodMeans(table, { ...options, periodYears: 10 });
}

export function yearlyMeansSql(
  connection: DuckDBConnection,
  relation: string,
  options: Omit<PeriodMeansOptions, 'periodYears'> = {},
): Promise<PeriodMeans> {
  return periodMeansSql(connection, relation, { ...options, periodYears: 1 });
}

export function decadeMeansSql(
  connection: DuckDBConnection,
  relation: string,
  options: Omit<PeriodMeansOptions, 'periodYears'> = {},
): Promise<PeriodMeans> {
  return periodMeansSql(connection, relation, { ...options, periodYears: 10 });
}
