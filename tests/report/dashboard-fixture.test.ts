/**
 * The dashboard tests' hand-written model is real XGBoost: libxgboost (through the project's binding) loads
 * it and predicts and explains it exactly as the rules written out by hand in the fixture say.
 */
import { Booster, DMatrix } from '../../src/model/xgboost';
import {
  FEATURES,
  expectedProbability,
  expectedShap,
  featureRow,
  fixtureModel,
  fixtureTable,
} from '../helpers/dashboard-input';

test('libxgboost predicts the fixture model as the hand-written rules do, and its SHAP equals brute-force Shapley', () => {
  const table = fixtureTable();
  const rows = Array.from({ length: table.length }, (_, r) => featureRow(table, r) as number[]);
  const booster = Booster.fromJson(JSON.stringify(fixtureModel()));
  const matrix = DMatrix.fromDense({
    data: Float32Array.from(rows.flat()),
    rows: rows.length,
    cols: FEATURES.length,
  });
  try {
    const probabilities = booster.predict(matrix);
    const shap = booster.contributions(matrix);
    expect(shap.width).toBe(FEATURES.length + 1);
    rows.forEach((row, r) => {
      expect(Math.abs(probabilities[r] - expectedProbability(row))).toBeLessThan(1e-6);
      const expected = expectedShap(row);
      [...expected.values, expected.bias].forEach((v, i) =>
        expect(Math.abs(shap.values[r * shap.width + i] - v)).toBeLessThan(1e-5),
      );
    });
    // Every leaf combination (six distinct margins) occurs, so the check covers the whole model.
    expect(new Set(rows.map((row) => expectedProbability(row).toFixed(6))).size).toBe(6);
  } finally {
    matrix.free();
    booster.free();
  }
});
