import { normalQuantile } from '../../../src/model/metrics/normal-quantile';

test('the textbook quantiles of the standard normal, both tails, and a clear error outside (0, 1)', () => {
  // Values from scipy.stats.norm.ppf.
  expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
  expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
  expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 8);
  expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
  expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  expect(() => normalQuantile(1)).toThrow(/probability in \(0, 1\), got 1/);
});
