import { moodClusters } from '../../src/cluster/mood-clusters';
import { AUDIO_FEATURES, type TrackTable } from '../../src/data/schema';
import { createRandom } from '../../src/util/random';

/** Two moods: loud happy dance tracks and quiet acoustic ones. */
function twoMoodTable(perMood: number): TrackTable {
  const rng = createRandom(11);
  const n = 2 * perMood;
  const numeric: TrackTable['numeric'] = {};
  for (const f of AUDIO_FEATURES) numeric[f] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const party = i < perMood;
    const jitter = () => 0.05 * rng.normal();
    numeric.danceability![i] = (party ? 0.8 : 0.4) + jitter();
    numeric.energy![i] = (party ? 0.85 : 0.2) + jitter();
    numeric.loudness![i] = (party ? -5 : -18) + 20 * jitter();
    numeric.speechiness![i] = 0.05 + jitter() / 5;
    numeric.acousticness![i] = (party ? 0.1 : 0.9) + jitter();
    numeric.instrumentalness![i] = 0.1 + jitter();
    numeric.liveness![i] = 0.15 + jitter();
    numeric.valence![i] = (party ? 0.8 : 0.3) + jitter();
    numeric.tempo![i] = 120 + 200 * jitter();
  }
  return { length: n, numeric, text: {}, lists: {} };
}

describe('moodClusters', () => {
  test('standardizes, clusters, names and maps the two moods', async () => {
    const result = await moodClusters(twoMoodTable(150), { k: 2, mapSampleSize: 100 });
    const party = result.kmeans.labels[0];
    expect(result.kmeans.labels.subarray(0, 150).every((l) => l === party)).toBe(true);
    expect(result.kmeans.labels.subarray(150).every((l) => l !== party)).toBe(true);
    const partyProfile = result.profiles[party];
    expect(partyProfile.name.split(', ')).toEqual(expect.arrayContaining(['energetic', 'electronic']));
    expect(partyProfile.centroid.loudness).toBeCloseTo(-5, 0);
    expect(partyProfile.size).toBe(150);
    expect(result.profiles[1 - party].name).toMatch(/calm|acoustic/);
    expect(result.map.x.length).toBe(100);
    expect(Array.from(result.scaler.mean).length).toBe(9);
  });

  test('defaults to k = 6, the original app', async () => {
    const result = await moodClusters(twoMoodTable(60));
    expect(result.kmeans.k).toBe(6);
    expect(new Set(result.profiles.map((p) => p.name)).size).toBe(6);
  });

  test('rejects a constant feature', async () => {
    const table = twoMoodTable(20);
    table.numeric.liveness!.fill(0.2);
    await expect(moodClusters(table)).rejects.toThrow(/'liveness' is constant/);
  });
});
