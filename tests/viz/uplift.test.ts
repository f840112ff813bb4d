import { upliftCurves } from '../../src/model/uplift/uplift-curves';
import { comparePolicies } from '../../src/model/uplift/policy-comparison';
import { policyComparisonFigure, upliftCurvesFigure } from '../../src/viz/uplift';

const campaign = { treatment: [1, 0, 1, 0], outcome: [1, 0, 0, 1], trueEffect: [0.4, 0.1, 0.3, -0.2] };

test('Qini and uplift curve figures with the random line to the overall lift', () => {
  const model = upliftCurves([0.4, 0.3, 0.2, 0.1], campaign);
  const score = upliftCurves([0.1, 0.2, 0.3, 0.4], campaign);
  const qini = upliftCurvesFigure([
    { name: 'T-learner', curves: model },
    { name: 'promotion score', curves: score },
  ]);
  expect(qini.data.map((t) => t.name)).toEqual([
    'T-learner (Qini 0.1875)',
    `promotion score (Qini ${score.qiniCoefficient.toFixed(4)})`,
    'random targeting',
  ]);
  expect(qini.data[0].y).toEqual([0, 1, 1, 1, 0]);
  expect(qini).toMatchSnapshot();
  const uplift = upliftCurvesFigure([{ name: 'T-learner', curves: model }], { kind: 'uplift' });
  expect(uplift.data[0].y).toEqual([0, 1, 2, 1.5, 0]);
  expect(uplift).toMatchSnapshot();
});

test('policy comparison bars per budget', () => {
  const policies = comparePolicies(
    [0.25, 0.05, 0.15, -0.2, 0],
    [0.1, 0.9, 0.2, 0.8, 0.3],
    [0.3, 0, 0.2, -0.1, 0.1],
    { fractions: [0.2, 0.4] },
  );
  const f = policyComparisonFigure(policies);
  expect(f.data.map((t) => t.y)).toEqual([
    [0.3, 0.5],
    [0, -0.1],
    [0.3, 0.5],
    [0.1, 0.2],
  ]);
  expect(f).toMatchSnapshot();
});
