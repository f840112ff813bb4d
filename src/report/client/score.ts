/**
 * The picker's live scorer: probability (and SHAP when available) of one track from the model's XGBoost
 * JSON. This is a minimal evaluator of XGBoost 1.7's JSON trees for `binary:logistic` — float32
 * comparisons (`x < threshold` in float32, as libxgboost does), default directions for missing values,
 * `base_score` as a probability — used until the shared scorer in src/model/scorer lands.
 */
import type { ShapValues } from './waterfall';

export interface LiveScorer {
  probability(features: (number | null)[]): number;
  /** SHAP values of one row, or null when this scorer cannot compute them (the page then uses embedded ones). */
  shap(features: (number | null)[]): ShapValues | null;
}

interface JsonTree {
  left_children: number[];
  right_children: number[];
  split_indices: number[];
  split_conditions: number[];
  default_left: (number | boolean)[];
}

interface JsonModel {
  learner: {
    learner_model_param: { base_score: string };
    objective: { name: string };
    gradient_booster: { model: { trees: JsonTree[] } };
  };
}

function readModel(model: unknown): { trees: JsonTree[]; baseMargin: number } {
  const learner = (model as JsonModel)?.learner;
  const trees = learner?.gradient_booster?.model?.trees;
  if (!Array.isArray(trees)) throw new Error('model is not XGBoost JSON (learner.gradient_booster.model.trees missing)');
  if (learner.objective?.name !== 'binary:logistic') {
    throw new Error(`live scoring supports objective binary:logistic, the model has ${learner.objective?.name}`);
  }
  const baseScore = Number(learner.learner_model_param.base_score);
  return { trees, baseMargin: Math.log(baseScore / (1 - baseScore)) };
}

function leafValue(tree: JsonTree, row: Float32Array): number {
  let node = 0;
  while (tree.left_children[node] !== -1) {
    const x = row[tree.split_indices[node]];
    const goLeft = Number.isNaN(x) ? Boolean(tree.default_left[node]) : x < Math.fround(tree.split_conditions[node]);
    node = goLeft ? tree.left_children[node] : tree.right_children[node];
  }
  return tree.split_conditions[node];
}

export function createLiveScorer(model: unknown, featureNames: string[]): LiveScorer {
  const { trees, baseMargin } = readModel(model);
  return {
    probability(features) {
      if (features.length !== featureNames.length) {
        throw new Error(`expected ${featureNames.length} features, got ${features.length}`);
      }
      const row = Float32Array.from(features, (v) => (v === null ? NaN : v));
      let margin = baseMargin;
      for (const tree of trees) margin += leafValue(tree, row);
      return 1 / (1 + Math.exp(-margin));
    },
    shap: () => null,
  };
}
