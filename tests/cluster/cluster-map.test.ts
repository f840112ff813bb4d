import { clusterMap } from '../../src/cluster/cluster-map';
import { blobs, THREE_BLOB_CENTERS } from './blobs';

describe('clusterMap', () => {
  const data = blobs(THREE_BLOB_CENTERS, 100, 0.5);
  const labels = Int32Array.from({ length: 300 }, (_, i) => Math.floor(i / 100));

  test('projects a seeded sample onto two components, keeping each point’s cluster', () => {
    const map = clusterMap(data, labels, { sampleSize: 50, seed: 3 });
    expect(map.rows.length).toBe(50);
    expect(map.x.length).toBe(50);
    expect(Array.from(map.cluster)).toEqual(Array.from(map.rows, (r) => Math.floor(r / 100)));
    // three blobs in 3-D: two components hold nearly all the variance
    expect(map.explainedVarianceRatio[0] + map.explainedVarianceRatio[1]).toBeGreaterThan(0.97);
    expect(clusterMap(data, labels, { sampleSize: 50, seed: 3 }).x).toEqual(map.x);
  });

  test('blobs stay apart on the map', () => {
    const map = clusterMap(data, labels);
    expect(map.rows.length).toBe(300);
    const centroid = (c: number) => {
      const idx = Array.from(map.cluster.keys()).filter((i) => map.cluster[i] === c);
      return [
        idx.reduce((s, i) => s + map.x[i], 0) / idx.length,
        idx.reduce((s, i) => s + map.y[i], 0) / idx.length,
      ];
    };
    const [a, b] = [centroid(0), centroid(1)];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(10, 0);
  });

  test('explains bad input', () => {
    expect(() => clusterMap(data, [0, 1])).toThrow(/expected 300 labels/);
    expect(() => clusterMap(data, labels, { sampleSize: 0 })).toThrow(/sampleSize/);
  });
});
