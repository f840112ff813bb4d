/**
 * Uplift evaluation on observed outcomes of a randomized campaign. Rows are ranked by predicted uplift (ties
 * kept together as one step); for the top k rows with n_t treated, n_c control and Y_t, Y_c successes:
 *
 *   Qini    Q(k) = Y_t − Y_c · n_t / n_c            (extra successes among the treated, Radcliffe 2007)
 *   uplift  U(k) = (Y_t / n_t − Y_c / n_c) · k      (extra successes had all top-k rows been treated)
 *
 * Both end at the overall lift; a random ranking draws the straight line to that end. AUUC is the area under
 * U(k)/N over the targeted fraction; the Qini coefficient the area between Q(k)/N and the random line.
 */
import { descendingOrder } from '../metrics/ranking';
import { checkCampaign, type CampaignData } from './campaign-data';

export interface UpliftCurveOptions {
  /** Most points kept per curve (evenly spaced over the ranking, ends kept). Default 101. */
  points?: number;
}

export const UPLIFT_CURVE_DEFAULTS = { points: 101 } as const;

export interface UpliftCurves {
  /** Rows targeted (0 first). */
  targeted: number[];
  /** targeted / N. */
  fraction: number[];
  qini: number[];
  uplift: number[];
  /** Σ trueEffect over the targeted rows, when the truth is known. */
  trueUplift?: number[];
  /** Area under U(k)/N over the fraction targeted. */
  auuc: number;
  /** Area between Q(k)/N and the random line. */
  qiniCoefficient: number;
  /** The same areas for a random ranking (the straight line). */
  randomAuuc: number;
}

function trapezoid(x: Float64Array, y: Float64Array): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

export function upliftCurves(
  predictedUplift: ArrayLike<number>,
  campaign: CampaignData,
  options: UpliftCurveOptions = {},
): UpliftCurves {
  const n = predictedUplift.length;
  checkCampaign(campaign, n, 'uplift curves');
  const points = options.points ?? UPLIFT_CURVE_DEFAULTS.points;
  if (!Number.isInteger(points) || points < 2)
    throw new Error(`points must be an integer ≥ 2, got ${points}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(predictedUplift[i]))
      throw new Error(`predicted uplift must be finite, got ${predictedUplift[i]} at row ${i}`);
  }
  const { treatment, outcome, trueEffect } = campaign;
  const order = descendingOrder(predictedUplift);
  // Full-resolution curves at the end of every tied run (k = 0 included), thinned afterwards. Typed arrays of
  // the largest size: growing plain arrays by push took 3x longer at 600k rows.
  const ks = new Float64Array(n + 1);
  const q = new Float64Array(n + 1);
  const u = new Float64Array(n + 1);
  const t = new Float64Array(n + 1);
  let ends = 1,
    nt = 0,
    nc = 0,
    yt = 0,
    yc = 0,
    truth = 0;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    if (treatment[row] === 1) (nt++, (yt += outcome[row]));
    else (nc++, (yc += outcome[row]));
    if (trueEffect) truth += trueEffect[row];
    if (k < n - 1 && predictedUplift[order[k + 1]] === predictedUplift[row]) continue;
    ks[ends] = k + 1;
    q[ends] = nc > 0 ? yt - (yc * nt) / nc : yt;
    u[ends] = ((nt > 0 ? yt / nt : 0) - (nc > 0 ? yc / nc : 0)) * (k + 1);
    t[ends] = truth;
    ends++;
  }
  const fractionAll = ks.subarray(0, ends).map((k) => k / n);
  const auuc = trapezoid(
    fractionAll,
    u.subarray(0, ends).map((v) => v / n),
  );
  const end = u[ends - 1] / n;
  const randomAuuc = end / 2;
  const qiniArea = trapezoid(
    fractionAll,
    q.subarray(0, ends).map((v) => v / n),
  );
  const qiniCoefficient = qiniArea - q[ends - 1] / n / 2;
  const keep: number[] = [];
  if (ends <= points) for (let i = 0; i < ends; i++) keep.push(i);
  else {
    // Evenly spaced in rows targeted: for each target k, the last run end at or before it.
    let j = 0;
    for (let p = 0; p < points; p++) {
      const target = Math.round((p * n) / (points - 1));
      while (j + 1 < ends && ks[j + 1] <= target) j++;
      if (keep[keep.length - 1] !== j) keep.push(j);
    }
  }
  return {
    targeted: keep.map((i) => ks[i]),
    fraction: keep.map((i) => fractionAll[i]),
    qini: keep.map((i) => q[i]),
    uplift: keep.map((i) => u[i]),
    trueUplift: trueEffect ? keep.map((i) => t[i]) : undefined,
    auuc,
    qiniCoefficient,
    randomAuuc,
  };
}

/** Precision in estimating heterogeneous effects: √ mean (predicted − true)². */
export function pehe(predictedUplift: ArrayLike<number>, trueEffect: ArrayLike<number>): number {
  if (predictedUplift.length !== trueEffect.length || predictedUplift.length === 0) {
    throw new Error(
      `PEHE needs equal, non-zero lengths, got ${predictedUplift.length} and ${trueEffect.length}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < trueEffect.length; i++) sum += (predictedUplift[i] - trueEffect[i]) ** 2;
  return Math.sqrt(sum / trueEffect.length);
}
