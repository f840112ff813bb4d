/**
 * Audio features of a demo track from a Gaussian copula: 11 correlated latent normals (10 continuous columns +
 * explicit), each pushed through the real marginal quantiles. The era enters as a per-year shift of each latent,
 * solved so the expected value equals the calibrated mean of that year — so the real marginal shapes, the real
 * correlations (energy~loudness, acousticness~−energy, valence~danceability) and the real era trends hold together.
 */
import { UNIT_FEATURES } from '../schema';
import type { Random } from '../../util/random';
import {
  COPULA_FEATURES,
  DECADE_MEANS,
  KEY_WEIGHTS,
  LATENT_CORRELATION,
  MAJOR_MODE_RATE,
  QUANTILES,
  QUANTILE_PROBS,
  type CopulaFeature,
} from './calibration';
import { choleskyLower, normalCdf, normalQuantile } from './gaussian';
import { CATALOG, EXPLICIT_RATE_BY_DECADE, FLOAT_ARTIFACT_BITS, TIME_SIGNATURES } from './rates';

/** Years the calibration covers (data_by_year_real.csv). */
export const FIRST_YEAR = 1921;
export const LAST_YEAR = 2020;

/** One track's audio columns, already rounded as Spotify reports them (and as the file writes them). */
export interface TrackAudio {
  danceability: number;
  energy: number;
  key: number;
  loudness: number;
  mode: number;
  speechiness: number;
  acousticness: number;
  instrumentalness: number;
  liveness: number;
  valence: number;
  tempo: number;
  durationMs: number;
  timeSignature: number;
  explicit: boolean;
}

export interface FeatureSampler {
  /** An artist's sound: a latent draw shared by all their tracks (CATALOG.artistVarianceShare of the variance). */
  drawArtistStyle(rng: Random): Float64Array;
  /** Draws one track of `year` (FIRST_YEAR..LAST_YEAR) around the artist's `style`, into `out`. */
  drawTrack(rng: Random, year: number, style: Float64Array, out: TrackAudio): void;
}

const LATENT_SIZE = LATENT_CORRELATION.length;
const FEATURE_COUNT = COPULA_FEATURES.length;
const EXPLICIT_LATENT = FEATURE_COUNT;
const UNIT_SCALE = new Set<string>(UNIT_FEATURES);

// Module-level copies: imported bindings compile to getters, too slow for the per-value hot path.
// Likewise `Math.x`: under jest's vm context each global lookup goes through a proxy, ~10x slower.
const phi = normalCdf;
const { abs, floor, log10, round } = Math;
const PROBS = Float64Array.from(QUANTILE_PROBS);
const ARTIFACT_MASK = (1 << FLOAT_ARTIFACT_BITS) - 1;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** The calibrated mean of `feature` in `year`: linear between decade anchors (decade midpoints; 2020 itself). */
export function calibratedMean(feature: CopulaFeature, year: number): number {
  const anchors = DECADE_MEANS.map((row) => ({
    year: row.decade === 2020 ? 2020 : row.decade + 4.5,
    mean: row[feature],
  }));
  if (year <= anchors[0].year) return anchors[0].mean;
  for (let i = 1; i < anchors.length; i++) {
    if (year <= anchors[i].year) {
      const t = (year - anchors[i - 1].year) / (anchors[i].year - anchors[i - 1].year);
      return anchors[i - 1].mean + t * (anchors[i].mean - anchors[i - 1].mean);
    }
  }
  return anchors[anchors.length - 1].mean;
}

/** The real quantile function of one feature: piecewise linear, clamped to the tabulated 0.1%..99.9% range. */
function quantileAt(table: ArrayLike<number>, u: number): number {
  const probs = PROBS;
  if (u <= probs[0]) return table[0];
  const last = probs.length - 1;
  if (u >= probs[last]) return table[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (probs[mid] <= u) lo = mid;
    else hi = mid;
  }
  const t = (u - probs[lo]) / (probs[hi] - probs[lo]);
  return table[lo] + t * (table[hi] - table[lo]);
}

