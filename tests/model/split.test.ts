import { stratifiedSplit } from '../../src/model/split';

const labels = Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 25% positive

test('70/30 then 10% validation, every part keeping the 25% positive share', () => {
  const s = stratifiedSplit(labels);
  expect(s.test.length).toBe(300);
  // Rounded per class: 10% of 175 positives → 18, of 525 negatives → 53.
  expect(s.validation.length).toBe(71);
  expect(s.train.length).toBe(629);
  for (const part of [s.train, s.validation, s.test]) {
    const positives = Array.from(part).filter((i) => labels[i] === 1).length;
    expect(Math.abs(positives / part.length - 0.25)).toBeLessThan(0.01);
  }
});

test('parts are disjoint, cover every row, are ascending, and depend only on the seed', () => {
  const s = stratifiedSplit(labels, { seed: 5 });
  const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
  expect(all).toEqual(labels.map((_, i) => i));
  expect(Array.from(s.test)).toEqual([...s.test].sort((a, b) => a - b));
  expect(stratifiedSplit(labels, { seed: 5 })).toEqual(s);
  expect(Array.from(stratifiedSplit(labels, { seed: 6 }).test)).not.toEqual(Array.from(s.test));
});

test('bad fractions are clear errors; validation 0 gives an empty validation set', () => {
  expect(() => stratifiedSplit(labels, { testFraction: 1 })).toThrow(
    /testFraction must be in \[0, 1\), got 1/,
  );
  expect(stratifiedSplit(labels, { validationFraction: 0 }).validation.length).toBe(0);
});
