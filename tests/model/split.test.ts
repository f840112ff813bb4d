import { stratifiedSplit } from '../../src/model/split';
import { createRandom, shuffledIndices } from '../../src/util/random';

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

/** The split as first written (shuffle each class, cut, sort each part): the rows must not move. */
function sortedSplit(
  labels: ArrayLike<number>,
  testFraction: number,
  validationFraction: number,
  seed: number,
) {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    if (!byClass.has(labels[i])) byClass.set(labels[i], []);
    byClass.get(labels[i])!.push(i);
  }
  const parts: number[][] = [[], [], []];
  const seeds = createRandom(seed ^ 0x51_17_5e_ed);
  for (const cls of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(cls)!;
    const order = shuffledIndices(rows.length, seeds.int(2 ** 31));
    const nTest = Math.round(rows.length * testFraction);
    const nValidation = Math.round((rows.length - nTest) * validationFraction);
    order.forEach((o, j) => parts[j < nTest ? 2 : j < nTest + nValidation ? 1 : 0].push(rows[o]));
  }
  const [train, validation, test] = parts.map((p) => p.sort((a, b) => a - b));
  return { train, validation, test };
}

test('the same rows in each part as the shuffle-cut-sort split, for three classes and other fractions', () => {
  const rng = createRandom(11);
  const three = Array.from({ length: 20_000 }, () => Math.floor(rng.next() * 3));
  for (const [testFraction, validationFraction, seed] of [
    [0.3, 0.1, 42],
    [0.25, 0, 7],
    [0.5, 0.2, 123456],
  ]) {
    const s = stratifiedSplit(three, { testFraction, validationFraction, seed });
    const want = sortedSplit(three, testFraction, validationFraction, seed);
    expect(Array.from(s.train)).toEqual(want.train);
    expect(Array.from(s.validation)).toEqual(want.validation);
    expect(Array.from(s.test)).toEqual(want.test);
  }
});
