import { silhouetteScore, silhouetteScores } from '../../src/cluster/silhouette';
import { blobs, THREE_BLOB_CENTERS, uniformMatrix } from './blobs';

describe('silhouetteScore', () => {
  const points = { values: Float64Array.of(0, 0, 0, 1, 1, 0, 5, 5, 5, 6, 9, 9), rows: 6, cols: 2 };
  const labels = [0, 0, 0, 1, 1, 2];

  test('equals scikit-learn on a small example (singleton scores 0)', () => {
    // sklearn.metrics.silhouette_score(X, labels) = 0.6887205403884762
    expect(silhouetteScore(points, labels)).toBeCloseTo(0.6887205403884762, 12);
  });

  test('is near 1 for separated blobs and near 0 for an arbitrary split of noise', () => {
    const data = blobs(THREE_BLOB_CENTERS, 40, 0.5);
    const blobLabels = Array.from({ length: 120 }, (_, i) => Math.floor(i / 40));
    expect(silhouetteScore(data, blobLabels)).toBeGreaterThan(0.85);
    const noise = uniformMatrix(300, 2);
    expect(
      Math.abs(
        silhouetteScore(
          noise,
          Array.from({ length: 300 }, (_, i) => i % 2),
        ),
      ),
    ).toBeLessThan(0.05);
  });

  test('samples reproducibly', () => {
    const data = blobs(THREE_BLOB_CENTERS, 200, 3);
    const blobLabels = Array.from({ length: 600 }, (_, i) => Math.floor(i / 200));
    const a = silhouetteScore(data, blobLabels, { sampleSize: 100, seed: 4 });
    expect(silhouetteScore(data, blobLabels, { sampleSize: 100, seed: 4 })).toBe(a);
    expect(silhouetteScore(data, blobLabels, { sampleSize: 100, seed: 5 })).not.toBe(a);
  });

  test('several clusterings at once: each equals scikit-learn, and the score it gets alone', () => {
    // sklearn.metrics.silhouette_score(X, each labelling)
    const scores = silhouetteScores(points, [labels, [0, 1, 0, 1, 0, 1], [0, 0, 1, 1, 2, 2]]);
    expect(scores[0]).toBeCloseTo(0.6887205403884762, 12);
    expect(scores[1]).toBeCloseTo(-0.07071613731317196, 12);
    expect(scores[2]).toBeCloseTo(0.07679668666623672, 12);
    const data = blobs(THREE_BLOB_CENTERS, 200, 3);
    const labelings = [
      Array.from({ length: 600 }, (_, i) => Math.floor(i / 200)),
      Array.from({ length: 600 }, (_, i) => i % 2),
      Array.from({ length: 600 }, (_, i) => (i * 7) % 5),
    ];
    const together = silhouetteScores(data, labelings, { sampleSize: 100, seed: 4 });
    expect(together).toEqual(labelings.map((l) => silhouetteScore(data, l, { sampleSize: 100, seed: 4 })));
  });

  test('explains bad input', () => {
    expect(() => silhouetteScore(points, [0, 0, 0, 0, 0, 0])).toThrow(/2 ≤ clusters ≤ rows − 1/);
    expect(() => silhouetteScore(points, [0, 1])).toThrow(/expected 6 labels/);
  });
});
