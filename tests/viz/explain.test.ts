import type { LocalExplanation } from '../../src/explain/local-explanation';
import { beeswarmFromShap } from '../../src/explain/shap';
import {
  featureImportanceFigure,
  meanAbsShapFigure,
  shapBeeswarmFigure,
  shapWaterfallFigure,
} from '../../src/viz/explain';

const explanation: LocalExplanation = {
  baseMargin: -1,
  contributions: [
    { feature: 'danceability', value: 0.8, contribution: 2 },
    { feature: 'energy', value: 0.3, contribution: -0.5 },
    { feature: 'year', value: 1999, contribution: 0.25 },
    { feature: 'tempo', value: 120, contribution: -0.125 },
  ],
  margin: 0.625,
  probability: 1 / (1 + Math.exp(-0.625)),
};

test('waterfall bars chain from the base value to the margin; the tail is summed', () => {
  const f = shapWaterfallFigure(explanation, { maxFeatures: 2 });
  const bar = f.data[0] as unknown as { base: number[]; x: number[]; y: string[] };
  expect(bar.y).toEqual(['danceability = 0.8', 'energy = 0.3', '2 other features']);
  expect(bar.base).toEqual([-1, 1, 0.5]);
  expect(bar.base[2] + bar.x[2]).toBeCloseTo(explanation.margin, 12);
  expect(f).toMatchSnapshot();
});

test('importance bars, mean |SHAP| bars and the seeded beeswarm', () => {
  const importance = [
    { feature: 'energy', gain: 5, weight: 30, cover: 100, gainShare: 0.25 },
    { feature: 'danceability', gain: 15, weight: 10, cover: 300, gainShare: 0.75 },
  ];
  expect(featureImportanceFigure(importance).data[0].y).toEqual(['danceability', 'energy']);
  expect(featureImportanceFigure(importance, { type: 'weight' }).data[0].y).toEqual([
    'energy',
    'danceability',
  ]);
  expect(featureImportanceFigure(importance)).toMatchSnapshot();
  expect(
    meanAbsShapFigure([
      { feature: 'danceability', meanAbsShap: 1.2 },
      { feature: 'energy', meanAbsShap: 0.4 },
    ]),
  ).toMatchSnapshot();
  const matrix = {
    data: Float32Array.from([0.1, 1, 0.9, 2, 0.5, 3]),
    rows: 3,
    cols: 2,
    features: ['danceability', 'energy'],
  };
  const shap = { values: Float32Array.from([-1, 0.1, 0, 2, -0.2, 0, 0.5, 0.3, 0]), rows: 3, width: 3 };
  const summary = beeswarmFromShap(shap, matrix, Uint32Array.from([0, 1, 2]));
  const swarm = shapBeeswarmFigure(summary, { seed: 1 });
  expect(swarm).toEqual(shapBeeswarmFigure(summary, { seed: 1 }));
  expect(swarm.data.map((t) => t.x)).toEqual([
    [-1, 2, 0.5],
    [0.1, -0.2, 0.3],
  ]);
  expect(swarm.data.map((t) => t.hovertemplate)).toEqual([
    'danceability = %{customdata}<br>SHAP %{x:.3f}<extra></extra>',
    'energy = %{customdata}<br>SHAP %{x:.3f}<extra></extra>',
  ]);
  expect(swarm).toMatchSnapshot();
  // A seeded sample of the same tracks in every row, when there are more than maxPoints.
  const sampled = shapBeeswarmFigure(summary, { seed: 1, maxPoints: 2 });
  const kept = (sampled.data[0].x as number[]).map((v) => [-1, 2, 0.5].indexOf(v));
  expect(kept).toHaveLength(2);
  expect((sampled.data[1].x as number[]).map((v) => [0.1, -0.2, 0.3].indexOf(v))).toEqual(kept);
  expect(() => shapBeeswarmFigure(summary, { maxPoints: 0 })).toThrow(/maxPoints must be a positive integer/);
});
