/**
 * The labels, honestly: the original app's rule with seeded flips and the ceiling that noise implies; a real
 * target (top popularity within year) where the layout has one; and a simulated randomized campaign.
 */
import type { TrackTable } from '../../data/schema';
import { noiseCeiling, realizedCeiling, type NoiseCeiling } from '../../label/noise-ceiling';
import { popularityTarget, type PopularityTarget } from '../../label/popularity-target';
import { promotionLabels, type PromotionLabels } from '../../label/promotion-rule';
import { upliftCampaign, type UpliftCampaign } from '../../label/uplift-campaign';
import { streamSeed, STREAMS } from '../../util/random';

export interface Labels {
  promotion: PromotionLabels;
  /** The ceiling expected from the flip rate and base rate. */
  ceiling: NoiseCeiling;
  /** The same measured on these very labels (the rule as the score). */
  realizedCeiling: NoiseCeiling;
  /** Present when the layout has popularity. */
  popularity?: PopularityTarget;
  campaign: UpliftCampaign;
}

/** The rule alone, with its thresholds, e.g. `(valence > 0.6 and energy > 0.6) or danceability > 0.75`. */
export function ruleText(promotion: PromotionLabels): string {
  const o = promotion.options;
  return `(valence > ${o.valenceAbove} and energy > ${o.energyAbove}) or danceability > ${o.danceabilityAbove}`;
}

export function computeLabels(
  table: TrackTable,
  options: { seed: number; flipRate: number; clusters?: Int32Array },
): Labels {
  const promotion = promotionLabels(table, {
    seed: streamSeed(options.seed, STREAMS.labelFlips),
    flipRate: options.flipRate,
  });
  return {
    promotion,
    ceiling: noiseCeiling({ flipRate: options.flipRate, rulePositiveRate: promotion.ruleBaseRate }),
    realizedCeiling: realizedCeiling(promotion.ruleLabels, promotion.labels),
    popularity: table.numeric.popularity ? popularityTarget(table) : undefined,
    campaign: upliftCampaign(table, { seed: streamSeed(options.seed, STREAMS.campaign) }),
  };
}
