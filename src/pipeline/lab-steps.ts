/**
 * The lab's steps, declared for the registry (./registry): parameters with their defaults from the RunConfig,
 * the steps each reads, the columns each needs, and the compute — a thin wrapper over ./steps/*.
 */
import type { TrackStore } from '../data/track-store';
import type { TrackTable } from '../data/schema';
import { isSettledExplanation } from '../explain/explain-track';
import { llmEndpoint } from '../explain/llm-client';
import type { TrackIdentity } from '../explain/prompt';
import type { UpliftStudy } from '../model/uplift/uplift-study';
import { PROMOTION_PARAMS } from '../model/params';
import type { TrainingSession, XGBoostParams } from '../model/xgboost';
import { streamSeed, STREAMS } from '../util/random';
import { MAX_K, type RunConfig } from './config';
import { withDefaults, type StepDefinition } from './registry';
import { STEP_SHAPES } from './step-shapes';
import { clusterFeatures, computeClusters, computeElbow, elbowKMax, type Clusters } from './steps/clusters';
import type { ElbowPoint } from '../cluster/elbow';
import { computeExplanation, type Explanation } from './steps/explanation';
import type { UpliftCampaign } from '../label/uplift-campaign';
import { computeLabelArrays, simulateCampaign, type LabelArrays, type Labels } from './steps/labels';
import { computeModels, type ModelStep } from './steps/model';
import { computeOverview, type Overview } from './steps/overview';
import { computeScores, type Scores } from './steps/scores';
import { computeTrends, type Trends } from './steps/trends';
import { computeUplift } from './steps/uplift';

/** What steps share: the cleaned data, read once per lab. */
export interface LabResources {
  store(): Promise<TrackStore>;
  table(): Promise<TrackTable>;
  identify(rows: readonly number[]): Promise<TrackIdentity[]>;
  config: RunConfig;
  /** The lab's training worker, kept across trainings (LabHooks.keepTrainingData); absent: one per training. */
  trainingSession?: () => TrainingSession;
}

type Step<P extends object, T> = StepDefinition<P, T, LabResources>;

const AUDIO = [
  'danceability',
  'energy',
  'valence',
  'acousticness',
  'instrumentalness',
  'liveness',
  'speechiness',
];

export interface ClusterParameters {
  /** Clusters. Default: the run's k (6). */
  k: number;
  /** The run seed (k-means++ draws from its `kmeans` stream). */
  seed: number;
}

export interface LabelParameters {
  /** Share of promotion labels flipped at random. Default: the run's flipRate (0.05). */
  flipRate: number;
  seed: number;
}

export interface TrainParameters extends LabelParameters {
  /** Boosting rounds (num_boost_round). Default: the run's rounds (100). */
  rounds: number;
  /** XGBoost parameters over the defaults (max_depth 6, eta 0.3, …), Python's names. Default: {}. */
  params: XGBoostParams;
  /** Feature columns in model order; null = the 9 audio features + duration_min + year. Default: null. */
  features: string[] | null;
  /** Stop after this many rounds without a better validation loss; 0 = off. Default: 10. */
  earlyStoppingRounds: number;
}

export interface ExplanationParameters extends TrainParameters {
  /** Explain without the LLM. Default: the run's offline, or true when HF_TOKEN is unset. */
  offline: boolean;
  /** The LLM endpoint ($HF_INFERENCE_ENDPOINT / $HF_ENDPOINT); null: Hugging Face's routing. Not settable. */
  llmEndpoint: string | null;
}

function trainDefaults(config: RunConfig): TrainParameters {
  return {
    flipRate: config.flipRate,
    seed: config.seed,
    rounds: config.rounds,
    params: {},
    features: null,
    earlyStoppingRounds: 10,
  };
}

function trainParameters(step: string, config: RunConfig, given: Partial<TrainParameters>): TrainParameters {
  const p = withDefaults(step, trainDefaults(config), given);
  // The effective XGBoost parameters, so { max_depth: 6 } (the default) and {} share one cache entry.
  p.params = { ...PROMOTION_PARAMS, ...(given.params ?? {}) };
  if (!Number.isInteger(p.rounds) || p.rounds < 1)
    throw new Error(`${step}: rounds must be a positive integer, got ${p.rounds}`);
  if (!(p.flipRate >= 0 && p.flipRate < 0.5))
    throw new Error(`${step}: flipRate must be in [0, 0.5), got ${p.flipRate}`);
  return p;
}

