/**
 * The k-means++ pass over the data, block by block, as JavaScript source specialized for (d, trials) — the
 * same reason as the Lloyd kernel: with the candidates' coordinates in locals and the loops unrolled, V8 keeps
 * the inner loop in registers (the generic nested loop it replaces took 3x as long on 1.2M × 9). A worker
 * compiles the very same source with `new Function`.
 *
 * One pass per center: for each candidate row t, every row's min(closest, |x − candidate_t|²) is written to
 * the candidate's own slot of `distances`, and the block's sum of those to `potentials`. The caller keeps the
 * best candidate, whose slot then becomes `closest` — so the winner's distances are never computed twice (the
 * former separate update pass cost one distance per row per center). Each block writes only its own rows and
 * slots and the caller adds the blocks up in block order, so the chosen centers are the same whichever thread
 * ran which block, and however many threads there are.
 */
import { BLOCK_ROWS } from './lloyd-kernel';

/** Above this many candidate coordinates (d · trials) the kernel uses loops instead of unrolled code. */
const UNROLL_LIMIT = 400;

/**
 * kernel(data, rows, distances, potentials, trials, trialCount, current, first, b0, b1), for blocks [b0, b1):
 * `distances` holds `trials.length + 1` slots of `rows` values; slot `current` is each row's squared distance
 * to its closest chosen center (ignored when `first`: no center yet). Candidate t (row `trials[t]`) writes
 * min(closest, its distance) to slot `(current + 1 + t) mod (trials.length + 1)` and the block's sum of it to
 * `potentials[b × trials.length + t]`. `trialCount` is 1 or `trials.length` in the unrolled form.
 */
export type KMeansPlusPlusKernel = (
  data: Float64Array,
  rows: number,
  distances: Float64Array,
  potentials: Float64Array,
  trials: Int32Array,
  trialCount: number,
  current: number,
  first: boolean,
  b0: number,
  b1: number,
) => void;

/** The slot of `distances` that candidate t of a pass writes. */
export function trialSlot(current: number, t: number, trials: number): number {
  return (current + 1 + t) % (trials + 1);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The row loop for exactly `count` candidates, unrolled; same arithmetic, in the same order, as the loop form. */
function unrolledBody(d: number, count: number, trials: number): string {
  const candidates = range(count)
    .map((t) => range(d).map((j) => `c${t}_${j} = data[trials[${t}] * ${d} + ${j}]`))
    .flat()
    .join(', ');
  const slots = range(count)
    .map((t) => `s${t} = ((current + ${1 + t}) % ${trials + 1}) * rows`)
    .join(', ');
  const load = range(d)
    .map((j) => `x${j} = data[p + ${j}]`)
    .join(', ');
  const perCandidate = range(count)
    .map((t) => {
      const dist = range(d)
        .map((j) => `(x${j} - c${t}_${j}) * (x${j} - c${t}_${j})`)
        .join(' + ');
      return `{ const dist = ${dist};\n          const m = c < dist ? c : dist;\n          distances[s${t} + i] = m;\n          potential${t} += m; }`;
    })
    .join('\n        ');
  return `{
    const ${candidates};
    const ${slots};
    for (let b = b0; b < b1; b++) {
      const start = b * ${BLOCK_ROWS};
      const end = Math.min(rows, start + ${BLOCK_ROWS});
      let ${range(count)
        .map((t) => `potential${t} = 0`)
        .join(', ')};
      for (let i = start; i < end; i++) {
        const p = i * ${d};
        const ${load};
        const c = first ? Infinity : distances[closest + i];
        ${perCandidate}
      }
      ${range(count)
        .map((t) => `potentials[b * ${trials} + ${t}] = potential${t};`)
        .join(' ')}
    }
  }`;
}

/** Calls of the priming run: enough for V8 to compile the kernel before the real passes (as for Lloyd's). */
const PRIMING_REPEATS = 50;

function unrolledSource(d: number, trials: number): string {
  const body = unrolledBody(d, trials, trials);
  // The fresh kernel first runs the first-center pass and a full pass over 8 made-up rows: a path first met on
  // real data (the trials branch after the first pass) deoptimized it, each time costing a recompile of slow code.
  const rows = 8;
  const data = Array.from({ length: rows * d }, (_, t) => ((t * 7) % 11) / 4);
  return `"use strict";
const kernel = function kmeansPlusPlusBlocks(data, rows, distances, potentials, trials, trialCount, current, first, b0, b1) {
  const closest = current * rows;
  if (trialCount === ${trials}) ${body}
  else if (trialCount === 1) ${trials === 1 ? body : unrolledBody(d, 1, trials)}
  else throw new Error('k-means++ kernel: trialCount must be 1 or ${trials}, got ' + trialCount);
};
const primingData = Float64Array.of(${data.join(', ')});
const primingDistances = new Float64Array(${(trials + 1) * rows});
const primingPotentials = new Float64Array(${trials});
const primingTrials = Int32Array.from({ length: ${trials} }, (_, t) => (t * 3) % ${rows});
for (let repeat = 0; repeat < ${PRIMING_REPEATS}; repeat++) {
  kernel(primingData, ${rows}, primingDistances, primingPotentials, primingTrials, 1, 0, true, 0, 1);
  kernel(primingData, ${rows}, primingDistances, primingPotentials, primingTrials, ${trials}, 1, false, 0, 1);
}
return kernel;`;
}

function loopedSource(d: number, trials: number): string {
  return `"use strict";
return function kmeansPlusPlusBlocks(data, rows, distances, potentials, trials, trialCount, current, first, b0, b1) {
  const closest = current * rows;
  for (let b = b0; b < b1; b++) {
    const start = b * ${BLOCK_ROWS};
    const end = Math.min(rows, start + ${BLOCK_ROWS});
    for (let t = 0; t < trialCount; t++) {
      const o = trials[t] * ${d};
      const slot = ((current + 1 + t) % ${trials + 1}) * rows;
      let potential = 0;
      for (let i = start; i < end; i++) {
        const p = i * ${d};
        let dist = 0;
        for (let j = 0; j < ${d}; j++) {
          const x = data[p + j] - data[o + j];
          dist += x * x;
        }
        const c = first ? Infinity : distances[closest + i];
        const m = c < dist ? c : dist;
        distances[slot + i] = m;
        potential += m;
      }
      potentials[b * ${trials} + t] = potential;
    }
  }
};`;
}

/** JavaScript source of a function body returning the kernel for d features and `trials` candidates. */
export function kmeansPlusPlusKernelSource(d: number, trials: number): string {
  if (!Number.isInteger(d) || d < 1 || !Number.isInteger(trials) || trials < 1) {
    throw new Error(`k-means++ kernel needs integer d ≥ 1 and trials ≥ 1, got d=${d}, trials=${trials}`);
  }
  return d * trials <= UNROLL_LIMIT ? unrolledSource(d, trials) : loopedSource(d, trials);
}

/** Compiles the kernel for (d, trials) in this thread. */
export function compileKMeansPlusPlusKernel(d: number, trials: number): KMeansPlusPlusKernel {
  return new Function(kmeansPlusPlusKernelSource(d, trials))() as KMeansPlusPlusKernel;
}
