import { elbowCurve, sampleRows } from '../../src/cluster/elbow';
import { blobs } from './blobs';

describe('elbowCurve', () => {
  const four = blobs(
    [
      [0, 0],
      [8, 0],
      [0, 8],
      [8, 8],
    ],
    50,
    0.7,
  );

  test('inertia falls with k, with the elbow and the best silhouette at the true k', async () => {
    const progress: number[] = [];
    const points = await elbowCurve(four, { kMin: 2, kMax: 6, onProgress: (done) => progress.push(done) });
    expect(points.map((p) => p.k)).toEqual([2, 3, 4, 5, 6]);
    for (let i = 1; i < points.length; i++) expect(points[i].inertia).toBeLessThan(points[i - 1].inertia);
    const drop = (i: number) => points[i - 1].inertia - points[i].inertia;
    expect(drop(2)).toBeGreaterThan(5 * drop(3)); // 3→4 drops far more than 4→5
    const best = points.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(4);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  test('clusters a seeded sample when asked', async () => {
    const a = await elbowCurve(four, { kMin: 2, kMax: 3, sampleSize: 120, seed: 3 });
    const b = await elbowCurve(four, { kMin: 2, kMax: 3, sampleSize: 120, seed: 3 });
    expect(a).toEqual(b);
    const full = await elbowCurve(four, { kMin: 2, kMax: 3 });
    expect(a[0].inertia).toBeLessThan(full[0].inertia); // 120 of 200 rows
  });

  test('sampleRows copies rows in order', () => {
    const m = sampleRows(four, [3, 0]);
    expect(Array.from(m.values)).toEqual([...four.values.subarray(6, 8), ...four.values.subarray(0, 2)]);
  });

  test('explains bad ranges', async () => {
    await expect(elbowCurve(four, { kMin: 1 })).rejects.toThrow(/2 ≤ kMin ≤ kMax/);
    await expect(elbowCurve(four, { kMin: 5, kMax: 3 })).rejects.toThrow(/kMin=5, kMax=3/);
  });
});
