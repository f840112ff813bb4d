/**
 * XGBoost's saved JSON model (1.x `save_model` format) read into flat typed arrays for scoring. Pure TypeScript
 * with no Node APIs, so a browser page can bundle it. Thresholds, leaf values and covers are rounded to float32
 * here, once: XGBoost compares float32 features with float32 thresholds, and comparing doubles with the printed
 * decimal thresholds (as npm `xgboost-scorer` does) sends rows down the wrong branch.
 */

/** One regression tree, node-indexed. */
export interface ScorerTree {
  /** Left child per node; -1 marks a leaf. */
  left: Int32Array;
  right: Int32Array;
  /** Feature index of each split. */
  feature: Int32Array;
  /** Split threshold (go left when value < threshold), or the leaf value at a leaf; float32 values. */
  threshold: Float32Array;
  /** 1 when a missing value goes left. */
  defaultLeft: Uint8Array;
  /** Sum of hessians of the training rows in each node (TreeSHAP's cover). */
  cover: Float32Array;
  /** Expected leaf value under each node, weighted by cover (TreeSHAP's node means). */
  meanValue: Float64Array;
  /** Longest root-to-leaf path, in edges. */
  depth: number;
}

/** The link from the summed margin to the model's output. */
export type OutputTransform = 'identity' | 'sigmoid' | 'exp';

export interface ScorerModel {
  trees: ScorerTree[];
  numFeatures: number;
  /** XGBoost's `base_score` mapped onto the margin scale (float32). */
  baseMargin: number;
  objective: string;
  transform: OutputTransform;
  featureNames: string[];
}

const OBJECTIVES: Record<string, OutputTransform> = {
  'binary:logistic': 'sigmoid',
  'reg:logistic': 'sigmoid',
  'binary:logitraw': 'identity',
  'reg:squarederror': 'identity',
  'reg:linear': 'identity',
  'reg:pseudohubererror': 'identity',
  'reg:absoluteerror': 'identity',
  'reg:squaredlogerror': 'identity',
  'count:poisson': 'exp',
  'reg:gamma': 'exp',
  'reg:tweedie': 'exp',
};
const LOGIT_BASE = new Set(['binary:logistic', 'reg:logistic', 'binary:logitraw']);
const LOG_BASE = new Set(['count:poisson', 'reg:gamma', 'reg:tweedie']);

type Json = Record<string, unknown>;

function field(obj: unknown, key: string, where: string): unknown {
  if (typeof obj !== 'object' || obj === null || !(key in obj)) {
    throw new Error(`Not an XGBoost JSON model: missing "${key}" in ${where}`);
  }
  return (obj as Json)[key];
}

function numbers(tree: unknown, key: string, n: number, id: number): number[] {
  const values = field(tree, key, `tree ${id}`);
  if (!Array.isArray(values) || values.length !== n) {
    throw new Error(`Tree ${id}: "${key}" should hold ${n} numbers (one per node)`);
  }
  return values as number[];
}

