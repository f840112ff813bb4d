/**
 * A small DashboardInput built from real (tiny) computations: a seeded table of 60 tracks, one with a hostile
 * name, a hand-written two-tree XGBoost JSON model, and figures/tables computed from the table. The model's
 * probability for a track is also computed independently (`expectedProbability`, plain if/else on the same
 * rules) so tests can check the browser's live score against it.
 */
import { MODEL_FEATURES, UNIT_FEATURES, type TrackTable } from '../../src/data/schema';
import { buildTrackSample } from '../../src/report/track-sample';
import type { DashboardInput, PickerTrack } from '../../src/report/types';
import { createRandom } from '../../src/util/random';

export const HOSTILE_NAME = '<img src=x onerror="window.__xss=1">';
export const COMMA_NAME = 'Hello, "World"';
export const FEATURES = [...MODEL_FEATURES];
const f = (name: string): number => FEATURES.indexOf(name as (typeof MODEL_FEATURES)[number]);

interface FixtureNode {
  left: number;
  right: number;
  feature: number;
  value: number;
  defaultLeft: number;
  /** Training rows reaching the node (XGBoost's sum_hessian); TreeSHAP weighs unknown branches by it. */
  cover: number;
}
const leaf = (value: number, cover: number): FixtureNode => ({
  left: -1,
  right: -1,
  feature: 0,
  value,
  defaultLeft: 0,
  cover,
});
const FIXTURE_TREES: FixtureNode[][] = [
  [
    { left: 1, right: 2, feature: f('energy'), value: 0.6, defaultLeft: 1, cover: 10.5 },
    leaf(-0.4, 6.25),
    { left: 3, right: 4, feature: f('valence'), value: 0.5, defaultLeft: 0, cover: 4.25 },
    leaf(0.1, 1.75),
    leaf(0.6, 2.5),
  ],
  [
    { left: 1, right: 2, feature: f('danceability'), value: 0.75, defaultLeft: 1, cover: 10.5 },
    leaf(-0.2, 7.25),
    leaf(0.7, 3.25),
  ],
];
const BASE_MARGIN = Math.log(0.3 / 0.7);

/**
 * Two trees (tree 0 splits energy then valence, tree 1 danceability) in XGBoost 1.7 JSON. Float fields never
 * hold whole numbers: libxgboost's JSON reader refuses an integer where it expects a float, and
 * JSON.stringify writes 10.0 as 10.
 */
export function fixtureModel(): unknown {
  const tree = (id: number, nodes: FixtureNode[]) => ({
    base_weights: nodes.map((n) => n.value),
    categories: [],
    categories_nodes: [],
    categories_segments: [],
    categories_sizes: [],
    default_left: nodes.map((n) => n.defaultLeft),
    id,
    left_children: nodes.map((n) => n.left),
    loss_changes: nodes.map(() => 0.5),
    parents: nodes.map((_, i) =>
      i === 0 ? 2147483647 : nodes.findIndex((p) => p.left === i || p.right === i),
    ),
    right_children: nodes.map((n) => n.right),
    split_conditions: nodes.map((n) => n.value),
    split_indices: nodes.map((n) => n.feature),
    split_type: nodes.map(() => 0),
    sum_hessian: nodes.map((n) => n.cover),
    tree_param: {
      num_deleted: '0',
      num_feature: String(FEATURES.length),
      num_nodes: String(nodes.length),
      size_leaf_vector: '0',
    },
  });
  return {
    learner: {
      attributes: {},
      feature_names: FEATURES,
      feature_types: FEATURES.map(() => 'float'),
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: '2' },
          tree_info: [0, 0],
          trees: FIXTURE_TREES.map((nodes, id) => tree(id, nodes)),
        },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: '3E-1',
        boost_from_average: '1',
        num_class: '0',
        num_feature: String(FEATURES.length),
        num_target: '1',
      },
      objective: { name: 'binary:logistic', reg_loss_param: { scale_pos_weight: '1' } },
    },
    version: [1, 7, 4],
  };
}

