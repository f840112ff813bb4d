/**
 * The labels, honestly: the original app's rule with seeded flips and the ceiling that noise implies; a real
 * target (top popularity within year) where the layout has one; and a simulated randomized campaign.
 */
import { constantColumns } from '../../analysis';
import type { NumericColumn, TrackTable } from '../../data/schema';
import { noiseCeiling, realizedCeiling, type NoiseCeiling } from '../../label/noise-ceiling';
import { popularityTarget, type PopularityTarget } from '../../label/popularity-target';
import { promotionLabels, type PromotionLabels } from '../../label/promotion-rule';
import { upliftCampaign, UPLIFT_CAMPAIGN_DEFAULTS, type UpliftCampaign } from '../../label/uplift-campaign';
import { streamSeed, STREAMS } from '../../util/random';
import { StepSkipped, stepAvailability } from '../requirements';

export interface Labels {
  promotion: PromotionLabels;
  /** The ceiling expected from the flip rate and base rate. */
  ceiling: NoiseCeiling;
  /** The same measured on these very labels (the rule as the score). */
  realizedCeiling: NoiseCeiling;
  /** Present when the layout has popularity. */
  popularity?: PopularityTarget;
  /** 'year': top quarter within each year; 'file': of the whole file (no year column). */
  popularityScope?: 'year' | 'file';
  /**
   * The simulated randomized campaign (its own seeded stream; the same for every flip rate). computeLabels makes
   * it on first read; the lab's labels step reads it from the campaign step.
   */
  readonly campaign: UpliftCampaign;
  /** One line per reduction (popularity without year, campaign features left out, …). */
  notes: string[];
}

/**
 * The labels without their campaign: what the model step reads, and what the lab caches per flip rate (the
 * campaign, ~20 MB at 1.2M rows, does not depend on it).
 */
export type LabelArrays = Omit<Labels, 'campaign'>;

/** The rule alone, with its thresholds, e.g. `(valence > 0.6 and energy > 0.6) or danceability > 0.75`. */
export function ruleText(promotion: PromotionLabels): string {
  const o = promotion.options;
  return `(valence > ${o.valenceAbove} and energy > ${o.energyAbove}) or danceability > ${o.danceabilityAbove}`;
}

const present = (table: TrackTable) =>
  Object.keys(table.numeric).filter((c) => table.numeric[c as NumericColumn]);

/** Share as a phrase: "none", "all", or "3 of 50". */
const share = (positives: number, n: number) =>
  positives === 0 ? 'none' : positives === n ? 'all' : `${positives} of ${n}`;

/**
 * The real target where the file has popularity: within year, or over the whole file when there is no year;
 * undefined (with a note) when popularity cannot separate tracks.
 */
function popularityLabels(table: TrackTable, notes: string[]): PopularityTarget | undefined {
  const a = stepAvailability('popularity_target', present(table), constantColumns(table, ['popularity']));
  if (a.status === 'skipped') {
    if (table.numeric.popularity) notes.push(a.reason);
    return undefined;
  }
  let input = table;
  if (a.status === 'reduced') {
    // One "year" for every track: the top quarter of the whole file.
    input = { ...table, numeric: { ...table.numeric, year: new Float64Array(table.length) } };
    notes.push('popularity target: top quarter of the whole file, not within year (year not in file)');
  }
  const target = popularityTarget(input);
  if (target.baseRate === 0 || target.baseRate === 1) {
    notes.push(
      `no popularity target: popularity puts ${target.baseRate === 0 ? 'no' : 'every'} track above its year's top quarter`,
    );
    return undefined;
  }
  return target;
}

/**
 * The campaign's baseline weights: the weighted features the file has and that vary; danceability drives the
 * effect, so a constant one is StepSkipped. `notes` gets a line for the features left out.
 */
function campaignWeights(table: TrackTable, notes: string[]): Partial<Record<NumericColumn, number>> {
  const weights = UPLIFT_CAMPAIGN_DEFAULTS.baselineWeights;
  const candidates = Object.keys(weights) as NumericColumn[];
  const constant = constantColumns(table, [...candidates, 'danceability']);
  if (constant.danceability)
    throw new StepSkipped(
      'labels',
      `no promotion labels: danceability is ${constant.danceability}, so the rule and the simulated campaign cannot vary`,
    );
  const usable = candidates.filter((c) => table.numeric[c] && !constant[c]);
  const left = candidates.filter((c) => !usable.includes(c));
  if (left.length)
    notes.push(
      `simulated campaign baseline without ${left.map((c) => `${c} (${constant[c] ?? 'not in file'})`).join(', ')}`,
    );
  return Object.fromEntries(usable.map((c) => [c, weights[c]]));
}

/** The simulated randomized campaign of `table`, from the `campaign` stream of the run seed. */
export function simulateCampaign(table: TrackTable, seed: number): UpliftCampaign {
  return upliftCampaign(table, {
    seed: streamSeed(seed, STREAMS.campaign),
    baselineWeights: campaignWeights(table, []),
  });
}

/**
 * Labels, or StepSkipped with one line when the rule cannot be computed (valence, energy or danceability not in
 * file) or labels every track the same (nothing to learn: the ceiling and the model are undefined). The campaign
 * is simulated on first read of `campaign`.
 */
export function computeLabels(table: TrackTable, options: { seed: number; flipRate: number }): Labels {
  const labels = { ...computeLabelArrays(table, options) };
  let simulated: UpliftCampaign | undefined;
  // Enumerable, so the labels still show and copy with their campaign.
  Object.defineProperty(labels, 'campaign', {
    enumerable: true,
    get: () => (simulated ??= simulateCampaign(table, options.seed)),
  });
  return labels as Labels;
}

/** The labels without the campaign, with computeLabels's checks (the campaign's included) and notes. */
export function computeLabelArrays(
  table: TrackTable,
  options: { seed: number; flipRate: number },
): LabelArrays {
  const a = stepAvailability('promotion_labels', present(table));
  if (a.status === 'skipped') throw new StepSkipped('labels', a.reason);
  const promotion = promotionLabels(table, {
    seed: streamSeed(options.seed, STREAMS.labelFlips),
    flipRate: options.flipRate,
  });
  const n = table.length;
  const rulePositives = Math.round(promotion.ruleBaseRate * n);
  if (rulePositives === 0 || rulePositives === n)
    throw new StepSkipped(
      'labels',
      `no promotion model: the rule ${ruleText(promotion)} promotes ${share(rulePositives, n)} of the ${n} track(s), so there is nothing to learn`,
    );
  const labelPositives = Math.round(promotion.labelBaseRate * n);
  if (labelPositives === 0 || labelPositives === n)
    throw new StepSkipped(
      'labels',
      `no promotion model: after the seeded flips, ${share(labelPositives, n)} of the ${n} tracks are labelled promoted, so there is nothing to learn`,
    );
  const notes: string[] = [];
  const popularity = popularityLabels(table, notes);
  campaignWeights(table, notes);
  return {
    promotion,
    ceiling: noiseCeiling({ flipRate: options.flipRate, rulePositiveRate: promotion.ruleBaseRate }),
    realizedCeiling: realizedCeiling(promotion.ruleLabels, promotion.labels),
    popularity,
    popularityScope: popularity && (table.numeric.year ? 'year' : 'file'),
    notes,
  };
}