function readTree(raw: unknown, id: number, numFeatures: number): ScorerTree {
  const n = Number((field(raw, 'tree_param', `tree ${id}`) as Json).num_nodes);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Tree ${id}: num_nodes must be a positive integer`);
  const splitType = numbers(raw, 'split_type', n, id);
  if (splitType.some((t) => t !== 0))
    throw new Error(`Tree ${id} has categorical splits, which the scorer does not support`);
  const tree: ScorerTree = {
    left: Int32Array.from(numbers(raw, 'left_children', n, id)),
    right: Int32Array.from(numbers(raw, 'right_children', n, id)),
    feature: Int32Array.from(numbers(raw, 'split_indices', n, id)),
    threshold: Float32Array.from(numbers(raw, 'split_conditions', n, id)),
    defaultLeft: Uint8Array.from(numbers(raw, 'default_left', n, id)),
    cover: Float32Array.from(numbers(raw, 'sum_hessian', n, id)),
    meanValue: new Float64Array(n),
    depth: 0,
  };
  for (let i = 0; i < n; i++) {
    const leaf = tree.left[i] === -1;
    if (leaf !== (tree.right[i] === -1)) throw new Error(`Tree ${id}: node ${i} has exactly one child`);
    if (!leaf) {
      for (const child of [tree.left[i], tree.right[i]]) {
        if (child < 0 || child >= n || child === i)
          throw new Error(`Tree ${id}: node ${i} points at child ${child} outside 0..${n - 1}`);
      }
      if (tree.feature[i] < 0 || tree.feature[i] >= numFeatures) {
        throw new Error(
          `Tree ${id}: node ${i} splits on feature ${tree.feature[i]} but the model has ${numFeatures}`,
        );
      }
    }
  }
  tree.depth = fillMeans(tree, 0);
  return tree;
}

/** Fills `meanValue` bottom-up (as XGBoost's FillNodeMeanValue) and returns the depth below `node`. */
function fillMeans(tree: ScorerTree, node: number): number {
  const l = tree.left[node];
  const r = tree.right[node];
  if (l === -1) {
    tree.meanValue[node] = tree.threshold[node];
    return 0;
  }
  const depth = 1 + Math.max(fillMeans(tree, l), fillMeans(tree, r));
  tree.meanValue[node] =
    (tree.meanValue[l] * tree.cover[l] + tree.meanValue[r] * tree.cover[r]) / tree.cover[node];
  return depth;
}

/** The margin XGBoost starts every row from, in float32 as XGBoost computes it. */
function baseMarginOf(objective: string, baseScore: number): number {
  const f = Math.fround;
  if (LOGIT_BASE.has(objective)) return f(-Math.log(f(f(1 / baseScore) - 1)));
  if (LOG_BASE.has(objective)) return f(Math.log(baseScore));
  return f(baseScore);
}

/** Reads a saved XGBoost JSON model (text, bytes or parsed object) into a ScorerModel. */
export function parseXGBoostModel(model: string | Uint8Array | object): ScorerModel {
  let json: unknown = model;
  if (typeof model === 'string' || ArrayBuffer.isView(model)) {
    const text = typeof model === 'string' ? model : new TextDecoder().decode(model as Uint8Array);
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`Not a complete XGBoost JSON model (truncated?): ${(err as Error).message}`);
    }
  }
  const learner = field(json, 'learner', 'the model');
  const params = field(learner, 'learner_model_param', 'learner') as Json;
  const objective = String((field(learner, 'objective', 'learner') as Json).name);
  const transform = OBJECTIVES[objective];
  if (!transform)
    throw new Error(
      `The scorer does not support objective '${objective}' (supported: ${Object.keys(OBJECTIVES).join(', ')})`,
    );
  if (Number(params.num_class ?? 0) > 1 || Number(params.num_target ?? 1) > 1) {
    throw new Error('The scorer supports single-output models only (num_class ≤ 1, num_target = 1)');
  }
  const booster = field(learner, 'gradient_booster', 'learner') as Json;
  if (booster.name !== 'gbtree')
    throw new Error(`The scorer supports the gbtree booster only, got '${String(booster.name)}'`);
  const numFeatures = Number(params.num_feature);
  const baseScore = Number(params.base_score);
  if (!Number.isInteger(numFeatures) || numFeatures < 1)
    throw new Error('learner_model_param.num_feature must be a positive integer');
  if (!Number.isFinite(baseScore)) throw new Error('learner_model_param.base_score must be a number');
  const rawTrees = field(field(booster, 'model', 'gradient_booster'), 'trees', 'gradient_booster.model');
  if (!Array.isArray(rawTrees)) throw new Error('gradient_booster.model.trees must be an array');
  const names = (learner as Json).feature_names;
  return {
    trees: rawTrees.map((t, i) => readTree(t, i, numFeatures)),
    numFeatures,
    baseMargin: baseMarginOf(objective, baseScore),
    objective,
    transform,
    featureNames:
      Array.isArray(names) && names.length === numFeatures
        ? names.map(String)
        : Array.from({ length: numFeatures }, (_, i) => `f${i}`),
  };
}
