/**
 * The original app's "promotion" label, reproduced and seeded: promoted when (valence > 0.6 and energy > 0.6)
 * or danceability > 0.75, then a fraction of labels flipped. The original flipped 5% unseeded; here exactly
 * round(flipRate · n) rows are chosen by a seeded sample, so the realized flip rate is the nominal one and
 * the noise ceiling (noise-ceiling.ts) holds for this very table, not only on average.
 */
import { finiteColumns } from '../analysis/feature-columns';
import type { TrackTable } from '../data/schema';
import { DEFAULT_SEED, sampleIndices } from '../util/random';

export interface PromotionRuleOptions {
  /** Valence must exceed this (together with energy). Default: 0.6. */
  valenceAbove?: number;
  /** Energy must exceed this (together with valence). Default: 0.6. */
  energyAbove?: number;
  /** Danceability above this promotes on its own. Default: 0.75. */
  danceabilityAbove?: number;
  /** Fraction of rows whose label is flipped, in [0, 0.5). Default: 0.05 (the original's). */
  flipRate?: number;
  /** Seed of the flip sample. Default: 42. */
  seed?: number;
}

export const PROMOTION_RULE_DEFAULTS: Required<PromotionRuleOptions> = {
  valenceAbove: 0.6,
  energyAbove: 0.6,
  danceabilityAbove: 0.75,
  flipRate: 0.05,
  seed: DEFAULT_SEED,
};

export interface PromotionLabels {
  /** The labels a model trains on: rule labels with the flipped rows inverted. */
  labels: Uint8Array;
  /** The rule alone, before flips. */
  ruleLabels: Uint8Array;
  /** Indices of the flipped rows, ascending. */
  flipped: Uint32Array;
  /** Share of rows the rule promotes. */
  ruleBaseRate: number;
  /** Share of rows labelled promoted after flips. */
  labelBaseRate: number;
  /** flipped.length / n. */
  flipRate: number;
  /** The rule in words, with the thresholds used. */
  rule: string;
  options: Required<PromotionRuleOptions>;
}

function validate(o: Required<PromotionRuleOptions>): void {
  for (const key of ['valenceAbove', 'energyAbove', 'danceabilityAbove'] as const) {
    if (!Number.isFinite(o[key]))
      throw new Error(`promotionLabels: ${key} must be a finite number, got ${o[key]}`);
  }
  // At 0.5 the labels carry no information about the rule; above it they invert it.
  if (!(o.flipRate >= 0 && o.flipRate < 0.5)) {
    throw new Error(`promotionLabels: flipRate must be in [0, 0.5), got ${o.flipRate}`);
  }
  if (!Number.isFinite(o.seed))
    throw new Error(`promotionLabels: seed must be a finite number, got ${o.seed}`);
}

/** The rule labels, then seeded flips. Needs valence, energy and danceability, with no NaN. */
export function promotionLabels(table: TrackTable, options: PromotionRuleOptions = {}): PromotionLabels {
  const o = { ...PROMOTION_RULE_DEFAULTS, ...options };
  validate(o);
  const [valence, energy, danceability] = finiteColumns(
    table,
    ['valence', 'energy', 'danceability'],
    'promotionLabels',
  );
  const n = table.length;
  const ruleLabels = new Uint8Array(n);
  let rulePositives = 0;
  for (let i = 0; i < n; i++) {
    const promoted =
      (valence[i] > o.valenceAbove && energy[i] > o.energyAbove) || danceability[i] > o.danceabilityAbove;
    ruleLabels[i] = promoted ? 1 : 0;
    rulePositives += ruleLabels[i];
  }
  const flipped = sampleIndices(n, Math.round(o.flipRate * n), o.seed);
  const labels = ruleLabels.slice();
  for (const i of flipped) labels[i] = 1 - labels[i];
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  return {
    labels,
    ruleLabels,
    flipped,
    ruleBaseRate: rulePositives / n,
    labelBaseRate: positives / n,
    flipRate: flipped.length / n,
    rule:
      `promoted = (valence > ${o.valenceAbove} and energy > ${o.energyAbove}) or danceability > ${o.danceabilityAbove}; ` +
      `then ${flipped.length} of ${n} labels (${(100 * o.flipRate).toFixed(1)}%) flipped, seed ${o.seed}`,
    options: o,
  };
}
