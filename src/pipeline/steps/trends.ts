/**
 * Trends and exploration over the whole cleaned table, as SQL aggregates in DuckDB. Each part runs on the
 * columns the file has: a part whose columns are missing (no year, no album, no explicit …) or constant is
 * left empty, and `skipped`/`notes` say why in one line each.
 */
import type { LoadedTracks } from '../../data/load';
import {
  compareCohortsSql,
  constantColumnsSql,
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
import { AUDIO_FEATURES, type NumericColumn } from '../../data/schema';
import {
  availabilityLine,
  availabilityLines,
  availableColumns,
  stepAvailability,
  type Availability,
  type StepId,
} from '../requirements';

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
  /** Parts that could not run on this file (left empty), with the one line that says why. */
  skipped: Partial<Record<StepId, string>>;
  /** Parts that ran on a subset of their columns, one line each. */
  notes: string[];
}

export interface TrendOptions {
  /** Artists and albums listed. Default: 20. */
  topLimit?: number;
  /** Whether the relation has a genre column. Default: false. */
  hasGenre?: boolean;
}

const emptyPeriods = (periodYears: number): PeriodMeans => ({
  periodYears,
  z: 1.96,
  periods: [],
  counts: [],
  features: [],
});
const emptyCohort = (kind: CohortComparison['kind']): CohortComparison => ({
  kind,
  features: [],
  overall: { n: 0, mean: [], sd: [] },
  segments: [],
});
const emptyTop = (kind: TopEntities['kind'], totalTracks: number): TopEntities => ({
  kind,
  rows: [],
  distinct: 0,
  totalTracks,
  note: '',
});

export async function computeTrends(loaded: LoadedTracks, options: TrendOptions = {}): Promise<Trends> {
  const { connection: c, relation: r } = loaded;
  const limit = options.topLimit ?? 20;
  const available = availableColumns(loaded);
  const present = AUDIO_FEATURES.filter((f) => available.includes(f));
  // Constant features have no spread: no correlation, no standardized effect.
  const constant = await constantColumnsSql(c, r, present);
  const skipped: Partial<Record<StepId, string>> = {};
  const all: Availability[] = [];
  const check = (step: StepId, unusable: Record<string, string> = {}): Availability => {
    const a = stepAvailability(step, available, unusable);
    if (a.status === 'skipped') skipped[step] = availabilityLine(a);
    all.push(a);
    return a;
  };
  const features = (a: Availability) =>
    a.status === 'skipped'
      ? []
      : (a.columns.filter((x) => (AUDIO_FEATURES as readonly string[]).includes(x)) as NumericColumn[]);

  const dist = check('distributions');
  const corr = check('correlation', constant);
  const yearly = check('yearly_trends');
  const artists = check('top_artists');
  const albums = check('top_albums');
  const decade = check('cohort_decade', constant);
  const explicit = check('cohort_explicit', constant);
  const genre = options.hasGenre ? check('cohort_genre', constant) : undefined;
  const rows = loaded.rowCount;
  return {
    yearly:
      yearly.status === 'skipped'
        ? emptyPeriods(1)
        : await yearlyMeansSql(c, r, { features: features(yearly) }),
    decades:
      yearly.status === 'skipped'
        ? emptyPeriods(10)
        : await decadeMeansSql(c, r, { features: features(yearly) }),
    histograms: dist.status === 'skipped' ? [] : await histogramsSql(c, r, { features: features(dist) }),
    correlation:
      corr.status === 'skipped'
        ? { features: [], matrix: [], n: rows }
        : await correlationMatrixSql(c, r, { features: features(corr) }),
    topArtists:
      artists.status === 'skipped' ? emptyTop('artist', rows) : await topArtistsSql(c, r, { limit }),
    topAlbums:
      albums.status === 'skipped'
        ? emptyTop('album', rows)
        : await topAlbumsSql(c, r, {
            limit,
            albumKey: albums.columns.includes('album_id') ? 'album_id' : 'album',
          }),
    byDecade:
      decade.status === 'skipped'
        ? emptyCohort('decade')
        : await compareCohortsSql(c, r, { kind: 'decade' }, { features: features(decade) }),
    byExplicit:
      explicit.status === 'skipped'
        ? emptyCohort('explicit')
        : await compareCohortsSql(c, r, { kind: 'explicit' }, { features: features(explicit) }),
    byGenre:
      genre === undefined || genre.status === 'skipped'
        ? undefined
        : await compareCohortsSql(c, r, { kind: 'genre' }, { features: features(genre) }),
    skipped,
    notes: availabilityLines(all),
  };
}
