import { clusterProfiles } from '../../src/cluster/profiles';

describe('clusterProfiles', () => {
  const scaler = {
    features: ['energy', 'tempo'],
    mean: Float64Array.of(0.5, 120),
    sd: Float64Array.of(0.2, 30),
  };

  test('maps centroids back to original units with sizes, shares and names', () => {
    const centers = Float64Array.of(1, 1, -1.5, -0.2);
    const profiles = clusterProfiles(centers, Uint32Array.of(30, 10), scaler);
    expect(profiles).toEqual([
      {
        cluster: 0,
        name: 'energetic, fast',
        size: 30,
        share: 0.75,
        centroid: { energy: expect.closeTo(0.7, 12), tempo: expect.closeTo(150, 12) },
        z: { energy: 1, tempo: 1 },
      },
      {
        cluster: 1,
        name: 'calm',
        size: 10,
        share: 0.25,
        centroid: { energy: expect.closeTo(0.2, 12), tempo: expect.closeTo(114, 12) },
        z: { energy: -1.5, tempo: expect.closeTo(-0.2, 15) },
      },
    ]);
  });

  test('checks shapes', () => {
    expect(() => clusterProfiles(new Float64Array(3), [1, 1], scaler)).toThrow(/2 × 2 center values, got 3/);
    expect(() => clusterProfiles(new Float64Array(4), [1, 1], { ...scaler, features: undefined })).toThrow(
      /feature names/,
    );
  });
});
