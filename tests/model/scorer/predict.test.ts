import { Booster, DMatrix, train } from '../../../src/model/xgboost';
import { parseXGBoostModel, scoreRow, scoreRows } from '../../../src/model/scorer';
import { syntheticBinary } from '../xgboost/synthetic';
import { tinyModel } from './tiny-model';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('scoreRow on a model worked out by hand', () => {
  const model = parseXGBoostModel(tinyModel());

  it('goes left below the threshold, right at or above it, and left when missing', () => {
    expect(scoreRow(model, [0.3, 0], { output: 'margin' })).toBe(-1);
    expect(scoreRow(model, [0.5, 0], { output: 'margin' })).toBe(2);
    expect(scoreRow(model, [NaN, 0], { output: 'margin' })).toBe(-1);
    expect(scoreRow(model, [0.3, 0])).toBeCloseTo(sigmoid(-1), 7);
  });

  it('compares in float32: a value equal to the threshold as float32 goes right', () => {
    // 0.1 is not a float32; XGBoost stores both the feature and the threshold as fround(0.1), so they are equal.
    // A double comparison (0.1 < fround(0.1)) would wrongly send this row left.
    const m = parseXGBoostModel(tinyModel({ threshold: 0.1 }));
    expect(scoreRow(m, [0.1, 0], { output: 'margin' })).toBe(2);
  });

  it('rejects a row of the wrong width', () => {
    expect(() => scoreRow(model, [1])).toThrow('expects 2 features per row, got 1');
    expect(() => scoreRows(model, new Float32Array(3))).toThrow('not a multiple');
  });
});

describe('scoreRows against the native library', () => {
  it('equals XGBoost predictions within 1e-6 on 10k rows (missing values, non-default base_score)', () => {
    const set = syntheticBinary(10000, 6, 3, 0.1);
    const { booster } = train(set, {
      params: { objective: 'binary:logistic', tree_method: 'hist', max_depth: 6, eta: 0.2, base_score: 0.3 },
      rounds: 40,
    });
    const dmat = DMatrix.fromDense(set);
    const model = parseXGBoostModel(booster.toJson());
    const ours = scoreRows(model, set.data);
    const native = booster.predict(dmat);
    const oursMargin = scoreRows(model, set.data, { output: 'margin' });
    const nativeMargin = booster.predict(dmat, { output: 'margin' });
    let worst = 0;
    let worstMargin = 0;
    for (let i = 0; i < native.length; i++) {
      worst = Math.max(worst, Math.abs(ours[i] - native[i]));
      worstMargin = Math.max(worstMargin, Math.abs(oursMargin[i] - nativeMargin[i]));
    }
    expect(worst).toBeLessThan(1e-6);
    expect(worstMargin).toBeLessThan(1e-6);
    booster.free();
    dmat.free();
  });

  it('equals XGBoost for a regression objective (identity link)', () => {
    const set = syntheticBinary(2000, 3, 4);
    const { booster } = train(set, {
      params: { objective: 'reg:squarederror', tree_method: 'hist' },
      rounds: 10,
    });
    const dmat = DMatrix.fromDense(set);
    const ours = scoreRows(parseXGBoostModel(Booster.fromJson(booster.toJson()).toJson()), set.data);
    const native = booster.predict(dmat);
    for (let i = 0; i < native.length; i++) expect(Math.abs(ours[i] - native[i])).toBeLessThan(1e-6);
    booster.free();
    dmat.free();
  });
});
