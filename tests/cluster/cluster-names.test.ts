import { describingWords, nameClusters } from '../../src/cluster/cluster-names';
import { AUDIO_FEATURES } from '../../src/data/schema';

const features = [...AUDIO_FEATURES];
// z-scores in AUDIO_FEATURES order: danceability, energy, loudness, speechiness, acousticness,
// instrumentalness, liveness, valence, tempo
const z = (values: Partial<Record<(typeof AUDIO_FEATURES)[number], number>>) =>
  features.map((f) => values[f] ?? 0);

describe('cluster names', () => {
  test('orders the describing features by |z| and uses high/low words', () => {
    expect(
      describingWords(features, z({ loudness: 1.2, danceability: 0.9, valence: 0.7, tempo: 0.6 }), 0.5),
    ).toEqual(['loud', 'danceable', 'happy', 'fast']);
    expect(
      describingWords(features, z({ acousticness: 1.5, energy: -1.4, instrumentalness: 0.4 }), 0.5),
    ).toEqual(['acoustic', 'calm']);
  });

  test('names with up to three words, "average" when nothing stands out', () => {
    const names = nameClusters(features, [
      z({ loudness: 1.2, danceability: 0.9, valence: 0.7, tempo: 0.6 }),
      z({ speechiness: 2.5, liveness: 0.5 }),
      z({ energy: 0.2 }),
    ]);
    expect(names).toEqual(['loud, danceable, happy', 'wordy, live', 'average']);
  });

  test('adds words, then numbers, until names are unique', () => {
    const names = nameClusters(features, [
      z({ energy: 2, loudness: 1.5, danceability: 1, tempo: 0.8 }),
      z({ energy: 2, loudness: 1.5, danceability: 1, valence: -0.8 }),
      z({ energy: 0.1 }),
      z({ tempo: -0.2 }),
    ]);
    expect(names).toEqual([
      'energetic, loud, danceable, fast',
      'energetic, loud, danceable, sad',
      'average',
      'average (2)',
    ]);
  });

  test('words for unknown features, and option checks', () => {
    expect(describingWords(['popularity'], [-1], 0.5)).toEqual(['low popularity']);
    expect(() => nameClusters(features, [z({})], { maxWords: 0 })).toThrow(/maxWords/);
    expect(() => describingWords(features, [1, 2], 0.5)).toThrow(/expected 9 z-scores/);
  });
});