/** Shift s with E[Q(Φ(Z + s))] = target for Z ~ N(0, 1), by bisection (the expectation rises with s). */
function solveLatentShift(table: ArrayLike<number>, target: number): number {
  // A 0.05 grid over ±5.5 sd: the mean is then exact to ~1e-4 of the feature's range, and set-up stays short.
  const step = 0.05;
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let z = -5.5; z <= 5.5; z += step) {
    nodes.push(z);
    weights.push(Math.exp(-0.5 * z * z));
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const expected = (shift: number): number => {
    let sum = 0;
    for (let k = 0; k < nodes.length; k++) sum += weights[k] * quantileAt(table, phi(nodes[k] + shift));
    return sum / total;
  };
  let lo = -5;
  let hi = 5;
  for (let i = 0; i < 26; i++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Rounded to 3 significant digits, as Spotify reports the 0..1 features (0.599, 0.0129, 7.06e-05). */
function roundSignificant3(value: number): number {
  if (value === 0) return 0;
  const places = 2 - floor(log10(abs(value)));
  if (places >= 0) {
    const scale = POW10[places];
    return round(value * scale) / scale;
  }
  const scale = POW10[-places];
  return round(value / scale) * scale;
}

const ULPS_CHOICES = [-2, -1, 1, 2];
const ulpView = new DataView(new ArrayBuffer(8));

/** `value` moved by `ulps` (|ulps| ≤ 2) units in the last place: the real file's `0.6559999999999999` artifact. */
export function nudgeUlps(value: number, ulps: number): number {
  ulpView.setFloat64(0, value);
  // Big-endian view: the low 32 bits of the IEEE pattern sit at offset 4; a carry or borrow moves the high word.
  const low = ulpView.getUint32(4) + ulps;
  ulpView.setUint32(4, low >>> 0);
  if (low > 0xffffffff || low < 0) ulpView.setUint32(0, ulpView.getUint32(0) + (low < 0 ? -1 : 1));
  return ulpView.getFloat64(0);
}

/** Cumulative shares of `weights`, normalized to end at 1, for drawIndex. */
function cumulativeShares(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  return Float64Array.from(weights, (w) => (running += w / total));
}

function drawIndex(rng: Random, cumulative: Float64Array): number {
  const u = rng.next();
  for (let i = 0; i < cumulative.length - 1; i++) if (u < cumulative[i]) return i;
  return cumulative.length - 1;
}

const KEY_CUMULATIVE = cumulativeShares(KEY_WEIGHTS);
const TIME_SIGNATURE_VALUES = TIME_SIGNATURES.map((t) => t.value);
const TIME_SIGNATURE_CUMULATIVE = cumulativeShares(TIME_SIGNATURES.map((t) => t.weight));
const MAJOR_RATE = MAJOR_MODE_RATE;

interface EraTables {
  tables: Float64Array[];
  shifts: Float64Array;
  explicitThresholds: Float64Array;
}

let eraTables: EraTables | null = null;

/** Per-year latent shifts and explicit thresholds: pure functions of the constants, so solved once per process. */
function solveEraTables(): EraTables {
  if (eraTables) return eraTables;
  const tables = COPULA_FEATURES.map((feature) => Float64Array.from(QUANTILES[feature]));
  const yearCount = LAST_YEAR - FIRST_YEAR + 1;
  const shifts = new Float64Array(yearCount * FEATURE_COUNT);
  const explicitThresholds = new Float64Array(yearCount);
  for (let y = 0; y < yearCount; y++) {
    const year = FIRST_YEAR + y;
    COPULA_FEATURES.forEach((feature, f) => {
      shifts[y * FEATURE_COUNT + f] = solveLatentShift(tables[f], calibratedMean(feature, year));
    });
    explicitThresholds[y] = normalQuantile(
      1 - EXPLICIT_RATE_BY_DECADE[Math.min(2020, Math.floor(year / 10) * 10)],
    );
  }
  eraTables = { tables, shifts, explicitThresholds };
  return eraTables;
}

export function createFeatureSampler(): FeatureSampler {
  const lower = choleskyLower(LATENT_CORRELATION);
  const { tables, shifts, explicitThresholds } = solveEraTables();
  // How each column is rounded: 0 = 3 significant digits, 1 = 3 decimals, 2 = integer.
  const rounding = COPULA_FEATURES.map((name) => (UNIT_SCALE.has(name) ? 0 : name === 'duration_ms' ? 2 : 1));
  const artistScale = Math.sqrt(CATALOG.artistVarianceShare);
  const trackScale = Math.sqrt(1 - CATALOG.artistVarianceShare);
  const independent = new Float64Array(LATENT_SIZE);
  const latent = new Float64Array(LATENT_SIZE);

  const drawCorrelated = (rng: Random, scale: number, out: Float64Array): void => {
    for (let i = 0; i < LATENT_SIZE; i++) independent[i] = rng.normal();
    for (let i = 0; i < LATENT_SIZE; i++) {
      let sum = 0;
      for (let j = 0; j <= i; j++) sum += lower[i * LATENT_SIZE + j] * independent[j];
      out[i] = scale * sum;
    }
  };

  // Which values get a float artifact: FLOAT_ARTIFACT_BITS bits per feature of one 32-bit draw per track,
  // artifact when they are all 0 — one random draw instead of ten.
  let artifactBits = 0;
  const feature = (rng: Random, f: number, y: number): number => {
    const raw = quantileAt(tables[f], phi(latent[f] + shifts[y * FEATURE_COUNT + f]));
    const kind = rounding[f];
    if (kind === 2) return round(raw);
    const rounded = kind === 0 ? roundSignificant3(raw) : round(raw * 1000) / 1000;
    const artifact = ((artifactBits >>> (f * FLOAT_ARTIFACT_BITS)) & ARTIFACT_MASK) === 0;
    if (!artifact || rounded === 0 || rounded === 1) return rounded;
    return nudgeUlps(rounded, ULPS_CHOICES[rng.int(4)]);
  };

  return {
    drawArtistStyle(rng) {
      const style = new Float64Array(LATENT_SIZE);
      drawCorrelated(rng, artistScale, style);
      return style;
    },
    drawTrack(rng, year, style, out) {
      if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
        throw new Error(`drawTrack expects a year in ${FIRST_YEAR}..${LAST_YEAR}, got ${year}`);
      }
      const y = year - FIRST_YEAR;
      drawCorrelated(rng, trackScale, latent);
      for (let i = 0; i < LATENT_SIZE; i++) latent[i] += style[i];
      artifactBits = rng.int(0x100000000);
      out.danceability = feature(rng, 0, y);
      out.energy = feature(rng, 1, y);
      out.loudness = feature(rng, 2, y);
      out.speechiness = feature(rng, 3, y);
      out.acousticness = feature(rng, 4, y);
      out.instrumentalness = feature(rng, 5, y);
      out.liveness = feature(rng, 6, y);
      out.valence = feature(rng, 7, y);
      out.tempo = feature(rng, 8, y);
      out.durationMs = feature(rng, 9, y);
      out.explicit = latent[EXPLICIT_LATENT] > explicitThresholds[y];
      out.key = drawIndex(rng, KEY_CUMULATIVE);
      out.mode = rng.next() < MAJOR_RATE ? 1 : 0;
      out.timeSignature = TIME_SIGNATURE_VALUES[drawIndex(rng, TIME_SIGNATURE_CUMULATIVE)];
    },
  };
}