/** The fixture model's probability, from the rules written out by hand (features never sit on a threshold). */
export function expectedProbability(features: (number | null)[]): number {
  const energy = features[f('energy')];
  const valence = features[f('valence')];
  const dance = features[f('danceability')];
  const tree0 = energy === null || energy < 0.6 ? -0.4 : valence !== null && valence < 0.5 ? 0.1 : 0.6;
  const tree1 = dance === null || dance < 0.75 ? -0.2 : 0.7;
  const margin = BASE_MARGIN + tree0 + tree1;
  return 1 / (1 + Math.exp(-margin));
}

/** A tree's expected output when only the features in `known` are known (others follow cover weights). */
function conditionalValue(
  nodes: FixtureNode[],
  node: number,
  row: (number | null)[],
  known: Set<number>,
): number {
  const n = nodes[node];
  if (n.left === -1) return n.value;
  if (known.has(n.feature)) {
    const x = row[n.feature];
    const left = x === null ? n.defaultLeft === 1 : x < n.value;
    return conditionalValue(nodes, left ? n.left : n.right, row, known);
  }
  const l = nodes[n.left];
  const r = nodes[n.right];
  return (
    (l.cover * conditionalValue(nodes, n.left, row, known) +
      r.cover * conditionalValue(nodes, n.right, row, known)) /
    n.cover
  );
}

/**
 * Exact Shapley values of the fixture by brute force over all feature subsets — the quantity (path-dependent)
 * TreeSHAP computes, here without TreeSHAP's algorithm so it checks it independently.
 */
export function expectedShap(row: (number | null)[]): { values: number[]; bias: number } {
  const m = FEATURES.length;
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const table = Array.from({ length: 1 << m }, (_, mask) => {
    const known = new Set(FEATURES.map((_, i) => i).filter((i) => mask & (1 << i)));
    return FIXTURE_TREES.reduce((sum, nodes) => sum + conditionalValue(nodes, 0, row, known), 0);
  });
  const value = (mask: number): number => table[mask];
  const values = FEATURES.map((_, i) => {
    let phi = 0;
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let b = mask; b; b &= b - 1) size++;
      phi +=
        ((factorial(size) * factorial(m - size - 1)) / factorial(m)) * (value(mask | (1 << i)) - value(mask));
    }
    return phi;
  });
  return { values, bias: BASE_MARGIN + value(0) };
}

/** 60 seeded tracks on 6 albums; row 3 has the hostile name, row 4 a name with a comma and quotes. */
export function fixtureTable(seed = 7): TrackTable {
  const rng = createRandom(seed);
  const n = 60;
  const numeric: TrackTable['numeric'] = {};
  // Two decimals keep every value off the model's thresholds by construction (0.6 → 0.605 is impossible).
  const round = (x: number): number => Math.round(x * 100) / 100 + 0.005;
  for (const name of UNIT_FEATURES) {
    numeric[name] = Float64Array.from({ length: n }, () => round(rng.next() * 0.99));
  }
  numeric.loudness = Float64Array.from({ length: n }, () => Math.round(-20 + rng.next() * 18));
  numeric.tempo = Float64Array.from({ length: n }, () => Math.round(70 + rng.next() * 110));
  numeric.duration_min = Float64Array.from({ length: n }, () => Math.round((2 + rng.next() * 3) * 100) / 100);
  numeric.year = Float64Array.from({ length: n }, (_, i) => 1960 + (i % 6) * 10 + (i % 5));
  const names = Array.from({ length: n }, (_, i) => `Song ${i}`);
  names[3] = HOSTILE_NAME;
  names[4] = COMMA_NAME;
  return {
    length: n,
    numeric,
    text: {
      id: Array.from({ length: n }, (_, i) => `id${String(i).padStart(3, '0')}`),
      name: names,
      album: Array.from({ length: n }, (_, i) =>
        i === 3 ? `</script><b>Album X</b>` : `Album ${String.fromCharCode(65 + (i % 6))}`,
      ),
    },
    lists: {
      artists: Array.from({ length: n }, (_, i) =>
        i === 3 ? [HOSTILE_NAME] : [`Artist ${i % 4}`, ...(i % 7 === 0 ? ["Guns N' Roses"] : [])],
      ),
    },
  };
}

export function featureRow(table: TrackTable, row: number): (number | null)[] {
  return FEATURES.map((name) => {
    const v = table.numeric[name]![row];
    return Number.isFinite(v) ? v : null;
  });
}

