/**
 * Why the model says what it says: global importance (gain/weight/cover, mean |SHAP|, a beeswarm on a seeded
 * sample) and, for a few example tracks, a SHAP waterfall and an explanation in words (LLM, or offline from
 * SHAP when there is no token or network — labelled as such).
 */
import type { TrackTable } from '../../data/schema';
import { explainTrack, type TrackExplanationText } from '../../explain/explain-track';
import { featureImportance, type FeatureImportance } from '../../explain/importance';
import type { LocalExplanation } from '../../explain/local-explanation';
import type { TrackIdentity } from '../../explain/prompt';
import {
  explainRow,
  meanAbsShap,
  shapSummary,
  shapValues,
  type MeanAbsShap,
  type ShapSummary,
} from '../../explain/shap';
import { featureMatrix } from '../../model/features';
import { sampleIndices } from '../../util/random';
import { boosterOf, type TrainedModel } from './model';

export interface ExampleTrack {
  /** Row in the table. */
  row: number;
  /** Why this track was picked ("highest probability", …). */
  why: string;
  track: TrackIdentity;
  local: LocalExplanation;
  text: TrackExplanationText;
}

export interface Explanation {
  importance: FeatureImportance[];
  meanAbsShap: MeanAbsShap[];
  beeswarm: ShapSummary;
  examples: ExampleTrack[];
}

export interface ExplanationOptions {
  seed: number;
  /** Rows of the SHAP sample. Default: 2000. */
  sampleSize?: number;
  /** Skip the LLM. Default: false. */
  offline?: boolean;
  /** Cache folder of LLM answers. */
  cacheDir?: string;
  /** Identifies the model in the explanation cache. */
  predictor: string;
  /** Names of table rows (the caller reads them from the data, only for the rows it needs). */
  identify: (rows: number[]) => Promise<TrackIdentity[]>;
}

/** Three telling tracks of the test set: the most and least likely to be promoted, and the most uncertain. */
export function exampleRows(model: TrainedModel): { row: number; why: string }[] {
  const { rows, scores } = model.test;
  let hi = 0;
  let lo = 0;
  let mid = 0;
  for (let i = 1; i < scores.length; i++) {
    if (scores[i] > scores[hi]) hi = i;
    if (scores[i] < scores[lo]) lo = i;
    if (Math.abs(scores[i] - 0.5) < Math.abs(scores[mid] - 0.5)) mid = i;
  }
  return [
    { row: rows[hi], why: 'highest promotion probability in the test set' },
    { row: rows[mid], why: 'closest to the 0.5 decision threshold' },
    { row: rows[lo], why: 'lowest promotion probability in the test set' },
  ];
}

export async function computeExplanation(
  table: TrackTable,
  model: TrainedModel,
  options: ExplanationOptions,
): Promise<Explanation> {
  const booster = boosterOf(model);
  try {
    const features = model.meta.features;
    const iterationEnd = model.meta.iterationEnd;
    const matrix = featureMatrix(table, features);
    const sampleRows = sampleIndices(matrix.rows, options.sampleSize ?? 2000, options.seed);
    const sample = featureMatrix(table, features, sampleRows);
    const picks = exampleRows(model);
    const identities = await options.identify(picks.map((p) => p.row));
    const examples: ExampleTrack[] = [];
    for (const [i, pick] of picks.entries()) {
      const local = explainRow(booster, matrix, pick.row, iterationEnd);
      const text = await explainTrack(identities[i], local, {
        offline: options.offline,
        cacheDir: options.cacheDir,
        predictor: options.predictor,
      });
      examples.push({ ...pick, track: identities[i], local, text });
    }
    return {
      importance: featureImportance(booster, features),
      meanAbsShap: meanAbsShap(shapValues(booster, sample, iterationEnd), features),
      beeswarm: shapSummary(booster, matrix, {
        sampleSize: options.sampleSize ?? 2000,
        seed: options.seed,
        iterationEnd,
      }),
      examples,
    };
  } finally {
    booster.free();
  }
}