const modelInput = (p: TrainParameters) =>
  [
    'model',
    {
      flipRate: p.flipRate,
      seed: p.seed,
      rounds: p.rounds,
      params: p.params,
      features: p.features,
      earlyStoppingRounds: p.earlyStoppingRounds,
    },
  ] as const;

const scoresInput = (p: TrainParameters) => ['scores', modelInput(p)[1]] as const;

export const overviewStep: Step<Record<string, never>, Overview> = {
  name: 'overview',
  version: 2,
  cache: 'disk',
  shape: STEP_SHAPES.overview,
  parameters: (_config, given) => withDefaults('overview', {}, given),
  label: () => 'overview',
  compute: async (_p, { resources }) => computeOverview(await resources.store()),
};

export const trendsStep: Step<Record<string, never>, Trends> = {
  name: 'trends',
  version: 2,
  cache: 'disk',
  shape: STEP_SHAPES.trends,
  requires: ['year'],
  parameters: (_config, given) => withDefaults('trends', {}, given),
  inputs: () => [['overview', {}]],
  label: () => 'trends (DuckDB)',
  compute: async (_p, { resources, input }) =>
    computeTrends(await resources.store(), { hasGenre: (await input<Overview>('overview')).hasGenre }),
  summary: (t) => `${t.yearly.periods.length} years, top artist ${t.topArtists.rows[0]?.name ?? '—'}`,
};

export interface ElbowParameters {
  /** Largest k of the curve. Default: 10. */
  kMax: number;
  seed: number;
}

const CLUSTER_FEATURES = [...AUDIO, 'tempo', 'loudness'];

export const elbowStep: Step<ElbowParameters, { points: ElbowPoint[] }> = {
  name: 'elbow',
  version: 1,
  cache: 'disk',
  shape: STEP_SHAPES.elbow,
  requires: CLUSTER_FEATURES,
  parameters: (config, given) => withDefaults('elbow', { kMax: 10, seed: config.seed }, given),
  label: (p) => `elbow curve (k = 2..${p.kMax})`,
  compute: async (p, { resources, reporter }) =>
    computeElbow(await resources.table(), {
      kMax: p.kMax,
      // The clusters' k-means++ stream, as when the curve was part of that step: the same curve as before.
      seed: streamSeed(p.seed, STREAMS.kmeans),
      onProgress: reporter.update,
    }),
};

export const clustersStep: Step<ClusterParameters, Clusters> = {
  name: 'clusters',
  version: 3,
  cache: 'disk',
  shape: STEP_SHAPES.clusters,
  requires: CLUSTER_FEATURES,
  parameters: (config, given) => {
    const p = withDefaults('clusters', { k: config.k, seed: config.seed }, given);
    if (!Number.isInteger(p.k) || p.k < 2) throw new Error(`clusters: k must be an integer ≥ 2, got ${p.k}`);
    if (p.k > MAX_K) throw new Error(`clusters: k must be at most ${MAX_K}, got ${p.k}`);
    return p;
  },
  inputs: (p) => [['elbow', { kMax: elbowKMax(p.k), seed: p.seed }]],
  label: (p) => `mood clusters (k = ${p.k})`,
  compute: async (p, { resources, reporter, input }) => {
    const table = await resources.table();
    if (p.k > table.length / 20)
      console.warn(
        `clusters: k = ${p.k} on ${table.length} tracks leaves fewer than 20 tracks per cluster; the moods will be noise (try k ≤ ${Math.max(2, Math.floor(table.length / 20))})`,
      );
    // Skipped with the clusters' own reason (k, rows, features) before the elbow is asked for.
    const columns = clusterFeatures(table, p.k);
    const { points } = await input<{ points: ElbowPoint[] }>('elbow', { kMax: elbowKMax(p.k), seed: p.seed });
    return computeClusters(table, {
      columns,
      k: p.k,
      seed: streamSeed(p.seed, STREAMS.kmeans),
      onProgress: reporter.update,
      elbow: points,
    });
  },
  summary: (c) => c.profiles.map((x) => x.name).join(' · '),
};

