/**
 * Uplift on the simulated randomized campaign: T- and S-learners, Qini/uplift curves, PEHE against the known
 * effect, and the original app's implicit policy (promote the highest promotion scores) beside them.
 */
import type { TrackTable } from '../../data/schema';
import { featureMatrix } from '../../model/features';
import { upliftStudy, type UpliftStudy } from '../../model/uplift/uplift-study';
import type { OnProgress } from '../../util/progress';
import type { Labels } from './labels';

export function computeUplift(
  table: TrackTable,
  labels: Labels,
  promotionScores: Float32Array,
  options: { seed: number; features: readonly string[]; onProgress?: OnProgress },
): UpliftStudy {
  const matrix = featureMatrix(table, options.features);
  return upliftStudy(matrix, labels.campaign, promotionScores, {
    seed: options.seed,
    onProgress: options.onProgress,
  });
}
