/**
 * The picker's live scorer: the shared browser-safe XGBoost scorer (src/model/scorer, float32-exact like
 * libxgboost) bound to one model, with TreeSHAP for the waterfall. The model is parsed once per page.
 */
import { parseXGBoostModel, scoreRow, treeShap } from '../../model/scorer';
import type { ShapValues } from './waterfall';

export interface LiveScorer {
  probability(features: (number | null)[]): number;
  /** SHAP values of one row in margin space; null when the model's output is not a probability. */
  shap(features: (number | null)[]): ShapValues | null;
}

const toRow = (features: (number | null)[]): number[] => features.map((v) => (v === null ? NaN : v));

export function createLiveScorer(model: unknown, featureNames: string[]): LiveScorer {
  const parsed = parseXGBoostModel(model as object);
  if (parsed.transform !== 'sigmoid') {
    throw new Error(
      `the track picker needs a probability model (binary:logistic), this one is ${parsed.objective}`,
    );
  }
  if (parsed.numFeatures !== featureNames.length) {
    throw new Error(`the model has ${parsed.numFeatures} features, the picker lists ${featureNames.length}`);
  }
  return {
    probability: (features) => scoreRow(parsed, toRow(features)),
    shap(features) {
      const phi = treeShap(parsed, toRow(features));
      return { values: Array.from(phi.subarray(0, parsed.numFeatures)), bias: phi[parsed.numFeatures] };
    },
  };
}
