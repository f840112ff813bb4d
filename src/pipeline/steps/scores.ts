/**
 * The promotion model's probability for every row of the table: what lab.sql's `scores` table, the explorer,
 * the track report and the uplift comparison read. Its own step, computed when one of them asks, because
 * predicting 1.2M rows took ~1.5 s of every lab.train (a notebook re-training with new parameters waited for
 * scores it never looked at).
 */
import type { TrackTable } from '../../data/schema';
import { featureMatrix } from '../../model/features';
import { predictDense } from '../../model/train-promotion-model';
import { boosterOf, type TrainedModel } from './model';

export interface Scores {
  /** The promotion model's probability per table row (the trees [0, meta.iterationEnd), as evaluated). */
  promotion: Float32Array;
}

/** Every row of `table` scored by `model` (features in the model's order). */
export function scoreRows(table: TrackTable, model: TrainedModel): Float32Array {
  const matrix = featureMatrix(table, model.meta.features);
  const booster = boosterOf(model);
  try {
    return predictDense(booster, matrix, model.meta.iterationEnd);
  } finally {
    booster.free();
  }
}

export function computeScores(table: TrackTable, promotion: TrainedModel): Scores {
  return { promotion: scoreRows(table, promotion) };
}
