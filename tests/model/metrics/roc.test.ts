import { rocAuc, rocCurve } from '../../../src/model/metrics/roc';
import { LABELS, SCORES } from './fixture';

test('AUC counts a tie between a positive and a negative as 1/2 (sklearn roc_auc_score = 0.76)', () => {
  // By hand: 25 positive–negative pairs, 18 won outright + 2 ties (0.4 vs 0.4) × ½ = 19 → 19/25.
  expect(rocAuc(LABELS, SCORES)).toBeCloseTo(0.76, 12);
  expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
  expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
  expect(rocAuc([0, 0, 1, 1], [0.4, 0.3, 0.2, 0.1])).toBe(0);
});

test('ROC curve points match sklearn roc_curve(drop_intermediate=False)', () => {
  const c = rocCurve(LABELS, SCORES);
  expect(c.fpr).toEqual([0, 0, 0, 0.2, 0.2, 0.6, 0.6, 0.8, 1]);
  expect(c.tpr).toEqual([0, 0.2, 0.4, 0.4, 0.6, 0.8, 1, 1, 1]);
  expect(c.thresholds.slice(1)).toEqual([0.9, 0.8, 0.7, 0.6, 0.4, 0.35, 0.2, 0.1]);
});

test('one class only, mismatched lengths and bad labels are clear errors', () => {
  expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(/only one class.*2 positive and 0 negative/);
  expect(() => rocAuc([0, 1], [0.2])).toThrow(/same length/);
  expect(() => rocAuc([0, 2], [0.2, 0.3])).toThrow(/0 or 1, got 2/);
  expect(() => rocAuc([0, 1], [0.2, NaN])).toThrow(/finite/);
});
