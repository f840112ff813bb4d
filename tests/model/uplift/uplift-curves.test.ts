import { pehe, upliftCurves } from '../../../src/model/uplift/uplift-curves';

const campaign = { treatment: [1, 0, 1, 0], outcome: [1, 0, 0, 1], trueEffect: [0.4, 0.1, 0.3, -0.2] };

test('Qini and uplift curves, AUUC and Qini coefficient on a hand-computed case', () => {
  const c = upliftCurves([0.4, 0.3, 0.2, 0.1], campaign);
  // k=1: 1 treated success, no control → Q=1, U=1·1; k=2: +1 control failure → Q=1, U=(1−0)·2;
  // k=3: treated 1/2, control 0/1 → Q=1, U=0.5·3; k=4: treated 1/2, control 1/2 → Q=1−1·2/2=0, U=0.
  expect(c.targeted).toEqual([0, 1, 2, 3, 4]);
  expect(c.fraction).toEqual([0, 0.25, 0.5, 0.75, 1]);
  expect(c.qini).toEqual([0, 1, 1, 1, 0]);
  expect(c.uplift).toEqual([0, 1, 2, 1.5, 0]);
  expect(c.trueUplift!.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 0.4, 0.5, 0.8, 0.6]);
  expect(c.auuc).toBeCloseTo(0.28125, 12); // trapezoid of U/N = 0, .25, .5, .375, 0 over steps of .25
  expect(c.qiniCoefficient).toBeCloseTo(0.1875, 12); // Q/N = 0, .25, .25, .25, 0; random line ends at 0
  expect(c.randomAuuc).toBe(0);
});

test('tied predictions form one step; curves are thinned to the requested points', () => {
  const tied = upliftCurves([0.5, 0.5, 0.5, 0.5], campaign);
  expect(tied.targeted).toEqual([0, 4]);
  const n = 1000;
  const many = upliftCurves(
    Array.from({ length: n }, (_, i) => -i),
    {
      treatment: Array.from({ length: n }, (_, i) => i % 2),
      outcome: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    },
    { points: 11 },
  );
  expect(many.targeted).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  expect(many.trueUplift).toBeUndefined();
});

test('bad input is a clear error; PEHE is the root mean squared error', () => {
  expect(() => upliftCurves([1, 2], { treatment: [1, 1], outcome: [0, 1] })).toThrow(
    /both treated and control rows, got 2 treated of 2/,
  );
  expect(() => upliftCurves([1], campaign)).toThrow(/one value per row \(1\)/);
  expect(() => upliftCurves([1, 2, NaN, 3], campaign)).toThrow(/finite/);
  expect(pehe([0.1, 0.3], [0.2, 0.1])).toBeCloseTo(Math.sqrt((0.01 + 0.04) / 2), 12);
});