function labelParameters(step: string, config: RunConfig, given: Partial<LabelParameters>): LabelParameters {
  const p = withDefaults(step, { flipRate: config.flipRate, seed: config.seed }, given);
  if (!(p.flipRate >= 0 && p.flipRate < 0.5))
    throw new Error(`${step}: flipRate must be in [0, 0.5), got ${p.flipRate}`);
  return p;
}

const LABEL_COLUMNS = ['valence', 'energy', 'danceability'];

/**
 * The labels without the campaign, on disk: a kernel that reads them (and the campaign) from the cache does not
 * read the table (about 1.3 s at 1.2M rows) to compute them again. 2.6 MB at 1.2M rows.
 */
export const labelArraysStep: Step<LabelParameters, LabelArrays> = {
  name: 'labelArrays',
  version: 1,
  cache: 'disk',
  shape: STEP_SHAPES.labelArrays,
  requires: LABEL_COLUMNS,
  parameters: (config, given) => labelParameters('labelArrays', config, given),
  label: (p) => `labels (flip rate ${p.flipRate})`,
  compute: async (p, { resources }) => computeLabelArrays(await resources.table(), p),
  summary: (l) =>
    `rule promotes ${(100 * l.promotion.ruleBaseRate).toFixed(1)}%, ceiling AUC ${l.ceiling.auc.toFixed(3)}`,
};

/** The simulated campaign: the same for every flip rate, so it is computed (~0.5 s at 1.2M rows) once per seed. */
export const campaignStep: Step<{ seed: number }, UpliftCampaign> = {
  name: 'campaign',
  version: 1,
  cache: 'disk',
  shape: STEP_SHAPES.campaign,
  requires: LABEL_COLUMNS,
  parameters: (config, given) => withDefaults('campaign', { seed: config.seed }, given),
  label: () => 'simulated campaign',
  compute: async (p, { resources }) => simulateCampaign(await resources.table(), p.seed),
  summary: (c) =>
    `${(100 * c.treatedRate).toFixed(1)}% treated, observed uplift ${c.observedUplift.toFixed(3)}`,
};

/** The labels with their campaign (what lab.labels gives and the uplift study reads), from the two steps above. */
export const labelsStep: Step<LabelParameters, Labels> = {
  name: 'labels',
  version: 2,
  // Assembled from two disk-cached steps: nothing to store.
  cache: 'memory',
  requires: LABEL_COLUMNS,
  parameters: (config, given) => labelParameters('labels', config, given),
  inputs: (p) => [
    ['labelArrays', { flipRate: p.flipRate, seed: p.seed }],
    ['campaign', { seed: p.seed }],
  ],
  label: (p) => `labels and campaign (flip rate ${p.flipRate})`,
  compute: async (p, { input }) => {
    const arrays = await input<LabelArrays>('labelArrays', { flipRate: p.flipRate, seed: p.seed });
    const campaign = await input<UpliftCampaign>('campaign', { seed: p.seed });
    return { ...arrays, campaign };
  },
};

export const modelStep: Step<TrainParameters, ModelStep> = {
  name: 'model',
  // 3: the test AUC interval is DeLong's (was a 200-replicate bootstrap). 4: every row's score is the scores step's.
  version: 4,
  cache: 'disk',
  shape: STEP_SHAPES.model,
  requires: LABEL_COLUMNS,
  parameters: (config, given) => trainParameters('model', config, given),
  // The labels without the campaign: training never waits for its simulation.
  inputs: (p) => [['labelArrays', { flipRate: p.flipRate, seed: p.seed }]],
  label: (p) => `promotion model (${p.rounds} rounds, max_depth ${p.params.max_depth}, eta ${p.params.eta})`,
  compute: async (p, { resources, input, reporter }) =>
    computeModels(
      await resources.table(),
      await input<LabelArrays>('labelArrays', { flipRate: p.flipRate, seed: p.seed }),
      {
        seed: p.seed,
        rounds: p.rounds,
        params: p.params,
        features: p.features ?? undefined,
        earlyStoppingRounds: p.earlyStoppingRounds,
        onProgress: reporter.update,
        session: resources.trainingSession?.(),
      },
    ),
  summary: (m) =>
    `test AUC ${m.promotion.evaluation.rocAuc.toFixed(3)}${m.popularity ? `, popularity AUC ${m.popularity.evaluation.rocAuc.toFixed(3)}` : ''}`,
};

