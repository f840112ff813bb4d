/**
 * A browser-safe scorer for XGBoost JSON models: pure TypeScript, no Node APIs. Parses the model once, then
 * scores rows (float32-exact, equal to the native library within 1e-6) and explains one row with TreeSHAP.
 *
 * @example
 * ```ts
 * import { parseXGBoostModel, scoreRow, treeShap } from './src/model/scorer';
 * const model = parseXGBoostModel(jsonText);          // text of models/promotion_model.json
 * const p = scoreRow(model, [0.8, 0.7, -5, 0.05, 0.1, 0, 0.1, 0.9, 120, 3.5, 2015]);
 * const shap = treeShap(model, row);                    // numFeatures + 1 values, last = bias; sum = margin
 * ```
 */
export { parseXGBoostModel } from './model-json';
export type { OutputTransform, ScorerModel, ScorerTree } from './model-json';
export { SCORE_DEFAULTS, leafIndex, scoreRow, scoreRows } from './predict';
export type { ScoreOptions } from './predict';
export { treeShap } from './tree-shap';
