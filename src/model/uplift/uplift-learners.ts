/**
 * Meta-learners that estimate each track's uplift (its success probability promoted minus not promoted) with
 * XGBoost classifiers on a randomized campaign:
 *   T-learner: one model on the treated rows, one on the control rows; uplift = p_T(x) − p_C(x).
 *   S-learner: one model with the treatment as an extra feature; uplift = p(x, 1) − p(x, 0).
 * (Künzel et al. 2019, "Metalearners for estimating heterogeneous treatment effects".)
 */
import { labelsAt, matrixRows, type FeatureMatrix } from '../features';
import { predictDense } from '../train-promotion-model';
import { train, type Booster, type XGBoostParams } from '../xgboost';
import type { OnProgress } from '../../util/progress';
import { checkCampaign, type CampaignData } from './campaign-data';

export type UpliftLearnerKind = 't-learner' | 's-learner';

export interface UpliftLearnerOptions {
  /** XGBoost parameters of each outcome model. Default: binary:logistic, depth 4, eta 0.1, hist. */
  params?: XGBoostParams;
  /** Boosting rounds of each outcome model. Default 100. */
  rounds?: number;
  /** XGBoost seed. Default 0. */
  seed?: number;
  /** XGBoost threads; 0 = all cores. Default 0. */
  nthread?: number;
  /** Progress over all boosting rounds of the learner's models. */
  onProgress?: OnProgress;
}

/** Shallower and slower-learning than the promotion model: the outcome is noisy and the effect small. */
export const UPLIFT_LEARNER_DEFAULTS = {
  params: {
    objective: 'binary:logistic',
    max_depth: 4,
    eta: 0.1,
    tree_method: 'hist',
    eval_metric: 'logloss',
  } as XGBoostParams,
  rounds: 100,
  seed: 0,
  nthread: 0,
} as const;

export interface UpliftLearner {
  kind: UpliftLearnerKind;
  features: string[];
  /** Predicted uplift (a difference of probabilities, in [−1, 1]) per row of `matrix`. */
  predict(matrix: FeatureMatrix): Float64Array;
  /** Frees the native models. */
  free(): void;
}

function rowsWhere(treatment: ArrayLike<number>, arm: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < treatment.length; i++) if (treatment[i] === arm) rows.push(i);
  return rows;
}

/** `matrix`'s rows `rows`, with an extra constant or per-row treatment column when `treatmentColumn` is given. */
function pick(matrix: FeatureMatrix, rows: number[] | null, treatmentColumn?: (i: number) => number) {
  const picked = matrixRows(matrix, rows, treatmentColumn ? 1 : 0);
  if (treatmentColumn)
    for (let i = 0; i < picked.rows; i++)
      picked.data[i * picked.cols + matrix.cols] = treatmentColumn(rows ? rows[i] : i);
  return picked;
}

/** a − b, element by element. */
function difference(a: Float32Array, b: Float32Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] - b[i];
  return out;
}

function checkFeatures(expected: string[], matrix: FeatureMatrix): void {
  if (expected.join('\u0000') !== matrix.features.join('\u0000')) {
    throw new Error(
      `uplift learner was trained on features ${expected.join(', ')}; got ${matrix.features.join(', ')}`,
    );
  }
}

export function fitUpliftLearner(
  kind: UpliftLearnerKind,
  matrix: FeatureMatrix,
  campaign: CampaignData,
  options: UpliftLearnerOptions = {},
): UpliftLearner {
  if (kind !== 't-learner' && kind !== 's-learner')
    throw new Error(`learner must be 't-learner' or 's-learner', got '${kind}'`);
  checkCampaign(campaign, matrix.rows, `${kind}`);
  const o = {
    ...UPLIFT_LEARNER_DEFAULTS,
    ...options,
    params: { ...UPLIFT_LEARNER_DEFAULTS.params, ...options.params },
  };
  const models = kind === 't-learner' ? 2 : 1;
  const fit = (
    m: { data: Float32Array; rows: number; cols: number },
    labels: Float32Array,
    index: number,
  ): Booster =>
    train(
      { ...m, labels },
      {
        params: o.params,
        rounds: o.rounds,
        seed: o.seed,
        nthread: o.nthread,
        onProgress: o.onProgress && ((done) => o.onProgress!(index * o.rounds + done, models * o.rounds)),
      },
    ).booster;
  const { treatment, outcome } = campaign;
  const labelsOf = (rows: number[]): Float32Array => labelsAt(outcome, rows);
  const features = [...matrix.features];
  if (kind === 't-learner') {
    const treatedRows = rowsWhere(treatment, 1);
    const controlRows = rowsWhere(treatment, 0);
    const treated = fit(pick(matrix, treatedRows), labelsOf(treatedRows), 0);
    const control = fit(pick(matrix, controlRows), labelsOf(controlRows), 1);
    return {
      kind,
      features,
      predict(m) {
        checkFeatures(features, m);
        return difference(predictDense(treated, m, 0), predictDense(control, m, 0));
      },
      free: () => (treated.free(), control.free()),
    };
  }
  const model = fit(
    pick(matrix, null, (i) => treatment[i]),
    new Float32Array(outcome),
    0,
  );
  return {
    kind,
    features,
    predict(m) {
      checkFeatures(features, m);
      const p1 = predictDense(
        model,
        pick(m, null, () => 1),
        0,
      );
      const p0 = predictDense(
        model,
        pick(m, null, () => 0),
        0,
      );
      return difference(p1, p0);
    },
    free: () => model.free(),
  };
}
