/**
 * What a cached step result must look like before the lab trusts it (util/shape-check): the fields that later
 * steps, summaries and pages reach into. The cache's content hash already refuses edited or torn files; this
 * refuses a well-formed entry of the wrong shape (an older build's output under the same key), so it is
 * recomputed with one line instead of crashing later with "Cannot read properties of undefined".
 * Numbers that may be NaN are not listed: JSON stores NaN as null.
 */
import type { Shape } from '../util/shape-check';

const trainedModel: Shape = {
  modelJson: 'typed',
  meta: { features: ['string'] },
  evaluation: { rocAuc: 'number' },
  history: 'object',
  test: { rows: 'typed', labels: 'typed', scores: 'typed' },
};

export const STEP_SHAPES = {
  overview: {
    report: 'object',
    rows: 'number',
    hasPopularity: 'boolean',
    hasGenre: 'boolean',
    available: ['string'],
  },
  trends: {
    yearly: { periods: 'array' },
    decades: 'object',
    histograms: 'array',
    correlation: 'object',
    topArtists: { rows: 'array' },
    topAlbums: { rows: 'array' },
    byDecade: 'object',
    byExplicit: 'object',
    skipped: 'object',
    notes: ['string'],
  },
  elbow: { points: [{ k: 'number', inertia: 'number', silhouette: 'number' }] },
  clusters: {
    k: 'number',
    labels: 'typed',
    profiles: [{ name: 'string' }],
    elbow: 'array',
    map: 'object',
    features: ['string'],
    notes: ['string'],
  },
  labelArrays: {
    promotion: { labels: 'typed', ruleLabels: 'typed', flipped: 'typed', rule: 'string', options: 'object' },
    ceiling: 'object',
    realizedCeiling: 'object',
    'popularity?': { labels: 'typed' },
    notes: ['string'],
  },
  campaign: {
    treatment: 'typed',
    outcome: 'typed',
    trueEffect: 'typed',
    baselineProb: 'typed',
    options: 'object',
  },
  model: { promotion: trainedModel, 'popularity?': trainedModel, notes: ['string'] },
  scores: { promotion: 'typed' },
  explanation: {
    importance: [{ feature: 'string' }],
    meanAbsShap: 'array',
    beeswarm: 'object',
    examples: [
      { row: 'number', track: 'object', local: 'object', text: { text: 'string', source: 'string' } },
    ],
  },
  uplift: { trainRows: 'typed', testRows: 'typed', learners: [{ kind: 'string', curves: 'object' }] },
} satisfies Record<string, Shape>;
