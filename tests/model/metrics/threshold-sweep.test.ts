import { thresholdSweep } from '../../../src/model/metrics/threshold-sweep';
import { confusionMatrix, classificationReport } from '../../../src/model/metrics/confusion';
import { LABELS, SCORES } from './fixture';

test('every sweep point equals the confusion-matrix report at that threshold', () => {
  const thresholds = [0, 0.05, 0.1, 0.35, 0.4, 0.41, 0.5, 0.9, 0.95];
  const sweep = thresholdSweep(LABELS, SCORES, { thresholds });
  sweep.forEach((p, i) => {
    const r = classificationReport(confusionMatrix(LABELS, SCORES, thresholds[i]));
    expect(p.precision).toBeCloseTo(r.positive.precision, 12);
    expect(p.recall).toBeCloseTo(r.positive.recall, 12);
    expect(p.f1).toBeCloseTo(r.positive.f1, 12);
    expect(p.accuracy).toBeCloseTo(r.accuracy, 12);
  });
  expect(sweep[0].positiveRate).toBe(1);
  expect(sweep[8].positiveRate).toBe(0);
});

test('the default grid is 0.01…0.99', () => {
  const sweep = thresholdSweep(LABELS, SCORES);
  expect(sweep).toHaveLength(99);
  expect(sweep[0].threshold).toBe(0.01);
  expect(sweep[98].threshold).toBe(0.99);
});
