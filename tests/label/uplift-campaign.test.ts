import { upliftCampaign } from '../../src/label/uplift-campaign';
import type { TrackTable } from '../../src/data/schema';
import { createRandom } from '../../src/util/random';

function tracks(n: number, seed: number): TrackTable {
  const rng = createRandom(seed);
  const unit = () => Float64Array.from({ length: n }, () => rng.next());
  return {
    length: n,
    numeric: {
      danceability: unit(),
      energy: unit(),
      valence: unit(),
      loudness: Float64Array.from({ length: n }, () => -30 + 25 * rng.next()),
    },
    text: {},
    lists: {},
  };
}

/** Rows of the top `share` by score. */
function topRows(score: Float64Array, share: number): Set<number> {
  const order = Array.from(score.keys()).sort((a, b) => score[b] - score[a]);
  return new Set(order.slice(0, Math.round(share * score.length)));
}

describe('upliftCampaign', () => {
  const table = tracks(40_000, 3);
  const campaign = upliftCampaign(table, { seed: 11 });

  it('keeps probabilities valid and follows the documented forms', () => {
    const broken: number[] = [];
    for (let i = 0; i < table.length; i++) {
      const p0 = campaign.baselineProb[i];
      const tau = campaign.trueEffect[i];
      if (!(p0 > 0 && p0 + tau <= 1 && tau >= 0 && tau <= 0.3 * (1 - p0) ** 2)) broken.push(i);
    }
    expect(broken).toEqual([]);
    expect(campaign.treatedRate).toBeCloseTo(0.5, 1);
  });

  it('a randomized comparison recovers the true average effect', () => {
    // Standard error of a difference of two proportions near 0.2 with 20k per arm: about 0.004.
    expect(Math.abs(campaign.observedUplift - campaign.averageEffect)).toBeLessThan(0.015);
    expect(campaign.averageEffect).toBeGreaterThan(0.05);
  });

  it('a propensity policy and an uplift policy pick different tracks', () => {
    const byBaseline = topRows(campaign.baselineProb, 0.1);
    const byEffect = topRows(campaign.trueEffect, 0.1);
    let overlap = 0;
    for (const i of byEffect) if (byBaseline.has(i)) overlap++;
    expect(overlap / byEffect.size).toBeLessThan(0.05);
  });

  it('is reproducible by seed and changes with it', () => {
    const small = tracks(5_000, 8);
    const first = upliftCampaign(small, { seed: 11 });
    const again = upliftCampaign(small, { seed: 11 });
    expect(Buffer.from(again.outcome).equals(Buffer.from(first.outcome))).toBe(true);
    const other = upliftCampaign(small, { seed: 12 });
    expect(Buffer.from(other.treatment).equals(Buffer.from(first.treatment))).toBe(false);
  });

  it('scales the effect per cluster, clipped to a valid probability', () => {
    const small = tracks(200, 4);
    const clusters = Int32Array.from({ length: 200 }, (_, i) => i % 3);
    const plain = upliftCampaign(small);
    const scaled = upliftCampaign(small, { clusters, clusterEffects: [0, 2, -1e6] });
    for (let i = 0; i < 200; i++) {
      const p0 = plain.baselineProb[i];
      if (i % 3 === 0) expect(scaled.trueEffect[i]).toBe(0);
      if (i % 3 === 1) expect(scaled.trueEffect[i]).toBeCloseTo(2 * plain.trueEffect[i], 12);
      if (i % 3 === 2) expect(scaled.trueEffect[i]).toBe(-p0);
    }
  });

  it('errors on constant or missing features, bad rates and half-given clusters', () => {
    const flat = tracks(50, 1);
    flat.numeric.energy!.fill(0.5);
    expect(() => upliftCampaign(flat)).toThrow(/'energy' is constant/);
    const holed = tracks(50, 1);
    holed.numeric.valence![7] = NaN;
    expect(() => upliftCampaign(holed)).toThrow(/'valence' has a missing \(NaN\) value at row 7/);
    expect(() => upliftCampaign(tracks(50, 1), { treatmentRate: 1 })).toThrow(/both arms/);
    expect(() => upliftCampaign(tracks(50, 1), { clusters: new Int32Array(50) })).toThrow(/together/);
    expect(() =>
      upliftCampaign(tracks(50, 1), { clusters: new Int32Array(50).fill(4), clusterEffects: [1] }),
    ).toThrow(/cluster label 4/);
    expect(() => upliftCampaign({ length: 0, numeric: {}, text: {}, lists: {} })).toThrow(/empty/);
  });
});
