import { choleskyLower, normalCdf, normalQuantile } from '../../../src/data/demo/gaussian';

describe('normalCdf / normalQuantile', () => {
  it('matches tabulated values of Φ', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
  });

  it('inverts Φ', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 6);
    expect(() => normalQuantile(1)).toThrow(/probability in \(0, 1\)/);
  });
});

describe('choleskyLower', () => {
  it('factors a positive-definite matrix so that L·Lᵀ gives it back', () => {
    const m = [
      [4, 2, 0.4],
      [2, 5, 1],
      [0.4, 1, 3],
    ];
    const l = choleskyLower(m);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += l[i * 3 + k] * l[j * 3 + k];
        expect(sum).toBeCloseTo(m[i][j], 12);
      }
    }
    expect(l[0 * 3 + 1]).toBe(0);
  });

  it('rejects a matrix that is not positive definite', () => {
    expect(() =>
      choleskyLower([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/not positive definite/);
  });
});
