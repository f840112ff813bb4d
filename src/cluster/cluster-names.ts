/**
 * Short descriptive names for clusters from the z-scores of their centroids ("loud, danceable, happy").
 *
 * Rules (deterministic): a feature describes a cluster when its centroid is at least `threshold` standard
 * deviations from the overall mean; the describing features are ordered by |z| (larger first, then feature
 * order), and the first `maxWords` give the name, each as its "high" or "low" word below. A cluster with no
 * describing feature is "average". When two clusters get the same name, both get more words (up to every
 * describing feature); names still equal after that get " (2)", " (3)" … in cluster order.
 */

/** Words for a feature well above / well below the mean. Unknown features use "high x" / "low x". */
export const FEATURE_WORDS: Readonly<Record<string, readonly [high: string, low: string]>> = {
  danceability: ['danceable', 'hard to dance to'],
  energy: ['energetic', 'calm'],
  loudness: ['loud', 'quiet'],
  speechiness: ['wordy', 'few words'],
  acousticness: ['acoustic', 'electronic'],
  instrumentalness: ['instrumental', 'vocal'],
  liveness: ['live', 'studio'],
  valence: ['happy', 'sad'],
  tempo: ['fast', 'slow'],
};

export interface ClusterNameOptions {
  /** |z| at which a feature describes a cluster. Default: 0.5. */
  threshold?: number;
  /** Words in a name before disambiguation. Default: 3. */
  maxWords?: number;
}

export const CLUSTER_NAME_DEFAULTS = { threshold: 0.5, maxWords: 3 } as const;

function word(feature: string, z: number): string {
  const words = FEATURE_WORDS[feature];
  if (words) return z > 0 ? words[0] : words[1];
  return `${z > 0 ? 'high' : 'low'} ${feature}`;
}

/** The words describing one centroid, most distinctive first. */
export function describingWords(
  features: readonly string[],
  z: ArrayLike<number>,
  threshold: number,
): string[] {
  if (z.length !== features.length) throw new Error(`expected ${features.length} z-scores, got ${z.length}`);
  return features
    .map((feature, j) => ({ feature, z: z[j], j }))
    .filter((f) => Math.abs(f.z) >= threshold)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.j - b.j)
    .map((f) => word(f.feature, f.z));
}

/** One unique name per centroid; `centroidZ[c]` holds the z-scores of cluster c in `features` order. */
export function nameClusters(
  features: readonly string[],
  centroidZ: ReadonlyArray<ArrayLike<number>>,
  options: ClusterNameOptions = {},
): string[] {
  const threshold = options.threshold ?? CLUSTER_NAME_DEFAULTS.threshold;
  const maxWords = options.maxWords ?? CLUSTER_NAME_DEFAULTS.maxWords;
  if (!(threshold >= 0)) throw new Error(`threshold must be ≥ 0, got ${threshold}`);
  if (!Number.isInteger(maxWords) || maxWords < 1)
    throw new Error(`maxWords must be a positive integer, got ${maxWords}`);
  const words = centroidZ.map((z) => describingWords(features, z, threshold));
  const wordCount = words.map(() => maxWords);
  const nameOf = (c: number): string => words[c].slice(0, wordCount[c]).join(', ') || 'average';
  for (let round = 0; round < features.length; round++) {
    const names = words.map((_, c) => nameOf(c));
    let grew = false;
    names.forEach((name, c) => {
      const clash = names.some((other, o) => o !== c && other === name);
      if (clash && wordCount[c] < words[c].length) {
        wordCount[c]++;
        grew = true;
      }
    });
    if (!grew) break;
  }
  const seen = new Map<string, number>();
  return words.map((_, c) => {
    const name = nameOf(c);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
