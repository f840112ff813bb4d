import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Booster, DMatrix, parseEvalLine, train } from '../../../src/model/xgboost';
import { HIST_LOGISTIC, syntheticBinary } from './synthetic';

describe('Booster', () => {
  const set = syntheticBinary(2000, 4, 11);
  const { booster } = train(set, { params: HIST_LOGISTIC, rounds: 15 });
  const dmat = DMatrix.fromDense(set);
  afterAll(() => {
    booster.free();
    dmat.free();
  });

  it('predicts probabilities that are the sigmoid of the margins', () => {
    const p = booster.predict(dmat);
    const m = booster.predict(dmat, { output: 'margin' });
    expect(p.length).toBe(2000);
    for (let i = 0; i < 50; i++) expect(p[i]).toBeCloseTo(1 / (1 + Math.exp(-m[i])), 6);
    expect(booster.predict(dmat, { iterationEnd: 1 })).not.toEqual(p);
  });

  it('gives SHAP contributions that sum to the margin, and interactions of width (cols+1)²', () => {
    const m = booster.predict(dmat, { output: 'margin' });
    const shap = booster.contributions(dmat);
    expect([shap.rows, shap.width]).toEqual([2000, 5]);
    for (let r = 0; r < 20; r++) {
      let sum = 0;
      for (let j = 0; j < 5; j++) sum += shap.values[r * 5 + j];
      expect(sum).toBeCloseTo(m[r], 4);
    }
    const small = DMatrix.fromDense({ data: set.data.slice(0, 40), rows: 10, cols: 4 });
    const inter = booster.contributions(small, { interactions: true });
    expect([inter.rows, inter.width]).toEqual([10, 25]);
    small.free();
  });

  it('ranks the informative feature first by gain and counts splits by weight', () => {
    const gain = booster.featureScore('gain');
    const best = Object.entries(gain).sort((a, b) => b[1] - a[1])[0][0];
    expect(best).toBe('f0');
    const weight = booster.featureScore('weight', ['a', 'b', 'c', 'd']);
    expect(Object.values(weight).every((w) => Number.isInteger(w) && w > 0)).toBe(true);
    expect(Object.keys(weight)).toContain('a');
  });

  it('round-trips through JSON bytes and a file with identical predictions', () => {
    const copy = Booster.fromJson(booster.toJson());
    expect(copy.predict(dmat)).toEqual(booster.predict(dmat));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xgb-')), 'm.json');
    booster.save(file);
    const loaded = Booster.load(file);
    expect(loaded.predict(dmat)).toEqual(booster.predict(dmat));
    expect([loaded.numFeatures(), loaded.boostedRounds()]).toEqual([4, 15]);
    copy.free();
    loaded.free();
  });

  it('slices to the first rounds, predicting what iterationEnd predicts, and rejects bad ranges', () => {
    const first = booster.slice(0, 6);
    expect(first.boostedRounds()).toBe(6);
    expect(first.predict(dmat)).toEqual(booster.predict(dmat, { iterationEnd: 6 }));
    const reloaded = Booster.fromJson(first.toJson());
    expect(reloaded.predict(dmat)).toEqual(booster.predict(dmat, { iterationEnd: 6 }));
    expect(() => booster.slice(0, 16)).toThrow(/0 ≤ begin < end ≤ 15/);
    expect(() => booster.slice(3, 3)).toThrow(/begin < end/);
    first.free();
    reloaded.free();
  });

  it('dumps one text tree per round', () => {
    const dump = booster.dump({ withStats: true });
    expect(dump.length).toBe(15);
    expect(dump[0]).toMatch(/^0:\[f\d+<[-\d.e]+\] yes=1,no=2,missing=\d+,gain=/);
    expect(JSON.parse(booster.dump({ format: 'json' })[0]).nodeid).toBe(0);
  });

  it('rejects a truncated JSON and a JSON that is not a model, and stays usable', () => {
    const json = Buffer.from(booster.toJson()).toString('utf8');
    expect(() => Booster.fromJson(json.slice(0, json.length / 2))).toThrow('does not parse (truncated?)');
    expect(() => Booster.fromJson('{"a": 1}')).toThrow('no "learner" object');
    expect(() => Booster.fromJson('{"learner": {}}')).toThrow(/XGBoost loading a model failed/);
    expect(() => Booster.fromJson(new Uint8Array(0))).toThrow('empty buffer');
    expect(booster.predict(dmat).length).toBe(2000);
  });

  it('rejects predicting on a matrix with a different feature count', () => {
    const narrow = DMatrix.fromDense({ data: new Float32Array(6), rows: 2, cols: 3 });
    expect(() => booster.predict(narrow)).toThrow('trained on 4 features but the matrix has 3 columns');
    narrow.free();
    expect(() => booster.predictDense({ data: new Float32Array(6), rows: 2, cols: 3 })).toThrow(
      'trained on 4 features but the matrix has 3 columns',
    );
  });

  it('predicts a dense matrix in place exactly as it predicts a DMatrix of the same rows, NaN as missing', () => {
    const data = set.data.slice();
    for (let i = 0; i < data.length; i += 7) data[i] = NaN;
    const rows = { data, rows: set.rows, cols: set.cols };
    const same = DMatrix.fromDense(rows);
    const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
    expect(bits(booster.predictDense(rows))).toEqual(bits(booster.predict(same)));
    const options = { output: 'margin' as const, iterationEnd: 6 };
    expect(bits(booster.predictDense(rows, options))).toEqual(bits(booster.predict(same, options)));
    same.free();
    expect(() => booster.predictDense({ data: new Float32Array(7), rows: 2, cols: 4 })).toThrow(
      'expected rows × cols',
    );
  });

  it("surfaces XGBoost's own error for a bad parameter value, and refuses a freed booster", () => {
    const b = Booster.create({ max_depth: 'deep' }, [dmat]);
    expect(() => b.update(dmat, 0)).toThrow(
      "Invalid Parameter format for max_depth expect int but value='deep'",
    );
    b.free();
    expect(() => b.predict(dmat)).toThrow('This Booster was freed');
    expect(() => b.free()).toThrow('already freed');
  });

  it("rejects unknown parameters with XGBoost's list of unused ones", () => {
    const b = Booster.create({ ...HIST_LOGISTIC, max_dpeth: 3 }, [dmat]);
    expect(() => b.update(dmat, 0)).toThrow('Parameters: { "max_dpeth" } are not used.');
    b.free();
  });

  it('keeps attributes with the model', () => {
    const b = Booster.fromJson(booster.toJson());
    b.setAttr('note', 'hello');
    expect(Booster.fromJson(b.toJson()).getAttr('note')).toBe('hello');
    expect(b.getAttr('missing')).toBeNull();
    b.free();
  });
});

describe('parseEvalLine', () => {
  it('splits set names that contain dashes from metric names', () => {
    const line = '[3]\ttrain-set-logloss:0.5\tvalid-auc:0.9\tvalid-error@0.7:0.1';
    expect(parseEvalLine(line, ['train-set', 'valid'])).toEqual({
      'train-set': { logloss: 0.5 },
      valid: { auc: 0.9, 'error@0.7': 0.1 },
    });
  });
});

describe('model files written by hand', () => {
  it('rejects a file that is not a model', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'xgb-')), 'x.json');
    writeFileSync(file, '[1, 2, 3]');
    expect(() => Booster.load(file)).toThrow('Not an XGBoost model');
  });
});
