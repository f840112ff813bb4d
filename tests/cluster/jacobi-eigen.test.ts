import { jacobiEigen } from '../../src/cluster/jacobi-eigen';
import { createRandom } from '../../src/util/random';

describe('jacobiEigen', () => {
  test('solves a 2 × 2 case by hand: [[2, 1], [1, 2]] has eigenvalues 3 and 1', () => {
    const { values, vectors } = jacobiEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(vectors[0]).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[1]).toBeCloseTo(Math.SQRT1_2, 14);
  });

  test('reconstructs a random 9 × 9 covariance with orthonormal vectors', () => {
    const n = 9;
    const rng = createRandom(3);
    const b = Float64Array.from({ length: n * n }, () => rng.normal());
    const a = new Float64Array(n * n); // a = bᵀb is symmetric positive semi-definite
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += b[k * n + i] * b[k * n + j];
    const { values, vectors, sweeps } = jacobiEigen(a, n);
    expect(sweeps).toBeLessThan(15);
    for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let rebuilt = 0;
        let dot = 0;
        for (let e = 0; e < n; e++) {
          rebuilt += values[e] * vectors[e * n + i] * vectors[e * n + j];
          dot += vectors[i * n + e] * vectors[j * n + e];
        }
        expect(rebuilt).toBeCloseTo(a[i * n + j], 9);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  test('rejects non-symmetric and misshapen input', () => {
    expect(() => jacobiEigen(Float64Array.of(1, 2, 3, 4), 2)).toThrow(/not symmetric at \(0, 1\)/);
    expect(() => jacobiEigen(new Float64Array(5), 2)).toThrow(/2 × 2 = 4 values/);
  });
});
