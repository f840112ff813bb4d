import { calibrationCurve } from '../../../src/model/metrics/calibration';
import { LABELS, SCORES } from './fixture';

test('matches sklearn calibration_curve(n_bins=5), empty bins dropped', () => {
  const c = calibrationCurve(LABELS, SCORES, { bins: 5 });
  expect(c.map((b) => b.fractionPositive)).toEqual([0, 0.5, 1, 0.5, 1]);
  const sk = [0.15, 0.3875, 0.6, 0.75, 0.9];
  c.forEach((b, i) => expect(b.meanPredicted).toBeCloseTo(sk[i], 12));
  expect(c.map((b) => b.count)).toEqual([2, 4, 1, 2, 1]);
});

test('probabilities outside [0, 1] and a bad bin count are clear errors', () => {
  expect(() => calibrationCurve([0, 1], [0.2, 1.5])).toThrow(/\[0, 1\], got 1.5/);
  expect(() => calibrationCurve([0, 1], [0.2, 0.5], { bins: 0 })).toThrow(/positive integer/);
});
