import { localExplanation, sigmoid } from '../../src/explain/local-explanation';

const names = ['a', 'b', 'c'];
// Two rows of pred_contribs: 3 features + bias.
const contribs = Float32Array.from([0.5, -1, 0.25, -0.2, /* row 1 */ 0, 0.1, -0.3, -0.2]);

test('contributions plus the bias sum to the margin; ordered by absolute size', () => {
  const e = localExplanation(contribs, 0, names, [1, 2, 3]);
  expect(e.baseMargin).toBeCloseTo(-0.2, 6);
  expect(e.margin).toBeCloseTo(-0.45, 6);
  expect(e.probability).toBeCloseTo(sigmoid(-0.45), 6);
  expect(e.contributions.map((c) => c.feature)).toEqual(['b', 'a', 'c']);
  expect(e.contributions[0]).toEqual({ feature: 'b', value: 2, contribution: -1 });
  expect(localExplanation(contribs, 1, names, [0, 0, 0]).margin).toBeCloseTo(-0.4, 6);
});

test('shape mismatches are clear errors', () => {
  expect(() => localExplanation(contribs, 0, ['a', 'b'], [1, 2])).toThrow(/3 columns per row/);
  expect(() => localExplanation(contribs, 2, names, [1, 2, 3])).toThrow(/row must be in 0..1, got 2/);
  expect(() => localExplanation(contribs, 0, names, [1])).toThrow(/expected 3 feature values/);
});
