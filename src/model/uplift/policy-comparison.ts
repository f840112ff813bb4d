/**
 * Who should be promoted? The original app implicitly targets the tracks with the highest promotion score;
 * an uplift model targets the tracks whose success the promotion changes most. With the true effect known
 * (simulation), compare the two at each budget k: how many picks they share, and the true total lift each
 * would deliver — beside the best possible (oracle) and a random pick.
 */
import { descendingOrder } from '../metrics/ranking';

export interface PolicyComparisonOptions {
  /** Budgets as shares of the rows. Default 0.01, 0.05, 0.1, 0.2, 0.3, 0.5. */
  fractions?: number[];
}

export const POLICY_COMPARISON_DEFAULTS = { fractions: [0.01, 0.05, 0.1, 0.2, 0.3, 0.5] } as const;

export interface PolicyAtBudget {
  fraction: number;
  /** Tracks promoted. */
  k: number;
  /** Tracks both policies pick. */
  overlap: number;
  /** overlap / k. */
  overlapShare: number;
  /** Σ trueEffect over the top k by predicted uplift. */
  upliftPolicy: number;
  /** Σ trueEffect over the top k by promotion score. */
  scorePolicy: number;
  /** Σ of the k largest true effects. */
  oracle: number;
  /** Expected Σ for k random tracks: k · mean effect. */
  random: number;
}

export function comparePolicies(
  predictedUplift: ArrayLike<number>,
  promotionScore: ArrayLike<number>,
  trueEffect: ArrayLike<number>,
  options: PolicyComparisonOptions = {},
): PolicyAtBudget[] {
  const n = trueEffect.length;
  if (predictedUplift.length !== n || promotionScore.length !== n || n === 0) {
    throw new Error(
      `policy comparison needs one uplift, score and true effect per row; got ${predictedUplift.length}, ${promotionScore.length}, ${n}`,
    );
  }
  const fractions = options.fractions ?? POLICY_COMPARISON_DEFAULTS.fractions;
  for (const f of fractions) if (!(f > 0 && f <= 1)) throw new Error(`fractions must be in (0, 1], got ${f}`);
  const byUplift = descendingOrder(predictedUplift);
  const byScore = descendingOrder(promotionScore);
  const byTruth = descendingOrder(trueEffect);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += trueEffect[i];
  mean /= n;
  const inUpliftTop = new Uint8Array(n);
  return fractions.map((fraction) => {
    const k = Math.max(1, Math.round(fraction * n));
    inUpliftTop.fill(0);
    let upliftPolicy = 0;
    let scorePolicy = 0;
    let oracle = 0;
    let overlap = 0;
    for (let i = 0; i < k; i++) {
      inUpliftTop[byUplift[i]] = 1;
      upliftPolicy += trueEffect[byUplift[i]];
      oracle += trueEffect[byTruth[i]];
    }
    for (let i = 0; i < k; i++) {
      scorePolicy += trueEffect[byScore[i]];
      overlap += inUpliftTop[byScore[i]];
    }
    return {
      fraction,
      k,
      overlap,
      overlapShare: overlap / k,
      upliftPolicy,
      scorePolicy,
      oracle,
      random: k * mean,
    };
  });
}