export const scoresStep: Step<TrainParameters, Scores> = {
  name: 'scores',
  version: 1,
  // 4.8 MB at 1.2M rows, read back in milliseconds; predicting them again takes ~1.5 s.
  cache: 'disk',
  shape: STEP_SHAPES.scores,
  requires: ['valence', 'energy', 'danceability'],
  parameters: (config, given) => trainParameters('scores', config, given),
  inputs: (p) => [modelInput(p)],
  label: () => 'promotion scores of every track',
  compute: async (p, { resources, input }) => {
    const [, asked] = modelInput(p);
    const models = await input<ModelStep>('model', asked);
    return computeScores(await resources.table(), models.promotion);
  },
};

export const explanationStep: Step<ExplanationParameters, Explanation> = {
  name: 'explanation',
  version: 1,
  cache: 'disk',
  shape: STEP_SHAPES.explanation,
  parameters: (config, given) => {
    const { offline: asked, ...rest } = given;
    const offline = asked ?? (config.offline || !process.env.HF_TOKEN);
    return {
      ...trainParameters('explanation', config, rest),
      offline,
      // Another server gives other answers: the endpoint is part of the key (never the token).
      llmEndpoint: offline ? null : (llmEndpoint() ?? null),
    };
  },
  inputs: (p) => [modelInput(p)],
  label: () => 'explanations (SHAP)',
  compute: async (p, { resources, input }) => {
    const [, asked] = modelInput(p);
    const models = await input<ModelStep>('model', asked);
    const store = await resources.store();
    return computeExplanation(await resources.table(), models.promotion, {
      seed: streamSeed(p.seed, STREAMS.shap),
      offline: p.offline,
      cacheDir: resources.config.cacheDir,
      predictor: store.fingerprint,
      identify: resources.identify,
    });
  },
  // An offline text after a network error is a stand-in: not cached, so the next run asks the LLM again.
  cacheable: (e) => e.examples.every((x) => isSettledExplanation(x.text)),
  summary: (e) =>
    `top feature ${e.importance[0]?.feature}, ${e.examples.filter((x) => x.text.source !== 'offline').length}/${e.examples.length} from an LLM`,
};

export const upliftStep: Step<TrainParameters, UpliftStudy> = {
  name: 'uplift',
  version: 1,
  cache: 'disk',
  shape: STEP_SHAPES.uplift,
  parameters: (config, given) => trainParameters('uplift', config, given),
  inputs: (p) => [['labels', { flipRate: p.flipRate, seed: p.seed }], modelInput(p), scoresInput(p)],
  label: () => 'uplift study',
  compute: async (p, { resources, input, reporter }) => {
    const [, asked] = modelInput(p);
    const models = await input<ModelStep>('model', asked);
    const scores = await input<Scores>('scores', asked);
    const labels = await input<Labels>('labels', { flipRate: p.flipRate, seed: p.seed });
    return computeUplift(await resources.table(), labels, scores.promotion, {
      seed: streamSeed(p.seed, STREAMS.uplift),
      features: models.promotion.meta.features,
      onProgress: reporter.update,
    });
  },
  summary: (u) =>
    u.learners
      .map(
        (l) =>
          `${l.kind} Qini ${l.curves.qiniCoefficient.toFixed(3)}${l.pehe === undefined ? '' : ` PEHE ${l.pehe.toFixed(3)}`}`,
      )
      .join(', '),
};

/** Every step of the lab, in pipeline order. */
export const LAB_STEPS = [
  overviewStep,
  trendsStep,
  elbowStep,
  clustersStep,
  labelArraysStep,
  campaignStep,
  labelsStep,
  modelStep,
  scoresStep,
  explanationStep,
  upliftStep,
];
