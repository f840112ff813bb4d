/**
 * Scoring rows with a parsed XGBoost model, in float32 arithmetic as XGBoost does it: features and thresholds
 * are float32, the margin is accumulated tree by tree in float32, and the sigmoid is taken in float32.
 */
import type { ScorerModel, ScorerTree } from './model-json';

export interface ScoreOptions {
  /** 'probability' = the objective's output (sigmoid for binary:logistic); 'margin' = the raw sum. Default: 'probability'. */
  output?: 'probability' | 'margin';
}

export const SCORE_DEFAULTS: Required<ScoreOptions> = { output: 'probability' };

/** The leaf a row lands in; `row` must already hold float32 values (NaN = missing). */
export function leafIndex(tree: ScorerTree, row: ArrayLike<number>): number {
  let node = 0;
  while (tree.left[node] !== -1) {
    const value = row[tree.feature[node]];
    if (value !== value) node = tree.defaultLeft[node] ? tree.left[node] : tree.right[node];
    else node = value < tree.threshold[node] ? tree.left[node] : tree.right[node];
  }
  return node;
}

function transformOutput(model: ScorerModel, margin: number): number {
  const f = Math.fround;
  if (model.transform === 'sigmoid') return f(1 / f(1 + f(Math.exp(-margin))));
  if (model.transform === 'exp') return f(Math.exp(margin));
  return margin;
}

function marginOf(model: ScorerModel, row: ArrayLike<number>): number {
  let sum = model.baseMargin;
  for (const tree of model.trees) sum = Math.fround(sum + tree.threshold[leafIndex(tree, row)]);
  return sum;
}

/** A row as float32 values of the model's width (XGBoost reads every feature as float32). */
export function toFloat32Row(model: ScorerModel, row: ArrayLike<number>): Float32Array {
  if (row.length !== model.numFeatures) {
    throw new Error(`The model expects ${model.numFeatures} features per row, got ${row.length}`);
  }
  return row instanceof Float32Array ? row : Float32Array.from(row);
}

/** The model's output for one row (NaN = missing). */
export function scoreRow(model: ScorerModel, row: ArrayLike<number>, options: ScoreOptions = {}): number {
  const { output } = { ...SCORE_DEFAULTS, ...options };
  const margin = marginOf(model, toFloat32Row(model, row));
  return output === 'margin' ? margin : transformOutput(model, margin);
}

/** The model's output for every row of a row-major rows × numFeatures matrix. */
export function scoreRows(model: ScorerModel, data: Float32Array, options: ScoreOptions = {}): Float32Array {
  const { output } = { ...SCORE_DEFAULTS, ...options };
  const width = model.numFeatures;
  if (data.length % width !== 0) {
    throw new Error(`The matrix has ${data.length} values, not a multiple of the model's ${width} features`);
  }
  const rows = data.length / width;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const margin = marginOf(model, data.subarray(r * width, (r + 1) * width));
    out[r] = output === 'margin' ? margin : transformOutput(model, margin);
  }
  return out;
}