export interface DashboardFixture {
  input: DashboardInput;
  table: TrackTable;
  /** The picker's tracks with their independently computed probability. */
  tracks: PickerTrack[];
  sampleSize: number;
}

export function dashboardFixture(seed = 7): DashboardFixture {
  const table = fixtureTable(seed);
  const probabilities = Array.from({ length: table.length }, (_, r) =>
    expectedProbability(featureRow(table, r)),
  );
  const clusters = Array.from({ length: table.length }, (_, r) => (table.numeric.energy![r] > 0.5 ? 1 : 0));
  const sampleSize = 50;
  const sample = buildTrackSample(table, {
    size: sampleSize,
    seed,
    extra: {
      cluster: { label: 'Cluster', values: clusters, digits: 0 },
      promoted_prob: { label: 'P(promoted)', values: probabilities },
    },
  });
  const tracks: PickerTrack[] = [0, 1, 2, 3, 4, 5, 10, 11].map((r) => ({
    id: table.text.id![r],
    name: table.text.name![r],
    album: table.text.album![r],
    artists: table.lists.artists![r],
    features: featureRow(table, r),
    nativeProbability: probabilities[r],
    explanation: {
      text: `Track ${table.text.name![r]} scores ${probabilities[r].toFixed(2)}.`,
      source: r % 2 ? 'llm' : 'offline',
      model: r % 2 ? 'test-model' : undefined,
    },
  }));
  const years = Array.from(table.numeric.year!);
  const energy = Array.from(table.numeric.energy!);
  const histogram = {
    data: [{ type: 'histogram', x: energy, name: 'energy' }],
    layout: { title: { text: 'Energy' } },
  };
  const scatter = (cluster: number) => ({
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        x: years.filter((_, r) => clusters[r] === cluster),
        y: energy.filter((_, r) => clusters[r] === cluster),
      },
    ],
    layout: { title: { text: `Cluster ${cluster}` } },
  });
  const input: DashboardInput = {
    meta: {
      title: 'Spotify Insights Lab',
      command: 'npm start -- --demo --seed 7',
      seed,
      versions: { node: process.version, xgboost: '1.7.4 (fixture)' },
      date: '2026-01-02T03:04:05Z',
      dataSource: {
        kind: 'demo',
        path: 'data/demo.csv',
        rows: table.length,
        rowsRead: table.length + 5,
        dropsByReason: { 'year = 0': 2, 'tempo = 0': 3 },
      },
    },
    pages: {
      home: {
        title: 'Spotify Insights Lab',
        blocks: [
          { kind: 'text', text: '# What this is\n\nA **lab** over `tracks_features.csv`.\n\n- one\n- two' },
        ],
      },
      global: {
        title: 'Global Dashboard',
        blocks: [
          {
            kind: 'metrics',
            cards: [
              { label: 'Tracks', value: table.length },
              {
                label: 'Mean energy',
                value: energy.reduce((a, b) => a + b, 0) / energy.length,
                note: HOSTILE_NAME,
              },
            ],
          },
          {
            kind: 'row',
            blocks: [
              { kind: 'figure', title: 'Energy', figure: histogram },
              { kind: 'figure', title: 'Energy by year', figure: scatter(0) },
            ],
          },
          {
            kind: 'table',
            title: 'Top artists',
            columns: ['Artist', 'Tracks'],
            rows: [
              [HOSTILE_NAME, 1],
              ['Artist 0', 15],
            ],
          },
        ],
      },
      explorer: { title: 'Track Explorer', blocks: [{ kind: 'trackExplorer', sample, pageSize: 20 }] },
      clusters: {
        title: 'Mood Clusters',
        blocks: [
          {
            kind: 'choice',
            label: 'Cluster',
            options: [0, 1].map((c) => ({
              label: `Cluster ${c}`,
              blocks: [{ kind: 'figure' as const, figure: scatter(c) }],
            })),
          },
        ],
      },
      model: {
        title: 'Promotion Model',
        blocks: [
          { kind: 'metrics', cards: [{ label: 'ROC AUC', value: 0.9188, note: 'ceiling 0.919' }] },
          { kind: 'trackPicker', model: fixtureModel(), featureNames: FEATURES, tracks },
        ],
      },
    },
  };
  return { input, table, tracks, sampleSize };
}
