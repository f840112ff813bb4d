/**
 * The Lloyd step kernel: assign each row to its nearest center and accumulate per-cluster sums, counts and
 * inertia. Generated as plain JavaScript source specialized for (k, d) — loops over centers and features fully
 * unrolled, centers held in locals — because V8 then keeps the inner loop in registers; a generic nested loop
 * over number[][] is what made ml-kmeans 12.7x slower than scikit-learn. The same source runs on the main
 * thread (`new Function`) and inside workers (sent as a string), so there is one kernel, whatever loads it
 * (tsx, jest's swc, tslab).
 *
 * Work is split into fixed blocks of rows, each writing its own partial sums; the reduction adds blocks in
 * order, so results are bit-identical whatever the number of threads.
 */

import { boundedCenters, INERTIA_ONLY, SUMS_DELTA, SUMS_FULL, SUMS_ONLY } from './bounded-centers';

/** Rows per block: the unit of work split across threads and of partial sums. */
export const BLOCK_ROWS = 32768;

/** Above this many center coordinates (k·d) the kernel uses loops instead of unrolled code. */
const UNROLL_LIMIT = 400;

/**
 * Assigns rows of blocks [blockStart, blockEnd) to their nearest center of `centers` (k × d row-major),
 * writes labels, and writes each block's partials at `partials[b * stride]`: sums (k·d), counts (k),
 * inertia, number of labels changed.
 */
export type LloydKernel = (
  data: Float64Array,
  centers: Float64Array,
  labels: Int32Array,
  partials: Float64Array,
  blockStart: number,
  blockEnd: number,
  rows: number,
  /** Per-row upper and lower bounds (Hamerly); with them, `centers` is extended as `boundedCenters` builds it. */
  upper?: Float64Array,
  lower?: Float64Array,
) => void;

/** Length of one block's partials for k clusters of d features. */
export function partialsStride(k: number, d: number): number {
  return k * d + k + 2;
}

/** Number of blocks for `rows` rows. */
export function blockCount(rows: number): number {
  return Math.ceil(rows / BLOCK_ROWS);
}

/** JavaScript source of a function body returning the kernel for (k, d). */
export function lloydKernelSource(k: number, d: number): string {
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(d) || d < 1) {
    throw new Error(`kernel needs integer k ≥ 1 and d ≥ 1, got k=${k}, d=${d}`);
  }
  return k * d <= UNROLL_LIMIT ? unrolledSource(k, d) + primingSource(k, d) : loopedSource(k, d);
}

/**
 * Source that runs the fresh kernel over a tiny made-up problem through every path — first assignment, skips
 * proven by the bounds with and without tightening, scans that move rows, each sums mode — before it returns.
 * Measured why: V8 compiles the kernel while it runs, from the type feedback seen so far; a path first met
 * later (the second pass's bound checks, SUMS_DELTA after SUMS_FULL, each `case` of the own-distance switch)
 * deoptimized it and forced a recompile, 5 times per thread on the 1.2M-row pipeline run, each costing tens of
 * milliseconds (hundreds on a busy machine) of slow code. With every path seen first, it compiles once.
 * Repeated `PRIMING_REPEATS` times, the priming also makes V8 start that compile (≈ 15 ms of slow code at
 * k = 6, d = 9), so it runs in the background while k-means++ works, instead of during Lloyd's first pass.
 */
/** Enough calls for V8 to mark the kernel hot and compile it (measured at k = 6, d = 9: 50 calls do). */
const PRIMING_REPEATS = 50;

