/**
 * Portability of the saved model with Python's xgboost, both ways. Runs Debian's /usr/bin/python3 explicitly
 * (`python3` on PATH may be a pyenv without xgboost). Skipped with a notice only outside CI when Python's
 * xgboost is absent; with CI=true it always runs.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Booster, DMatrix, train } from '../../../src/model/xgboost';
import { HIST_LOGISTIC, syntheticBinary } from './synthetic';

const PYTHON = process.env.XGBOOST_PYTHON ?? '/usr/bin/python3';
const hasPythonXGBoost = spawnSync(PYTHON, ['-c', 'import xgboost, numpy'], { stdio: 'ignore' }).status === 0;
const mustRun = process.env.CI === 'true';
if (!hasPythonXGBoost && !mustRun) {
  console.warn(
    `NOTICE: Python xgboost not found at ${PYTHON}: the portability tests are skipped (they run when CI=true)`,
  );
}
const maybe = hasPythonXGBoost || mustRun ? describe : describe.skip;

const ROWS = 500;
const COLS = 4;

/** Python side, one process for both directions (importing xgboost costs seconds): predicts with the model we
 * saved, then trains and saves one of its own and predicts with that. */
const SCRIPT = `
import sys, numpy as np, xgboost as xgb
folder, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
X = np.fromfile(folder + '/X.f32', dtype=np.float32).reshape(rows, cols)
y = np.fromfile(folder + '/y.f32', dtype=np.float32)
d = xgb.DMatrix(X, label=y, missing=np.nan)
def outputs(b, prefix):
    b.predict(d).astype(np.float32).tofile(folder + '/' + prefix + '_pred.f32')
    b.predict(d, pred_contribs=True).astype(np.float32).tofile(folder + '/' + prefix + '_shap.f32')
outputs(xgb.Booster(model_file=folder + '/model.json'), 'ours')
b = xgb.train({'objective': 'binary:logistic', 'tree_method': 'hist', 'max_depth': 4, 'eta': 0.3, 'seed': 0}, d, 12)
b.save_model(folder + '/py_model.json')
outputs(b, 'py')
`;

function readFloats(file: string): Float32Array {
  const buf = readFileSync(file);
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

maybe('model portability with Python xgboost', () => {
  const set = syntheticBinary(ROWS, COLS, 21);
  const folder = mkdtempSync(path.join(tmpdir(), 'xgb-py-'));
  writeFileSync(path.join(folder, 'X.f32'), set.data);
  writeFileSync(path.join(folder, 'y.f32'), set.labels);
  const dmat = DMatrix.fromDense(set);
  const { booster: ours } = train(set, { params: HIST_LOGISTIC, rounds: 12 });
  ours.save(path.join(folder, 'model.json'));
  const out = (name: string): Float32Array => readFloats(path.join(folder, name));
  beforeAll(() => {
    execFileSync(PYTHON, ['-c', SCRIPT, folder, String(ROWS), String(COLS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  });
  afterAll(() => {
    dmat.free();
    ours.free();
  });

  it('Python loads our model and predicts identically, SHAP included', () => {
    expect(out('ours_pred.f32')).toEqual(ours.predict(dmat));
    expect(out('ours_shap.f32')).toEqual(ours.contributions(dmat).values);
  });

  it('we load a model Python trained and predict identically, SHAP included', () => {
    const booster = Booster.load(path.join(folder, 'py_model.json'));
    expect(booster.boostedRounds()).toBe(12);
    expect(booster.predict(dmat)).toEqual(out('py_pred.f32'));
    expect(booster.contributions(dmat).values).toEqual(out('py_shap.f32'));
    booster.free();
  });
});
