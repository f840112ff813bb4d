import { classificationReport, confusionMatrix } from '../../../src/model/metrics/confusion';
import { LABELS, SCORES } from './fixture';

test('confusion matrix at 0.5 and the per-class report match sklearn precision_recall_fscore_support', () => {
  const m = confusionMatrix(LABELS, SCORES, 0.5);
  expect(m).toEqual({
    threshold: 0.5,
    truePositives: 3,
    falsePositives: 1,
    trueNegatives: 4,
    falseNegatives: 2,
  });
  const r = classificationReport(m);
  expect(r.accuracy).toBeCloseTo(0.7, 12);
  expect(r.positive.precision).toBeCloseTo(0.75, 12);
  expect(r.positive.recall).toBeCloseTo(0.6, 12);
  expect(r.positive.f1).toBeCloseTo(0.66666667, 7);
  expect(r.negative.precision).toBeCloseTo(0.66666667, 7);
  expect(r.negative.recall).toBeCloseTo(0.8, 12);
  expect(r.negative.f1).toBeCloseTo(0.72727273, 7);
  expect([r.negative.support, r.positive.support]).toEqual([5, 5]);
});

test('a score equal to the threshold is predicted positive; nothing predicted positive gives precision 0', () => {
  expect(confusionMatrix([1], [0.5], 0.5).truePositives).toBe(1);
  const r = classificationReport(confusionMatrix([1, 0], [0.1, 0.2], 0.9));
  expect(r.positive).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
});