function primingSource(k: number, d: number): string {
  // Center c sits 10 · (1 + ⌊c / d⌋) out on axis c mod d; each gets rows near and farther out.
  const centers = new Float64Array(k * d);
  for (let c = 0; c < k; c++) centers[c * d + (c % d)] = 10 * (1 + Math.floor(c / d));
  const offsets = [0.1, -0.5, 1.5, -3];
  const rows = k * offsets.length;
  const data = new Float64Array(rows * d);
  for (let c = 0; c < k; c++) {
    offsets.forEach((offset, r) => {
      const o = (c * offsets.length + r) * d;
      for (let j = 0; j < d; j++) data[o + j] = centers[c * d + j];
      data[o + ((c + r) % d)] += offset;
    });
  }
  // Moves of 0.5, 3 and 6 (per center, along the axis after its own) leave some rows skipped outright and
  // others skipped only after tightening, whatever (k, d); the rotation (each center onto the next) moves
  // every row.
  const nudge = (m: number) => centers.map((v, t) => v + (t % d === (Math.floor(t / d) + 1) % d ? m : 0));
  const [near, mid, far] = [nudge(0.5), nudge(3), nudge(6)];
  const rotated = centers.map((_, t) => centers[(t + d) % (k * d)]);
  const passes = [
    boundedCenters(centers, undefined, k, d, SUMS_FULL),
    boundedCenters(centers, centers, k, d, SUMS_FULL),
    boundedCenters(centers, centers, k, d, SUMS_DELTA),
    boundedCenters(near, centers, k, d, SUMS_DELTA),
    boundedCenters(mid, near, k, d, SUMS_DELTA),
    boundedCenters(far, mid, k, d, SUMS_FULL),
    boundedCenters(rotated, far, k, d, SUMS_DELTA),
    boundedCenters(rotated, rotated, k, d, SUMS_ONLY),
    boundedCenters(rotated, rotated, k, d, INERTIA_ONLY),
    boundedCenters(centers, rotated, k, d, SUMS_FULL),
  ];
  const literal = (a: Float64Array): string => `Float64Array.of(${Array.from(a).join(', ')})`;
  return `
const primingData = ${literal(data)};
const primingLabels = new Int32Array(${rows}).fill(-1);
const primingPartials = new Float64Array(${partialsStride(k, d)});
const primingUpper = new Float64Array(${rows}), primingLower = new Float64Array(${rows});
const primingPasses = [${passes.map(literal).join(', ')}];
for (let repeat = 0; repeat < ${PRIMING_REPEATS}; repeat++) {
  primingLabels.fill(-1);
  for (const C of primingPasses) {
    kernel(primingData, C, primingLabels, primingPartials, 0, 1, ${rows}, primingUpper, primingLower);
  }
}
return kernel;`;
}

