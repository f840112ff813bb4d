/**
 * The promotion model: trained on the rule labels (what the original app did), evaluated beside the noise
 * ceiling; and, where the layout has popularity, a second model on that real target. Results are plain data
 * (model JSON bytes, meta, evaluation) so the step cache can keep them; the booster is rebuilt on demand.
 */
import { MODEL_FEATURES, type NumericColumn, type TrackTable } from '../../data/schema';
import { realizedCeiling } from '../../label/noise-ceiling';
import type { ModelMeta } from '../../model/meta';
import { smallTestSetWarning, type ClassifierEvaluation } from '../../model/metrics';
import { trainPromotionModel } from '../../model/train-promotion-model';
import type { EvalHistory, XGBoostParams } from '../../model/xgboost';
import { Booster, type TrainingSession } from '../../model/xgboost';
import type { OnProgress } from '../../util/progress';
import { streamSeed, STREAMS } from '../../util/random';
import { MINIMUM_ROWS, StepSkipped, WIDE_INTERVAL, stepAvailability } from '../requirements';
import { ruleText, type LabelArrays } from './labels';

export interface TrainedModel {
  modelJson: Uint8Array;
  meta: ModelMeta;
  evaluation: ClassifierEvaluation;
  history: EvalHistory;
  /** Test rows (indices into the table) and their labels and scores. Every row's score: `lab.scores()`. */
  test: { rows: Uint32Array; labels: Float32Array; scores: Float32Array };
}

export interface ModelStep {
  promotion: TrainedModel;
  /** Present when the layout has popularity: the same model on a real target. */
  popularity?: TrainedModel;
  /** One line per reduction or warning (features not in file, few tracks, wide intervals). */
  notes: string[];
}

/** The model features the table has: the available subset of the original eleven, in their order. */
export function modelFeatures(table: TrackTable): { features: string[]; note?: string } {
  const present = Object.keys(table.numeric).filter((c) => table.numeric[c as NumericColumn]);
  const a = stepAvailability('model', present);
  if (a.status === 'skipped') throw new StepSkipped('model', a.reason);
  const features = (MODEL_FEATURES as readonly string[]).filter((f) => a.columns.includes(f));
  return { features, note: a.status === 'reduced' ? a.note : undefined };
}

/** Throws StepSkipped when `labels` are too few to split and score; a warning line when they are few. */
function checkRows(labels: Uint8Array, what: string): string | undefined {
  let positives = 0;
  for (const y of labels) positives += y;
  const n = labels.length;
  const smaller = Math.min(positives, n - positives);
  if (n < MINIMUM_ROWS.modelHard || smaller < MINIMUM_ROWS.modelClass)
    throw new StepSkipped(
      'model',
      `no ${what}: ${n} tracks with ${positives} labelled positive; a train/validation/test split needs at least ${MINIMUM_ROWS.modelHard} tracks and ${MINIMUM_ROWS.modelClass} of each class`,
    );
  if (n < MINIMUM_ROWS.model)
    return `${what} trained on only ${n} tracks (fewer than ${MINIMUM_ROWS.model}): expect scores to swing with the seed`;
  return undefined;
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
  /** A training worker kept across trainings (see TrainPromotionOptions.session). Default: none. */
  session?: TrainingSession;
}

/** `values` at `rows`. A typed-array loop: `Uint8Array.from(rows, fn)` took ~0.1 s for 360k rows. */
function valuesAt(values: Uint8Array, rows: Uint32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

async function trainOne(
  table: TrackTable,
  labels: Uint8Array,
  label: { definition: string; [key: string]: unknown },
  options: ModelStepOptions & { features: readonly string[] },
  ruleLabels?: Uint8Array,
): Promise<TrainedModel> {
  // The ceiling is measured on the very test rows the model is scored on: their flip share differs from the
  // overall rate by sampling noise, enough to put a model "above" a ceiling computed from the overall rate.
  const ceiling = ruleLabels
    ? (rows: Uint32Array) => realizedCeiling(valuesAt(ruleLabels, rows), valuesAt(labels, rows))
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
    session: options.session,
  });
  // Every row's score is the scores step's (./scores), on demand: the booster is not loaded here (model.booster
  // would load it from the JSON on first access).
  return {
    modelJson: model.modelJson,
    meta: model.meta,
    evaluation: model.evaluation,
    history: model.history,
    test: model.test,
  };
}

export async function computeModels(
  table: TrackTable,
  labels: LabelArrays,
  options: ModelStepOptions,
): Promise<ModelStep> {
  // Features asked for by the caller must be in the file; by default, the available subset of the eleven.
  const { features, note } = options.features
    ? { features: options.features, note: undefined }
    : modelFeatures(table);
  const absent = features.filter((f) => !table.numeric[f as NumericColumn]);
  if (absent.length)
    throw new Error(
      `model: feature(s) ${absent.join(', ')} not in this file; it has ${Object.keys(table.numeric).join(', ')}`,
    );
  const notes: string[] = note ? [note] : [];
  const promotionWarning = checkRows(labels.promotion.labels, 'promotion model');
  if (promotionWarning) notes.push(promotionWarning);
  const withFeatures = { ...options, features };
  const promotion = await trainOne(
    table,
    labels.promotion.labels,
    {
      definition: `promoted = ${ruleText(labels.promotion)}, then ${(100 * labels.promotion.flipRate).toFixed(1)}% of labels flipped (seeded)`,
      flipRate: labels.promotion.flipRate,
    },
    withFeatures,
    labels.promotion.ruleLabels,
  );
  const wide = smallTestSetWarning(promotion.evaluation, WIDE_INTERVAL);
  if (wide) notes.push(`promotion model: ${wide}`);
  let popularityOk = labels.popularity !== undefined;
  if (labels.popularity) {
    try {
      const warning = checkRows(labels.popularity.labels, 'popularity model');
      if (warning) notes.push(warning);
    } catch (error) {
      if (!(error instanceof StepSkipped)) throw error;
      notes.push(error.reason);
      popularityOk = false;
    }
  }
  const popularity =
    labels.popularity && popularityOk
      ? await trainOne(
          table,
          labels.popularity.labels,
          {
            definition: `popularity in the top ${(100 * (1 - labels.popularity.quantile)).toFixed(0)}% of its year`,
            target: 'popularity',
            quantile: labels.popularity.quantile,
          },
          withFeatures,
        )
      : undefined;
  const popularityWide = popularity && smallTestSetWarning(popularity.evaluation, WIDE_INTERVAL);
  if (popularityWide) notes.push(`popularity model: ${popularityWide}`);
  return { promotion, popularity, notes };
}

/** A live booster for a trained model (the caller frees it). */
export function boosterOf(model: TrainedModel): Booster {
  return Booster.fromJson(model.modelJson);
}
