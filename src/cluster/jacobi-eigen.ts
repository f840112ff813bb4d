/**
 * Eigen decomposition of a small symmetric matrix by cyclic Jacobi rotations. For the 9 × 9 covariance of the
 * audio features this converges in a handful of sweeps to machine precision — no linear-algebra dependency.
 */

export interface EigenDecomposition {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as rows (vector i at `vectors[i * n .. i * n + n)`), in the order of `values`. */
  vectors: Float64Array;
  /** Number of sweeps used. */
  sweeps: number;
}

export interface JacobiOptions {
  /** Give up after this many sweeps. Default: 100. */
  maxSweeps?: number;
}

export const JACOBI_DEFAULTS = { maxSweeps: 100 } as const;

/**
 * Eigenvalues and unit eigenvectors of the symmetric n × n matrix `symmetric` (row-major). Each vector's
 * largest-magnitude entry is made positive so the result does not flip sign between runs or platforms.
 */
export function jacobiEigen(
  symmetric: Float64Array,
  n: number,
  options: JacobiOptions = {},
): EigenDecomposition {
  if (!Number.isInteger(n) || n < 1 || symmetric.length !== n * n) {
    throw new Error(
      `expected an n × n matrix (${n} × ${n} = ${n * n} values), got ${symmetric.length} values`,
    );
  }
  const a = Float64Array.from(symmetric);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const scale = Math.max(1, Math.abs(a[i * n + j]), Math.abs(a[j * n + i]));
      if (Math.abs(a[i * n + j] - a[j * n + i]) > 1e-9 * scale) {
        throw new Error(`matrix is not symmetric at (${i}, ${j}): ${a[i * n + j]} vs ${a[j * n + i]}`);
      }
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const maxSweeps = options.maxSweeps ?? JACOBI_DEFAULTS.maxSweeps;
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += a[i * n + i] * a[i * n + i];
      for (let j = i + 1; j < n; j++) offDiagonal += a[i * n + j] * a[i * n + j];
    }
    if (offDiagonal <= 1e-30 * Math.max(diagonal, 1e-300)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        // The rotation angle that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.5.2), the stable small root.
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  if (sweeps === maxSweeps) throw new Error(`Jacobi did not converge in ${maxSweeps} sweeps`);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y] - a[x * n + x] || x - y);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((col, row) => {
    let largest = 0;
    for (let k = 0; k < n; k++) if (Math.abs(v[k * n + col]) > Math.abs(largest)) largest = v[k * n + col];
    const sign = largest < 0 ? -1 : 1;
    for (let k = 0; k < n; k++) vectors[row * n + k] = sign * v[k * n + col];
  });
  return { values, vectors, sweeps };
}
