/** Trends and exploration over the whole cleaned table, as SQL aggregates in DuckDB. */
import type { LoadedTracks } from '../../data/load';
import {
  compareCohortsSql,
  correlationMatrixSql,
  decadeMeansSql,
  histogramsSql,
  topAlbumsSql,
  topArtistsSql,
  yearlyMeansSql,
  type CohortComparison,
  type CorrelationMatrix,
  type FeatureHistogram,
  type PeriodMeans,
  type TopEntities,
} from '../../analysis';

export interface Trends {
  yearly: PeriodMeans;
  decades: PeriodMeans;
  histograms: FeatureHistogram[];
  correlation: CorrelationMatrix;
  topArtists: TopEntities;
  topAlbums: TopEntities;
  byDecade: CohortComparison;
  byExplicit: CohortComparison;
  /** Only where the layout has a genre column. */
  byGenre?: CohortComparison;
}

export interface TrendOptions {
  /** Artists and albums listed. Default: 20. */
  topLimit?: number;
  /** Whether the relation has a genre column. Default: false. */
  hasGenre?: boolean;
}

export async function computeTrends(loaded: LoadedTracks, options: TrendOptions = {}): Promise<Trends> {
  const { connection: c, relation: r } = loaded;
  const limit = options.topLimit ?? 20;
  return {
    yearly: await yearlyMeansSql(c, r),
    decades: await decadeMeansSql(c, r),
    histograms: await histogramsSql(c, r),
    correlation: await correlationMatrixSql(c, r),
    topArtists: await topArtistsSql(c, r, { limit }),
    topAlbums: await topAlbumsSql(c, r, { limit }),
    byDecade: await compareCohortsSql(c, r, { kind: 'decade' }),
    byExplicit: await compareCohortsSql(c, r, { kind: 'explicit' }),
    byGenre: options.hasGenre ? await compareCohortsSql(c, r, { kind: 'genre' }) : undefined,
  };
}
