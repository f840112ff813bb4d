/**
 * A simulated randomized promotion campaign with a known effect, so uplift models can be scored against the
 * truth (no real dataset records who was promoted). Per track, with z(x) the feature standardized over the
 * table:
 *
 *   baseline   p0  = sigmoid(intercept + Σ_k w_k · z(x_k))            default: energy, valence, loudness
 *   effect     tau = maxEffect · (1 − p0)² · sigmoid(danceabilitySlope · z(danceability)) · m[cluster]
 *              clipped to [−p0, 1 − p0] so p0 + tau stays a probability
 *   treatment  T ~ Bernoulli(treatmentRate)
 *   outcome    Y ~ Bernoulli(p0 + T · tau)
 *
 * The effect is largest for danceable tracks that would rarely succeed anyway, so ranking by likely success
 * (propensity) and ranking by effect (uplift) pick different tracks — the contrast uplift modelling is for.
 * One seeded stream draws T then Y for each row in order.
 */
import { finiteColumns } from '../analysis/feature-columns';
import type { NumericColumn, TrackTable } from '../data/schema';
import { DEFAULT_SEED, createRandom } from '../util/random';

export interface UpliftCampaignOptions {
  /** Seed of the treatment and outcome draws. Default: 42. */
  seed?: number;
  /** Probability a track is promoted (treated). Default: 0.5. */
  treatmentRate?: number;
  /** Log-odds of the baseline at average features. Default: −1.5 (about 18%). */
  baselineIntercept?: number;
  /** Baseline log-odds weight per standardized feature. Default: { energy: 0.8, valence: 0.6, loudness: 0.4 }. */
  baselineWeights?: Partial<Record<NumericColumn, number>>;
  /** Effect scale: the largest possible lift, for p0 → 0 and very danceable tracks. Default: 0.3. */
  maxEffect?: number;
  /** Steepness of the effect in standardized danceability. Default: 1.5. */
  danceabilitySlope?: number;
  /** One cluster label per row (e.g. mood clusters); needs `clusterEffects`. Default: none. */
  clusters?: Int32Array;
  /** Effect multiplier per cluster label (index = label); may be negative (promotion backfires). */
  clusterEffects?: readonly number[];
}

export const UPLIFT_CAMPAIGN_DEFAULTS = {
  seed: DEFAULT_SEED,
  treatmentRate: 0.5,
  baselineIntercept: -1.5,
  baselineWeights: { energy: 0.8, valence: 0.6, loudness: 0.4 } as Partial<Record<NumericColumn, number>>,
  maxEffect: 0.3,
  danceabilitySlope: 1.5,
};

export interface UpliftCampaign {
  treatment: Uint8Array;
  outcome: Uint8Array;
  /** tau: the true lift in success probability from promoting this track. */
  trueEffect: Float64Array;
  /** p0: success probability without promotion. */
  baselineProb: Float64Array;
  /** Share treated. */
  treatedRate: number;
  /** Mean of trueEffect (the average treatment effect). */
  averageEffect: number;
  /** Mean outcome of treated minus control: what the campaign would measure. */
  observedUplift: number;
  options: typeof UPLIFT_CAMPAIGN_DEFAULTS & Pick<UpliftCampaignOptions, 'clusterEffects'>;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function standardized(values: Float64Array, name: string): Float64Array {
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / values.length;
  let squares = 0;
  for (const x of values) squares += (x - mean) ** 2;
  const sd = Math.sqrt(squares / values.length);
  if (!(sd > 0))
    throw new Error(`upliftCampaign: column '${name}' is constant, so it cannot be standardized`);
  const z = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) z[i] = (values[i] - mean) / sd;
  return z;
}

function clusterMultipliers(n: number, o: UpliftCampaignOptions): Float64Array {
  const multipliers = new Float64Array(n).fill(1);
  if (!o.clusters && !o.clusterEffects) return multipliers;
  if (!o.clusters || !o.clusterEffects) {
    throw new Error(
      'upliftCampaign: pass clusters and clusterEffects together (one multiplier per cluster label)',
    );
  }
  if (o.clusters.length !== n)
    throw new Error(`upliftCampaign: expected ${n} cluster labels, got ${o.clusters.length}`);
  for (let i = 0; i < n; i++) {
    const m = o.clusterEffects[o.clusters[i]];
    if (!Number.isFinite(m)) {
      throw new Error(
        `upliftCampaign: no finite clusterEffects entry for cluster label ${o.clusters[i]} (row ${i})`,
      );
    }
    multipliers[i] = m;
  }
  return multipliers;
}

/** Simulates the campaign over `table`; needs danceability and the baseline features, no NaN. */
export function upliftCampaign(table: TrackTable, options: UpliftCampaignOptions = {}): UpliftCampaign {
  const o = { ...UPLIFT_CAMPAIGN_DEFAULTS, ...options };
  if (!(o.treatmentRate > 0 && o.treatmentRate < 1)) {
    throw new Error(
      `upliftCampaign: treatmentRate must be in (0, 1) so both arms exist, got ${o.treatmentRate}`,
    );
  }
  for (const key of ['seed', 'baselineIntercept', 'maxEffect', 'danceabilitySlope'] as const) {
    if (!Number.isFinite(o[key]))
      throw new Error(`upliftCampaign: ${key} must be a finite number, got ${o[key]}`);
  }
  const weighted = Object.entries(o.baselineWeights) as [NumericColumn, number][];
  const names: NumericColumn[] = ['danceability', ...weighted.map(([name]) => name)];
  const columns = finiteColumns(table, names, 'upliftCampaign').map((values, k) =>
    standardized(values, names[k]),
  );
  const n = table.length;
  const multipliers = clusterMultipliers(n, o);
  const baselineProb = new Float64Array(n);
  const trueEffect = new Float64Array(n);
  const weights = weighted.map(([, w]) => w);
  const baselineColumns = columns.slice(1);
  for (let i = 0; i < n; i++) {
    let logit = o.baselineIntercept;
    for (let k = 0; k < weights.length; k++) logit += weights[k] * baselineColumns[k][i];
    const p0 = sigmoid(logit);
    const tau = o.maxEffect * (1 - p0) ** 2 * sigmoid(o.danceabilitySlope * columns[0][i]) * multipliers[i];
    baselineProb[i] = p0;
    trueEffect[i] = Math.min(1 - p0, Math.max(-p0, tau));
  }
  const rng = createRandom(o.seed);
  const treatment = new Uint8Array(n);
  const outcome = new Uint8Array(n);
  let treated = 0;
  let treatedSuccess = 0;
  let controlSuccess = 0;
  let effectSum = 0;
  for (let i = 0; i < n; i++) {
    treatment[i] = rng.next() < o.treatmentRate ? 1 : 0;
    outcome[i] = rng.next() < baselineProb[i] + treatment[i] * trueEffect[i] ? 1 : 0;
    treated += treatment[i];
    if (treatment[i]) treatedSuccess += outcome[i];
    else controlSuccess += outcome[i];
    effectSum += trueEffect[i];
  }
  const control = n - treated;
  return {
    treatment,
    outcome,
    trueEffect,
    baselineProb,
    treatedRate: treated / n,
    averageEffect: effectSum / n,
    observedUplift: treated && control ? treatedSuccess / treated - controlSuccess / control : NaN,
    options: o,
  };
}
