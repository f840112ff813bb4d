/**
 * The promotion model: trained on the rule labels (what the original app did), evaluated beside the noise
 * ceiling; and, where the layout has popularity, a second model on that real target. Results are plain data
 * (model JSON bytes, meta, evaluation) so the step cache can keep them; the booster is rebuilt on demand.
 */
import type { TrackTable } from '../../data/schema';
import { realizedCeiling } from '../../label/noise-ceiling';
import { featureMatrix } from '../../model/features';
import type { ModelMeta } from '../../model/meta';
import type { ClassifierEvaluation } from '../../model/metrics';
import { predictDense, trainPromotionModel } from '../../model/train-promotion-model';
import type { EvalHistory, XGBoostParams } from '../../model/xgboost';
import { Booster } from '../../model/xgboost';
import type { OnProgress } from '../../util/progress';
import { streamSeed, STREAMS } from '../../util/random';
import { ruleText, type Labels } from './labels';

export interface TrainedModel {
  modelJson: Uint8Array;
  meta: ModelMeta;
  evaluation: ClassifierEvaluation;
  history: EvalHistory;
  /** Test rows (indices into the table) and their labels and scores. */
  test: { rows: Uint32Array; labels: Float32Array; scores: Float32Array };
  /** The model's probability for every row of the table (for the explorer and the uplift comparison). */
  allScores: Float32Array;
}

export interface ModelStep {
  promotion: TrainedModel;
  /** Present when the layout has popularity: the same model on a real target. */
  popularity?: TrainedModel;
}

export interface ModelStepOptions {
  seed: number;
  rounds: number;
  /** XGBoost parameters over PROMOTION_PARAMS (Python's names: max_depth, eta, …). Default: none. */
  params?: XGBoostParams;
  /** Feature columns, in model order. Default: DEFAULT_FEATURES. */
  features?: readonly string[];
  /** Rounds without a better validation loss before stopping; 0 = off. Default: 10. */
  earlyStoppingRounds?: number;
  onProgress?: OnProgress;
}

async function trainOne(
  table: TrackTable,
  labels: Uint8Array,
  label: { definition: string; [key: string]: unknown },
  options: ModelStepOptions,
  ruleLabels?: Uint8Array,
): Promise<TrainedModel> {
  // The ceiling is measured on the very test rows the model is scored on: their flip share differs from the
  // overall rate by sampling noise, enough to put a model "above" a ceiling computed from the overall rate.
  const ceiling = ruleLabels
    ? (rows: Uint32Array) =>
        realizedCeiling(
          Uint8Array.from(rows, (r) => ruleLabels[r]),
          Uint8Array.from(rows, (r) => labels[r]),
        )
    : undefined;
  const model = await trainPromotionModel(table, labels, {
    rounds: options.rounds,
    params: options.params,
    features: options.features,
    earlyStoppingRounds: options.earlyStoppingRounds,
    split: { seed: streamSeed(options.seed, STREAMS.split) },
    seed: streamSeed(options.seed, STREAMS.xgboost),
    label: { ...label, seed: options.seed },
    noiseCeiling: ceiling,
    onProgress: options.onProgress,
  });
  try {
    const matrix = featureMatrix(table, model.meta.features);
    const allScores = predictDense(model.booster, matrix, model.meta.iterationEnd);
    return {
      modelJson: model.modelJson,
      meta: model.meta,
      evaluation: model.evaluation,
      history: model.history,
      test: model.test,
      allScores,
    };
  } finally {
    model.booster.free();
  }
}

export async function computeModels(
  table: TrackTable,
  labels: Labels,
  options: ModelStepOptions,
): Promise<ModelStep> {
  const promotion = await trainOne(
    table,
    labels.promotion.labels,
    {
      definition: `promoted = ${ruleText(labels.promotion)}, then ${(100 * labels.promotion.flipRate).toFixed(1)}% of labels flipped (seeded)`,
      flipRate: labels.promotion.flipRate,
    },
    options,
    labels.promotion.ruleLabels,
  );
  const popularity = labels.popularity
    ? await trainOne(
        table,
        labels.popularity.labels,
        {
          definition: `popularity in the top ${(100 * (1 - labels.popularity.quantile)).toFixed(0)}% of its year`,
          target: 'popularity',
          quantile: labels.popularity.quantile,
        },
        options,
      )
    : undefined;
  return { promotion, popularity };
}

/** A live booster for a trained model (the caller frees it). */
export function boosterOf(model: TrainedModel): Booster {
  return Booster.fromJson(model.modelJson);
}
