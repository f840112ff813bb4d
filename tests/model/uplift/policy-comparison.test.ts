import { comparePolicies } from '../../../src/model/uplift/policy-comparison';

test('overlap and the true total lift of each policy at each budget', () => {
  const truth = [0.3, 0.0, 0.2, -0.1, 0.1];
  const uplift = [0.25, 0.05, 0.15, -0.2, 0.0]; // ranks rows 0, 2, 1, 4, 3
  const score = [0.1, 0.9, 0.2, 0.8, 0.3]; // ranks rows 1, 3, 4, 2, 0
  const [k1, k2, all] = comparePolicies(uplift, score, truth, { fractions: [0.2, 0.4, 1] });
  expect(k1).toMatchObject({ k: 1, overlap: 0, upliftPolicy: 0.3, scorePolicy: 0, oracle: 0.3 });
  expect(k2).toMatchObject({ k: 2, overlap: 0 });
  expect(k2.upliftPolicy).toBeCloseTo(0.5, 12);
  expect(k2.scorePolicy).toBeCloseTo(-0.1, 12);
  expect(k2.random).toBeCloseTo(0.2, 12);
  expect(all.overlapShare).toBe(1);
  expect(all.upliftPolicy).toBeCloseTo(all.scorePolicy, 12);
  expect(() => comparePolicies([1], [1, 2], [1])).toThrow(/one uplift, score and true effect per row/);
  expect(() => comparePolicies([1], [1], [1], { fractions: [0] })).toThrow(/\(0, 1\]/);
});
