/**
 * The one seedable random source every random step uses (sampling, splits, label flips, k-means++ seeding,
 * the demo generator). mulberry32: 32-bit state, fast, and identical on every platform, so the same seed gives
 * the same numbers everywhere.
 *
 * Named streams (NumPy's `SeedSequence` idea): each random step draws from its own stream, seeded by hashing
 * the run's one seed together with the step's name (`streamSeed(seed, 'label-flips')`). Two steps that use the
 * same raw seed draw the same numbers — a 5,000-row sample and a 2,500-row flip set taken with one seed share
 * their first 2,500 picks — so no step may use the raw seed where another step does too.
 */
// Local aliases: under jest every global `Math.x` lookup goes through a slow proxy (measured 11x on Math.exp).
const { imul, floor, log, sqrt, sin, cos, trunc, PI } = Math;

/** The seed every random step derives from unless the user chooses another (`--seed`, LAB_SEED). */
export const DEFAULT_SEED = 42;

/** The named streams of a lab run: one per random step, so each step's draws are independent of the others'. */
export const STREAMS = {
  /** Train/validation/test split. */
  split: 'split',
  /** Which promotion labels are flipped. */
  labelFlips: 'label-flips',
  /** Display samples: the explorer, the picker, the cluster map, silhouette and SHAP samples. */
  samples: 'samples',
  /** k-means++ seeding (and the elbow's runs). */
  kmeans: 'kmeans',
  /** XGBoost's own seed (row/column subsampling). */
  xgboost: 'xgboost',
  /** The simulated uplift campaign: treatment assignment and outcomes. */
  campaign: 'campaign',
  /** The uplift study's own train/test split of the campaign. */
  uplift: 'uplift',
  /** SHAP's sample of rows (mean |SHAP| and the beeswarm). */
  shap: 'shap',
} as const;
export type StreamName = (typeof STREAMS)[keyof typeof STREAMS];

/** murmur3's 32-bit finaliser: every input bit flips each output bit with probability ~1/2. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The seed of stream `name` of run seed `seed`: an unsigned 32-bit integer. Deterministic, different for
 * different names (FNV-1a of the name, mixed with the seed), and `streamSeed(s, name)` never equals `s` by
 * design of a step — a step either derives its stream or takes a seed its caller derived.
 */
export function streamSeed(seed: number, name: string): number {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (name.length === 0) throw new Error('a random stream needs a name');
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = imul(h ^ name.charCodeAt(i), 0x01000193);
  // Mix the seed in twice (low 32 bits, then the rest) so seeds past 2^32 still differ.
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  return mix32(mix32(h ^ low) ^ mix32(high + 0x9e3779b9));
}

/** A generator on stream `name` of run seed `seed`. */
export function createStream(seed: number, name: string): Random {
  return createRandom(streamSeed(seed, name));
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  let state = (trunc(seed) ^ 0x9e3779b9) >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => floor(next() * n),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = sqrt(-2 * log(u));
      spare = r * sin(2 * PI * v);
      return r * cos(2 * PI * v);
    },
  };
}

/** A seeded Fisher–Yates shuffle of 0..n-1. */
export function shuffledIndices(n: number, seed: number): Uint32Array {
  const rng = createRandom(seed);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx;
}

/** A seeded sample of `k` distinct indices out of 0..n-1, in ascending order (all of them when k ≥ n). */
export function sampleIndices(n: number, k: number, seed: number): Uint32Array {
  if (k >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  return shuffledIndices(n, seed).subarray(0, k).slice().sort();
}
