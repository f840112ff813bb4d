import { descendingOrder } from '../../../src/model/metrics/ranking';

/** The definition: descending by value, equal values in row order (−0 and +0 are equal). */
const byComparator = (values: ArrayLike<number>) =>
  Uint32Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

test('float64 scores: the radix order equals the comparator order, ties, signs, zeros and extremes included', () => {
  const rnd = seeded(7);
  const special = [
    0,
    -0,
    1,
    -1,
    5e-324,
    -5e-324,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Infinity,
    -Infinity,
    0.5,
    0.5,
  ];
  const values = Float64Array.from({ length: 20_000 }, (_, i) =>
    i < special.length * 50 ? special[i % special.length] : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12 - 6),
  );
  // Many exact ties: a coarse grid.
  for (let i = 0; i < 3000; i++) values[Math.floor(rnd() * values.length)] = Math.round(rnd() * 20) / 4 - 2;
  expect(Array.from(descendingOrder(values))).toEqual(Array.from(byComparator(values)));
  // A plain array of the same numbers takes the same path.
  expect(Array.from(descendingOrder(Array.from(values)))).toEqual(Array.from(byComparator(values)));
});

test('float32 scores keep their own radix path and the same definition (no −0 there)', () => {
  const rnd = seeded(3);
  const values = Float32Array.from({ length: 10_000 }, () => Math.round(rnd() * 1000) / 1000 - 0.25);
  expect(Array.from(descendingOrder(values))).toEqual(Array.from(byComparator(values)));
});

test('empty and single-row inputs', () => {
  expect(Array.from(descendingOrder(new Float64Array(0)))).toEqual([]);
  expect(Array.from(descendingOrder([3]))).toEqual([0]);
});
