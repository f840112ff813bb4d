/** Small Gaussian helpers for the demo generator's copula: the normal CDF and a Cholesky factor. */

// Local aliases: under jest's vm context every `Math.x` lookup goes through the global proxy, ~10x slower.
const { abs, exp, sqrt, SQRT2 } = Math;

/**
 * Standard normal CDF Φ(x) via Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): far below the 3-significant-digit
 * rounding of the generated features, and several times faster than a series expansion.
 */
export function normalCdf(x: number): number {
  const z = abs(x) / SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Φ⁻¹(p) by bisection on normalCdf: used only for a handful of thresholds at set-up. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile expects a probability in (0, 1), got ${p}`);
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Lower-triangular L with L·Lᵀ = matrix, row-major; throws when the matrix is not positive definite. */
export function choleskyLower(matrix: readonly (readonly number[])[]): Float64Array {
  const n = matrix.length;
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (matrix[i].length !== n)
      throw new Error(`choleskyLower expects a square matrix; row ${i} has ${matrix[i].length} of ${n}`);
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (sum <= 0) throw new Error(`choleskyLower: matrix is not positive definite (pivot ${i} = ${sum})`);
        lower[i * n + i] = sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j];
      }
    }
  }
  return lower;
}
