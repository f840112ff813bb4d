import type { ClusterMap } from '../../src/cluster/cluster-map';
import type { ClusterProfile } from '../../src/cluster/profiles';
import { clusterMapFigure, clusterProfileFigure, elbowFigure } from '../../src/viz/clusters';

const elbow = [
  { k: 2, inertia: 900, silhouette: 0.41, iterations: 5 },
  { k: 3, inertia: 500, silhouette: 0.52, iterations: 7 },
  { k: 4, inertia: 420, silhouette: 0.38, iterations: 9 },
];

const profiles: ClusterProfile[] = [
  {
    cluster: 0,
    name: 'loud, danceable',
    size: 3,
    share: 0.6,
    centroid: { energy: 0.81234, tempo: 128.456 },
    z: { energy: 1.2, tempo: 0.3 },
  },
  {
    cluster: 1,
    name: 'calm, acoustic',
    size: 2,
    share: 0.4,
    centroid: { energy: 0.2, tempo: 96 },
    z: { energy: -1.8, tempo: -0.45 },
  },
];

const map: ClusterMap = {
  rows: Uint32Array.of(0, 1, 2, 3, 4),
  x: Float64Array.of(1.23456, -2, 1.5, -2.5, 1),
  y: Float64Array.of(0.1, 0.2, -0.3, 0.4, 0.5),
  cluster: Int32Array.of(0, 1, 0, 1, 0),
  explainedVarianceRatio: [0.4567, 0.2],
  pca: {
    mean: new Float64Array(2),
    components: Float64Array.of(1, 0, 0, 1),
    explainedVariance: Float64Array.of(2, 1),
    explainedVarianceRatio: Float64Array.of(0.4567, 0.2),
    dims: 2,
  },
};

describe('cluster figures', () => {
  test('elbow: inertia and silhouette on two axes, chosen k marked', () => {
    const figure = elbowFigure(elbow, { chosenK: 3 });
    expect(figure.data.map((t) => t.yaxis ?? 'y')).toEqual(['y', 'y2']);
    expect((figure.layout.shapes as Array<{ x0: number }>)[0].x0).toBe(3);
    expect(elbowFigure(elbow).layout.shapes).toEqual([]); // default k = 6 is not on this curve
    expect(figure).toMatchSnapshot();
  });

  test('map: one trace per cluster named by its profile, plain rounded arrays', () => {
    const figure = clusterMapFigure(map, profiles);
    expect(figure.data.map((t) => t.name)).toEqual([
      '1: loud, danceable (60.0%)',
      '2: calm, acoustic (40.0%)',
    ]);
    expect(figure.data[0].x).toEqual([1.235, 1.5, 1]);
    expect((figure.layout.xaxis as { title: { text: string } }).title.text).toBe('PC1 (45.7% of variance)');
    expect(JSON.parse(JSON.stringify(figure))).toEqual(figure);
    expect(figure).toMatchSnapshot();
  });

  test('profiles: z-score heatmap centred on 0 with original units on hover', () => {
    const figure = clusterProfileFigure(profiles);
    const heatmap = figure.data[0];
    expect(heatmap.z).toEqual([
      [1.2, 0.3],
      [-1.8, -0.45],
    ]);
    expect([heatmap.zmin, heatmap.zmax]).toEqual([-1.8, 1.8]);
    expect(heatmap.customdata).toEqual([
      [0.8123, 128.5],
      [0.2, 96],
    ]);
    expect(figure).toMatchSnapshot();
  });

  test('explains missing input', () => {
    expect(() => elbowFigure([])).toThrow(/at least one/);
    expect(() => clusterProfileFigure([])).toThrow(/at least one profile/);
    expect(() => clusterMapFigure(map, profiles.slice(0, 1))).toThrow(/no profile for cluster 1/);
  });
});
