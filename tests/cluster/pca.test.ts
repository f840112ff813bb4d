import { fitPca, projectRows } from '../../src/cluster/pca';

describe('PCA', () => {
  const y = { values: Float64Array.of(1, 2, 3, 2, 3, 5, 0, 1, 0, 4, 1, 2, 3, 3, 3), rows: 5, cols: 3 };

  test('matches scikit-learn up to the sign of each component', () => {
    // sklearn.decomposition.PCA(2).fit(Y)
    const expected = [
      [-0.44456902, -0.3758867, -0.81306062],
      [0.88913665, -0.29523159, -0.34967747],
    ];
    const model = fitPca(y);
    expected.forEach((component, c) => {
      const sign = Math.sign(model.components[c * 3]) * Math.sign(component[0]);
      component.forEach((v, j) => expect(sign * model.components[c * 3 + j]).toBeCloseTo(v, 7));
    });
    expect(model.explainedVarianceRatio[0]).toBeCloseTo(0.66768394, 7);
    expect(model.explainedVarianceRatio[1]).toBeCloseTo(0.29760466, 7);
    const [x0, x1] = projectRows(model, y, [0, 1]);
    const s0 = Math.sign(model.components[0]) * Math.sign(-0.44456902);
    const s1 = Math.sign(model.components[3]) * Math.sign(0.88913665);
    expect(s0 * x0[0]).toBeCloseTo(0.11934477, 7);
    expect(s0 * x0[1]).toBeCloseTo(-2.32723219, 7);
    expect(s1 * x1[0]).toBeCloseTo(-1.02900763, 7);
  });

  test('points on a line have all variance on the first component', () => {
    const line = {
      values: Float64Array.from({ length: 20 }, (_, t) => (t % 2 === 0 ? t : 2 * (t - 1))),
      rows: 10,
      cols: 2,
    };
    const model = fitPca(line);
    expect(model.explainedVarianceRatio[0]).toBeCloseTo(1, 12);
    expect(Math.abs(model.components[1] / model.components[0])).toBeCloseTo(2, 10);
  });

  test('explains bad input', () => {
    expect(() => fitPca(y, { components: 4 })).toThrow(/integer in 1..3/);
    expect(() => projectRows(fitPca(y), { values: new Float64Array(2), rows: 1, cols: 2 })).toThrow(
      /fitted on 3 features/,
    );
  });
});
