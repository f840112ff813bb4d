/** The labels step: the simulated campaign is made when first read, with the very numbers it had before. */
import { UNIT_FEATURES, type TrackTable } from '../../../src/data/schema';
import { upliftCampaign } from '../../../src/label/uplift-campaign';
import { computeLabels } from '../../../src/pipeline/steps/labels';
import { createRandom, streamSeed, STREAMS } from '../../../src/util/random';

function table(n: number, withLoudness: boolean): TrackTable {
  const rng = createRandom(3);
  const numeric: TrackTable['numeric'] = {};
  for (const name of UNIT_FEATURES) numeric[name] = Float64Array.from({ length: n }, () => rng.next());
  if (withLoudness) numeric.loudness = Float64Array.from({ length: n }, () => -20 + 18 * rng.next());
  return { length: n, numeric, text: {}, lists: {} };
}

test('the campaign is simulated on first read, once, as upliftCampaign on its own seeded stream', () => {
  const t = table(2000, true);
  const labels = computeLabels(t, { seed: 9, flipRate: 0.05 });
  const own = Object.getOwnPropertyDescriptor(labels, 'campaign')!;
  expect(typeof own.get).toBe('function');
  expect(own.enumerable).toBe(true);
  const first = labels.campaign;
  expect(labels.campaign).toBe(first);
  expect(first).toEqual(
    upliftCampaign(t, {
      seed: streamSeed(9, STREAMS.campaign),
      baselineWeights: { energy: 0.8, valence: 0.6, loudness: 0.4 },
    }),
  );
  expect({ ...labels }.campaign).toBe(first);
});

test("the campaign's note and checks come with the labels, before the campaign is read", () => {
  const labels = computeLabels(table(2000, false), { seed: 9, flipRate: 0.05 });
  expect(labels.notes).toEqual(['simulated campaign baseline without loudness (not in file)']);
  expect(labels.campaign.treatment.length).toBe(2000);
});
