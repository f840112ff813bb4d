import { averagePrecision, precisionRecallCurve } from '../../../src/model/metrics/precision-recall';
import { LABELS, SCORES } from './fixture';

test('average precision matches sklearn average_precision_score (0.7892857142857144)', () => {
  expect(averagePrecision(LABELS, SCORES)).toBeCloseTo(0.7892857142857144, 12);
  expect(averagePrecision([0, 1, 1], [0.1, 0.8, 0.9])).toBe(1);
});

test('PR curve points match sklearn precision_recall_curve (reversed, without its final (1, 0) point)', () => {
  const c = precisionRecallCurve(LABELS, SCORES);
  expect(c.thresholds).toEqual([0.9, 0.8, 0.7, 0.6, 0.4, 0.35, 0.2, 0.1]);
  expect(c.recall).toEqual([0.2, 0.4, 0.4, 0.6, 0.8, 1, 1, 1]);
  const sk = [1, 1, 0.66666667, 0.75, 0.57142857, 0.625, 0.55555556, 0.5];
  c.precision.forEach((p, i) => expect(p).toBeCloseTo(sk[i], 7));
});

test('no positives is a clear error', () => {
  expect(() => averagePrecision([0, 0], [0.1, 0.2])).toThrow(/0 positives/);
});
