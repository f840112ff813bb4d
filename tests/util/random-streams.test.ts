import { createStream, sampleIndices, streamSeed, STREAMS, DEFAULT_SEED } from '../../src/util/random';

test('stream seeds are deterministic, differ by name and by seed, and are unsigned 32-bit', () => {
  const names = Object.values(STREAMS);
  const seeds = names.map((n) => streamSeed(42, n));
  expect(new Set(seeds).size).toBe(names.length);
  expect(names.map((n) => streamSeed(42, n))).toEqual(seeds);
  for (const s of seeds) expect(s >>> 0).toBe(s);
  expect(streamSeed(43, STREAMS.split)).not.toBe(streamSeed(42, STREAMS.split));
  // Seeds past 2^32 are not folded onto small ones.
  expect(streamSeed(2 ** 32 + 42, STREAMS.split)).not.toBe(streamSeed(42, STREAMS.split));
  expect(() => streamSeed(1.5, 'split')).toThrow(/integer/);
  expect(() => streamSeed(1, '')).toThrow(/name/);
});

test('two streams of one seed are independent: no correlation, and samples overlap by chance only', () => {
  const a = createStream(DEFAULT_SEED, STREAMS.samples);
  const b = createStream(DEFAULT_SEED, STREAMS.labelFlips);
  const n = 100_000;
  let sa = 0;
  let sb = 0;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a.next();
    const y = b.next();
    sa += x;
    sb += y;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  const r = cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
  // Under independence r ~ N(0, 1/n): |r| < 4.5/sqrt(n) fails by chance about once in 10^5.
  expect(Math.abs(r)).toBeLessThan(4.5 / Math.sqrt(n));

  // The case: a 5,000-row sample and 2,500 flips out of 50,000 rows. With one raw seed the sample
  // holds every flipped row; with streams it holds about 5,000/50,000 of them (hypergeometric, sd ≈ 14).
  const rows = 50_000;
  const overlap = (s1: number, s2: number) => {
    const sample = new Set(sampleIndices(rows, 5000, s1));
    return Array.from(sampleIndices(rows, 2500, s2)).filter((i) => sample.has(i)).length;
  };
  expect(overlap(DEFAULT_SEED, DEFAULT_SEED)).toBe(2500);
  const shared = overlap(
    streamSeed(DEFAULT_SEED, STREAMS.samples),
    streamSeed(DEFAULT_SEED, STREAMS.labelFlips),
  );
  expect(Math.abs(shared - 250)).toBeLessThan(5 * 14);
});
