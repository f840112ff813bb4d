/** Small hand-made analysis results for the figure snapshot tests (numbers chosen, not computed). */
import type { CohortComparison } from '../../src/analysis/cohorts';
import type { CorrelationMatrix } from '../../src/analysis/correlation';
import type { FeatureHistogram } from '../../src/analysis/histograms';
import type { PeriodMeans } from '../../src/analysis/period-means';
import type { TopEntities } from '../../src/analysis/top-entities';

export const yearly: PeriodMeans = {
  periodYears: 1,
  z: 1.96,
  periods: [1999, 2000, 2001],
  counts: [4, 1, 9],
  features: [
    {
      feature: 'energy',
      mean: [0.5, 0.6, 0.7],
      sd: [0.1, NaN, 0.2],
      lower: [0.402, NaN, 0.5693],
      upper: [0.598, NaN, 0.8307],
    },
    {
      feature: 'tempo',
      mean: [110, 120, 118],
      sd: [20, NaN, 15],
      lower: [90.4, NaN, 108.2],
      upper: [129.6, NaN, 127.8],
    },
  ],
};

export const decades: PeriodMeans = {
  ...yearly,
  periodYears: 10,
  periods: [1990, 2000],
  counts: [4, 10],
  features: [
    { feature: 'energy', mean: [0.5, 0.69], sd: [0.1, 0.2], lower: [0.402, 0.566], upper: [0.598, 0.814] },
  ],
};

export const histogramsSmall: FeatureHistogram[] = [
  { feature: 'energy', edges: [0, 0.5, 1], counts: [3, 5], below: 0, above: 0, total: 8 },
  { feature: 'tempo', edges: [0, 100, 200], counts: [2, 5], below: 0, above: 1, total: 8 },
];

export const correlation: CorrelationMatrix = {
  features: ['energy', 'loudness', 'acousticness'],
  matrix: [
    [1, 0.77, -0.72],
    [0.77, 1, -0.6],
    [-0.72, -0.6, 1],
  ],
  n: 100,
};

export const topArtistsSmall: TopEntities = {
  kind: 'artist',
  rows: [
    { name: 'A', tracks: 30 },
    { name: 'B', tracks: 12 },
  ],
  distinct: 5,
  totalTracks: 50,
  note: 'Counted per name.',
};

export const topAlbumsSmall: TopEntities = {
  kind: 'album',
  rows: [
    { name: 'Hits', id: 'x', tracks: 9 },
    { name: 'Hits', id: 'y', tracks: 7 },
    { name: 'Solo', id: 'z', tracks: 2 },
  ],
  distinct: 3,
  totalTracks: 18,
  note: 'Grouped by album_id.',
};

export const cohortsSmall: CohortComparison = {
  kind: 'cluster',
  features: ['energy', 'tempo'],
  overall: { n: 10, mean: [0.5, 120], sd: [0.2, 20] },
  segments: [
    { key: '0', n: 6, mean: [0.6, 110], diff: [0.1, -10], effect: [0.5, -0.5] },
    { key: '1', n: 4, mean: [0.35, 135], diff: [-0.15, 15], effect: [-0.75, 0.75] },
  ],
};