/** Compiles the kernel for (k, d) in this thread. */
export function compileLloydKernel(k: number, d: number): LloydKernel {
  return new Function(lloydKernelSource(k, d))() as LloydKernel;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function unrolledSource(k: number, d: number): string {
  const stride = partialsStride(k, d);
  const kd = k * d;
  // Distances as ‖c‖² − 2·x·c (scikit-learn's form): two flops per coordinate instead of three; ‖x‖² is
  // added back only for the inertia and the bounds. Centers enter as −2c and ‖c‖², both held in locals.
  const centerLocals = range(k)
    .map(
      (c) =>
        range(d)
          .map((j) => `m${c}_${j} = -2 * C[${c * d + j}]`)
          .join(', ') +
        `, h${c} = ` +
        range(d)
          .map((j) => `C[${c * d + j}] * C[${c * d + j}]`)
          .join(' + '),
    )
    .join(',\n    ');
  const loadRow = range(d)
    .map((j) => `x${j} = X[o + ${j}]`)
    .join(', ');
  const distanceTo = (c: number): string =>
    `h${c} + ` +
    range(d)
      .map((j) => `x${j} * m${c}_${j}`)
      .join(' + ');
  // The full scan keeps the nearest (first of equals, as Lloyd) and the second nearest (the lower bound).
  const compare = range(k)
    .slice(1)
    .map(
      (c) =>
        `dist = ${distanceTo(c)};\n        if (dist < best) { second = best; best = dist; label = ${c}; } else if (dist < second) second = dist;`,
    )
    .join('\n        ');
  const ownDistance = range(k)
    .map((c) => `case ${c}: own = ${distanceTo(c)}; break;`)
    .join(' ');
  const norm = range(d)
    .map((j) => `x${j} * x${j}`)
    .join(' + ');
  /** `P[s + j] op= coordinate j` for every j, from the row's locals or straight from X. */
  const add = (op: '+' | '-', s: string, fromX = false): string =>
    range(d)
      .map((j) => `P[${s} + ${j}] ${op}= ${fromX ? `X[o + ${j}]` : `x${j}`};`)
      .join(' ');
  return `"use strict";
const kernel = function lloydBlocks(X, C, labels, P, blockStart, blockEnd, rows, U, L) {
  const ${centerLocals};
  // Hamerly's bounds (U: each row's distance to its own center, from above; L: to any other center, from
  // below; C extended as boundedCenters builds it): a row whose bounds prove its center cannot have changed is
  // not scanned — same labels as Lloyd. In this mode the inertia slot is left 0: the caller measures the final
  // inertia with an INERTIA_ONLY pass.
  const bounded = L !== undefined;
  const maxShift = bounded ? C[${kd + 2 * k}] : 0;
  const mode = C.length > ${kd + 2 * k + 1} ? C[${kd + 2 * k + 1}] : ${SUMS_FULL};
  for (let b = blockStart; b < blockEnd; b++) {
    const base = b * ${stride};
    P.fill(0, base, base + ${stride});
    const end = Math.min(rows, (b + 1) * ${BLOCK_ROWS});
    if (mode === ${SUMS_ONLY}) {
      for (let i = b * ${BLOCK_ROWS}; i < end; i++) {
        const o = i * ${d};
        const a = labels[i];
        const s = base + a * ${d};
        ${add('+', 's', true)}
        P[base + ${kd} + a] += 1;
      }
      continue;
    }
    if (mode === ${INERTIA_ONLY}) {
      let inertia = 0;
      for (let i = b * ${BLOCK_ROWS}; i < end; i++) {
        const o = i * ${d};
        const ${loadRow};
        let own = 0;
        switch (labels[i]) { ${ownDistance} }
        const squared = ${norm} + own;
        inertia += squared > 0 ? squared : 0;
      }
      P[base + ${kd + k}] = inertia;
      continue;
    }
    let inertia = 0, changed = 0;
    for (let i = b * ${BLOCK_ROWS}; i < end; i++) {
      const o = i * ${d};
      const a = labels[i];
      let lower = 0, u = 0, limit = 0;
      if (bounded && a >= 0) {
        lower = L[i] - maxShift;
        const z = lower > C[${kd} + a] ? lower : C[${kd} + a];
        u = U[i] + C[${kd + k} + a];
        // A margin far above rounding error: near-ties are always scanned, so ties break as in Lloyd.
        limit = z - 1e-9 * (1 + z);
        if (u < limit) {
          // Proven without touching the row: in SUMS_DELTA mode its coordinates are not even read.
          U[i] = u;
          L[i] = lower;
          if (mode === ${SUMS_FULL}) {
            const s = base + a * ${d};
            ${add('+', 's', true)}
            P[base + ${kd} + a] += 1;
          }
          continue;
        }
      }
      const ${loadRow};
      let label = a, scan = true;
      if (bounded && a >= 0) {
        // Tighten the upper bound to the exact distance and test again before scanning every center.
        let own = 0;
        switch (a) { ${ownDistance} }
        const squared = ${norm} + own;
        u = Math.sqrt(squared > 0 ? squared : 0);
        if (u < limit) { scan = false; U[i] = u; L[i] = lower; }
      }
      if (scan) {
        let dist, second = Infinity;
        let best = ${distanceTo(0)};
        label = 0;
        ${compare}
        const norm = ${norm};
        if (bounded) {
          U[i] = Math.sqrt(norm + best > 0 ? norm + best : 0);
          L[i] = Math.sqrt(norm + second > 0 ? norm + second : 0);
        } else {
          const squared = norm + best;
          inertia += squared > 0 ? squared : 0;
        }
      }
      if (mode === ${SUMS_FULL} || !bounded) {
        if (a !== label) { labels[i] = label; changed++; }
        const s = base + label * ${d};
        ${add('+', 's')}
        P[base + ${kd} + label] += 1;
      } else if (a !== label) {
        labels[i] = label;
        changed++;
        const s = base + label * ${d};
        ${add('+', 's')}
        P[base + ${kd} + label] += 1;
        if (a >= 0) {
          const r = base + a * ${d};
          ${add('-', 'r')}
          P[base + ${kd} + a] -= 1;
        }
      }
    }
    P[base + ${kd + k}] = inertia;
    P[base + ${kd + k + 1}] = changed;
  }
};`;
}

function loopedSource(k: number, d: number): string {
  const stride = partialsStride(k, d);
  const kd = k * d;
  // No bounds here (U and L are ignored): every row is scanned. The sums mode is honoured, so the caller's
  // running sums stay right whichever kernel (k, d) gets.
  return `"use strict";
return function lloydBlocks(X, C, labels, P, blockStart, blockEnd, rows) {
  const mode = C.length > ${kd + 2 * k + 1} ? C[${kd + 2 * k + 1}] : ${SUMS_FULL};
  for (let b = blockStart; b < blockEnd; b++) {
    const base = b * ${stride};
    P.fill(0, base, base + ${stride});
    const end = Math.min(rows, (b + 1) * ${BLOCK_ROWS});
    if (mode === ${INERTIA_ONLY}) {
      // assignmentInertia's formula, term for term: ‖x‖² + ‖c‖² − 2·x·c, clamped at 0.
      let inertia = 0;
      for (let i = b * ${BLOCK_ROWS}; i < end; i++) {
        const o = i * ${d};
        const co = labels[i] * ${d};
        let norm = X[o] * X[o];
        for (let j = 1; j < ${d}; j++) norm += X[o + j] * X[o + j];
        let dist = C[co] * C[co];
        for (let j = 1; j < ${d}; j++) dist += C[co + j] * C[co + j];
        for (let j = 0; j < ${d}; j++) dist += X[o + j] * (-2 * C[co + j]);
        const squared = norm + dist;
        inertia += squared > 0 ? squared : 0;
      }
      P[base + ${kd + k}] = inertia;
      continue;
    }
    let inertia = 0, changed = 0;
    for (let i = b * ${BLOCK_ROWS}; i < end; i++) {
      const o = i * ${d};
      const a = labels[i];
      let label = a;
      if (mode !== ${SUMS_ONLY}) {
        let best = Infinity;
        for (let c = 0; c < ${k}; c++) {
          const co = c * ${d};
          let dist = 0;
          for (let j = 0; j < ${d}; j++) { const t = X[o + j] - C[co + j]; dist += t * t; }
          if (dist < best) { best = dist; label = c; }
        }
        if (a !== label) { labels[i] = label; changed++; }
        inertia += best;
      }
      if (mode !== ${SUMS_DELTA}) {
        const s = base + label * ${d};
        for (let j = 0; j < ${d}; j++) P[s + j] += X[o + j];
        P[base + ${kd} + label] += 1;
      } else if (a !== label) {
        const s = base + label * ${d};
        for (let j = 0; j < ${d}; j++) P[s + j] += X[o + j];
        P[base + ${kd} + label] += 1;
        if (a >= 0) {
          const r = base + a * ${d};
          for (let j = 0; j < ${d}; j++) P[r + j] -= X[o + j];
          P[base + ${kd} + a] -= 1;
        }
      }
    }
    P[base + ${kd + k}] = mode === ${SUMS_ONLY} ? 0 : inertia;
    P[base + ${kd + k + 1}] = changed;
  }
};`;
}
