/**
 * Exact TreeSHAP for one row (Lundberg et al., "Consistent Individualized Feature Attribution for Tree
 * Ensembles", Algorithm 2), following XGBoost's own `RegTree::TreeShap` so values match `pred_contribs`:
 * per-feature contributions on the margin scale plus a bias (base margin + each tree's expected value).
 */
import type { ScorerModel, ScorerTree } from './model-json';
import { toFloat32Row } from './predict';

/** The path of unique features from the root, stored flat; each recursion level works on its own copy. */
interface Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

function extendPath(p: Path, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1] += (one * p.weight[at + i] * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i] * (depth - i)) / (depth + 1);
  }
}

function unwindPath(p: Path, at: number, depth: number, index: number): void {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let nextOne = p.weight[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i];
      p.weight[at + i] = (nextOne * (depth + 1)) / ((i + 1) * one);
      nextOne = tmp - (p.weight[at + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1];
    p.zero[at + i] = p.zero[at + i + 1];
    p.one[at + i] = p.one[at + i + 1];
  }
}

function unwoundPathSum(p: Path, at: number, depth: number, index: number): number {
  const one = p.one[at + index];
  const zero = p.zero[at + index];
  let nextOne = p.weight[at + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (nextOne * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      nextOne = p.weight[at + i] - tmp * zero * ((depth - i) / (depth + 1));
    } else {
      total += p.weight[at + i] / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

function recurse(
  tree: ScorerTree,
  row: Float32Array,
  phi: Float64Array,
  node: number,
  depth: number,
  p: Path,
  parentAt: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number,
): void {
  const at = parentAt + depth + 1;
  for (let i = 0; i <= depth; i++) {
    p.feature[at + i] = p.feature[parentAt + i];
    p.zero[at + i] = p.zero[parentAt + i];
    p.one[at + i] = p.one[parentAt + i];
    p.weight[at + i] = p.weight[parentAt + i];
  }
  extendPath(p, at, depth, parentZero, parentOne, parentFeature);
  if (tree.left[node] === -1) {
    const leaf = tree.threshold[node];
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(p, at, depth, i);
      phi[p.feature[at + i]] += w * (p.one[at + i] - p.zero[at + i]) * leaf;
    }
    return;
  }
  const split = tree.feature[node];
  const value = row[split];
  const goLeft = value !== value ? tree.defaultLeft[node] === 1 : value < tree.threshold[node];
  const hot = goLeft ? tree.left[node] : tree.right[node];
  const cold = goLeft ? tree.right[node] : tree.left[node];
  const cover = tree.cover[node];
  let incomingZero = 1;
  let incomingOne = 1;
  let index = 0;
  while (index <= depth && p.feature[at + index] !== split) index++;
  if (index !== depth + 1) {
    // Seen this feature higher up: undo that split so this node redoes it.
    incomingZero = p.zero[at + index];
    incomingOne = p.one[at + index];
    unwindPath(p, at, depth, index);
    depth -= 1;
  }
  recurse(
    tree,
    row,
    phi,
    hot,
    depth + 1,
    p,
    at,
    (tree.cover[hot] / cover) * incomingZero,
    incomingOne,
    split,
  );
  recurse(tree, row, phi, cold, depth + 1, p, at, (tree.cover[cold] / cover) * incomingZero, 0, split);
}

/**
 * SHAP contributions of one row: `numFeatures + 1` values, the last being the bias. They sum to the margin
 * (`scoreRow(model, row, { output: 'margin' })`).
 */
export function treeShap(model: ScorerModel, row: ArrayLike<number>): Float64Array {
  const values = toFloat32Row(model, row);
  const phi = new Float64Array(model.numFeatures + 1);
  phi[model.numFeatures] = model.baseMargin;
  for (const tree of model.trees) {
    phi[model.numFeatures] += tree.meanValue[0];
    const maxd = tree.depth + 2;
    const size = (maxd * (maxd + 1)) / 2;
    const path: Path = {
      feature: new Int32Array(size),
      zero: new Float64Array(size),
      one: new Float64Array(size),
      weight: new Float64Array(size),
    };
    // The root enters with a placeholder feature (-1) at depth 0, as in XGBoost; it never receives credit.
    recurse(tree, values, phi, 0, 0, path, 0, 1, 1, -1);
  }
  return phi;
}
