import { createRandom, sampleIndices } from '../../src/util/random';

test('the same seed gives the same numbers', () => {
  const a = createRandom(42);
  const b = createRandom(42);
  for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  expect(createRandom(1).next()).not.toBe(createRandom(2).next());
});

test('sampleIndices is sorted, distinct and in range', () => {
  const s = Array.from(sampleIndices(1000, 50, 7));
  expect(new Set(s).size).toBe(50);
  expect(s).toEqual([...s].sort((x, y) => x - y));
  expect(Math.max(...s)).toBeLessThan(1000);
});
