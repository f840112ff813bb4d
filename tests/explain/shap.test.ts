import { beeswarmFromShap, explainRow, meanAbsShap, shapSummary, shapValues } from '../../src/explain/shap';
import { featureImportance, importanceFromScores } from '../../src/explain/importance';
import { featureMatrix } from '../../src/model/features';
import { predictDense } from '../../src/model/train-promotion-model';
import { DMatrix, train, type Booster } from '../../src/model/xgboost';
import { promotionTable } from '../model/promotion-fixture';

const { table, labels } = promotionTable(1500, 9);
const matrix = featureMatrix(table);
let booster: Booster;
beforeAll(() => {
  const params = { objective: 'binary:logistic', max_depth: 4, eta: 0.3, tree_method: 'hist' };
  booster = train(
    { data: matrix.data, rows: matrix.rows, cols: matrix.cols, labels: Float32Array.from(labels) },
    { params, rounds: 30, nthread: 1 },
  ).booster;
});
afterAll(() => booster.free());

test('local explanation: contributions plus the base sum to the margin, and sigmoid(margin) is the prediction', () => {
  const probabilities = predictDense(booster, matrix, 0);
  const dmat = DMatrix.fromDense({ data: matrix.data, rows: matrix.rows, cols: matrix.cols });
  const margins = booster.predict(dmat, { output: 'margin' });
  dmat.free();
  for (const row of [0, 17, 1499]) {
    const e = explainRow(booster, matrix, row);
    const sum = e.baseMargin + e.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(margins[row], 4); // XGBoost's own margin, float32
    expect(e.margin).toBeCloseTo(margins[row], 4);
    expect(e.probability).toBeCloseTo(probabilities[row], 4);
    expect(e.contributions.find((c) => c.feature === 'year')!.value).toBe(table.numeric.year![row]);
  }
});

test('the rule features dominate mean |SHAP| and gain; the beeswarm sample is seeded', () => {
  const ranked = meanAbsShap(shapValues(booster, matrix), matrix.features).map((m) => m.feature);
  expect(ranked.slice(0, 3).sort()).toEqual(['danceability', 'energy', 'valence']);
  const importance = featureImportance(booster, matrix.features);
  expect(importance).toHaveLength(11);
  expect(importance[0].feature).toBe('danceability');
  expect(importance.reduce((s, r) => s + r.gainShare, 0)).toBeCloseTo(1, 10);
  const a = shapSummary(booster, matrix, { sampleSize: 200, seed: 1 });
  expect(a.rows).toHaveLength(200);
  expect(a).toEqual(shapSummary(booster, matrix, { sampleSize: 200, seed: 1 }));
  expect(Array.from(shapSummary(booster, matrix, { sampleSize: 200, seed: 2 }).rows)).not.toEqual(
    Array.from(a.rows),
  );
  expect(
    a.features
      .map((f) => f.feature)
      .slice(0, 3)
      .sort(),
  ).toEqual(['danceability', 'energy', 'valence']);
});

test('pure helpers on a hand-made SHAP matrix', () => {
  const m = { data: Float32Array.from([1, 10, 3, 30, 2, 20]), rows: 3, cols: 2, features: ['a', 'b'] };
  const shap = { values: Float32Array.from([0.5, -1, 0.1, -0.5, 1, 0.1]), rows: 2, width: 3 };
  expect(meanAbsShap(shap, ['a', 'b'])).toEqual([
    { feature: 'b', meanAbsShap: 1 },
    { feature: 'a', meanAbsShap: 0.5 },
  ]);
  const swarm = beeswarmFromShap(shap, m, Uint32Array.from([0, 2]));
  expect(swarm.features[0]).toEqual({
    feature: 'b',
    meanAbsShap: 1,
    shap: [-1, 1],
    value: [10, 20],
    colour: [0, 1],
  });
  expect(() => meanAbsShap(shap, ['a'])).toThrow(/expected 1 features \+ bias = 2/);
  expect(importanceFromScores(['a', 'b'], { gain: { b: 3 }, weight: { b: 2 }, cover: { b: 9 } })).toEqual([
    { feature: 'b', gain: 3, weight: 2, cover: 9, gainShare: 1 },
    { feature: 'a', gain: 0, weight: 0, cover: 0, gainShare: 0 },
  ]);
});
