import { DMatrix, train } from '../../../src/model/xgboost';
import { parseXGBoostModel, scoreRow, treeShap } from '../../../src/model/scorer';
import { syntheticBinary } from '../xgboost/synthetic';
import { tinyModel } from './tiny-model';

describe('treeShap', () => {
  it("splits one tree's output into the feature effect and the cover-weighted mean, by hand", () => {
    const model = parseXGBoostModel(tinyModel());
    // Mean leaf value = (-1·4 + 2·6) / 10 = 0.8; a row going left gets -1 - 0.8 on f0; f1 is never used.
    const phi = treeShap(model, [0.3, 7]);
    expect(phi[0]).toBeCloseTo(-1.8, 6);
    expect(phi[1]).toBe(0);
    expect(phi[2]).toBeCloseTo(0.8, 6);
  });

  it('equals XGBoost pred_contribs within 1e-5 and sums to the margin', () => {
    const set = syntheticBinary(3000, 5, 8, 0.1);
    const { booster } = train(set, {
      params: { objective: 'binary:logistic', tree_method: 'hist', max_depth: 6, eta: 0.3, base_score: 0.4 },
      rounds: 25,
    });
    const model = parseXGBoostModel(booster.toJson());
    const sample = DMatrix.fromDense({ data: set.data.slice(0, 300 * 5), rows: 300, cols: 5 });
    const native = booster.contributions(sample);
    let worst = 0;
    for (let r = 0; r < 300; r++) {
      const row = set.data.subarray(r * 5, r * 5 + 5);
      const phi = treeShap(model, row);
      for (let j = 0; j < 6; j++) worst = Math.max(worst, Math.abs(phi[j] - native.values[r * 6 + j]));
      expect(phi.reduce((a, b) => a + b, 0)).toBeCloseTo(scoreRow(model, row, { output: 'margin' }), 4);
    }
    expect(worst).toBeLessThan(1e-5);
    booster.free();
    sample.free();
  });
});
