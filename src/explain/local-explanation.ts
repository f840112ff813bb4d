/**
 * One track's SHAP explanation in the shape every consumer needs (waterfall chart, prompt, offline text): the
 * base value, each feature's contribution in margin (log-odds) units, and the resulting margin and probability.
 * XGBoost's pred_contribs gives, per row, one value per feature and the bias last; they sum to the margin.
 */

export interface FeatureContribution {
  feature: string;
  /** The track's value of the feature. */
  value: number;
  /** Its SHAP value, in log-odds. */
  contribution: number;
}

export interface LocalExplanation {
  /** The bias: the model's expected margin over the training data, in log-odds. */
  baseMargin: number;
  /** Contributions ordered by absolute size, largest first. */
  contributions: FeatureContribution[];
  /** baseMargin + Σ contributions. */
  margin: number;
  /** sigmoid(margin), the predicted probability of binary:logistic. */
  probability: number;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Row `row` of a row-major contributions matrix with `featureNames.length + 1` columns (bias last), and the
 * track's feature values (same order).
 */
export function localExplanation(
  contributions: ArrayLike<number>,
  row: number,
  featureNames: readonly string[],
  featureValues: ArrayLike<number>,
): LocalExplanation {
  const width = featureNames.length + 1;
  if (contributions.length % width !== 0) {
    throw new Error(
      `contributions must have ${width} columns per row (${featureNames.length} features + bias), got ${contributions.length} values`,
    );
  }
  const rows = contributions.length / width;
  if (!Number.isInteger(row) || row < 0 || row >= rows)
    throw new Error(`row must be in 0..${rows - 1}, got ${row}`);
  if (featureValues.length !== featureNames.length) {
    throw new Error(`expected ${featureNames.length} feature values, got ${featureValues.length}`);
  }
  const offset = row * width;
  const baseMargin = contributions[offset + featureNames.length];
  let margin = baseMargin;
  const list: FeatureContribution[] = featureNames.map((feature, j) => {
    margin += contributions[offset + j];
    return { feature, value: featureValues[j], contribution: contributions[offset + j] };
  });
  list.sort(
    (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature),
  );
  return { baseMargin, contributions: list, margin, probability: sigmoid(margin) };
}
