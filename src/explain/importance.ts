/**
 * Global feature importance as XGBoost reports it — by gain (mean loss reduction of the splits on a feature),
 * weight (how many splits use it) and cover (mean rows reaching those splits) — one row per model feature,
 * unused features at 0 so every chart shows all of them.
 */
import type { Booster, ImportanceType } from '../model/xgboost';

export interface FeatureImportance {
  feature: string;
  gain: number;
  weight: number;
  cover: number;
  /** gain as a share of the total gain (sums to 1 over features). */
  gainShare: number;
}

/** Rows from XGBoost's per-type scores (feature → score; unused features absent); sorted by gain, largest first. */
export function importanceFromScores(
  features: readonly string[],
  scores: Record<'gain' | 'weight' | 'cover', Record<string, number>>,
): FeatureImportance[] {
  const totalGain = features.reduce((sum, f) => sum + (scores.gain[f] ?? 0), 0);
  return features
    .map((feature) => {
      const gain = scores.gain[feature] ?? 0;
      return {
        feature,
        gain,
        weight: scores.weight[feature] ?? 0,
        cover: scores.cover[feature] ?? 0,
        gainShare: totalGain > 0 ? gain / totalGain : 0,
      };
    })
    .sort((a, b) => b.gain - a.gain || a.feature.localeCompare(b.feature));
}

export function featureImportance(booster: Booster, features: readonly string[]): FeatureImportance[] {
  const names = [...features];
  const score = (type: ImportanceType): Record<string, number> => booster.featureScore(type, names);
  return importanceFromScores(features, {
    gain: score('gain'),
    weight: score('weight'),
    cover: score('cover'),
  });
}
