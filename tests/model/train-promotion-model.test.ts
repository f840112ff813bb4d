import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { featureMatrix } from '../../src/model/features';
import { loadModel, predictMatrix, predictTable, saveModel } from '../../src/model/model-store';
import { trainPromotionModel, type PromotionModel } from '../../src/model/train-promotion-model';
import { takeRows } from '../../src/data/schema';
import { TrainingSession } from '../../src/model/xgboost';
import { promotionTable } from './promotion-fixture';

const { table, labels } = promotionTable(3000);
const label = {
  definition: '((valence > 0.6) & (energy > 0.6)) | (danceability > 0.75), 5% flipped',
  seed: 3,
};
let model: PromotionModel;
let dir: string;

beforeAll(async () => {
  const ceiling = (testRows: Uint32Array) => ({
    auc: 0.9,
    precision: 0.95,
    recall: 0.85,
    f1: 0.9,
    testRows: testRows.length,
  });
  model = await trainPromotionModel(table, labels, {
    label,
    bootstrapReplicates: 50,
    nthread: 1,
    inWorker: false,
    noiseCeiling: ceiling,
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promotion-'));
});
afterAll(() => {
  model.booster.free();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('learns the rule up to the noise: test AUC far above chance, split 70/30 with a validation part', () => {
  expect(model.evaluation.rocAuc).toBeGreaterThan(0.85);
  expect(model.meta.split).toMatchObject({ testFraction: 0.3, validationFraction: 0.1, seed: 42, test: 900 });
  expect(model.meta.split.train + model.meta.split.validation).toBe(2100);
  expect(model.meta.params).toMatchObject({
    objective: 'binary:logistic',
    max_depth: 6,
    eta: 0.3,
    tree_method: 'hist',
  });
  expect(model.history.validation.logloss.length).toBeGreaterThan(model.meta.bestIteration);
  expect(model.meta.iterationEnd).toBe(model.meta.bestIteration + 1);
  expect(model.meta.metrics.test.rocAuc).toBe(model.evaluation.rocAuc);
  expect(model.meta.features).toEqual([...Object.keys(table.numeric)]);
  expect(model.meta.label).toEqual(label);
  // The ceiling function saw the test rows; only its four scores are kept, beside the model's.
  expect(model.meta.metrics.noiseCeiling).toEqual({ auc: 0.9, precision: 0.95, recall: 0.85, f1: 0.9 });
  expect(model.meta.metrics.versusCeiling![0]).toMatchObject({
    metric: 'ROC AUC',
    model: model.evaluation.rocAuc,
    ceiling: 0.9,
  });
  expect(model.meta.versions.xgboost).toMatch(/^\d+\.\d+\.\d+$/);
});

test('the worker path trains the same model with progress per round', async () => {
  const progress: number[] = [];
  const inWorker = await trainPromotionModel(table, labels, {
    label,
    bootstrapReplicates: 0,
    nthread: 1,
    rounds: 20,
    earlyStoppingRounds: 0,
    onProgress: (done) => progress.push(done),
  });
  const inline = await trainPromotionModel(table, labels, {
    label,
    bootstrapReplicates: 0,
    nthread: 1,
    rounds: 20,
    earlyStoppingRounds: 0,
    inWorker: false,
  });
  expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(Array.from(inWorker.test.scores)).toEqual(Array.from(inline.test.scores));
  expect(inWorker.meta.data.fingerprint).toBe(inline.meta.data.fingerprint);
  expect(Buffer.from(inWorker.modelJson).equals(Buffer.from(inline.modelJson))).toBe(true);
  inWorker.booster.free();
  inline.booster.free();
});

test('with early stopping, the worker cuts the model to its best round and scores the test rows with it', async () => {
  const options = { label, bootstrapReplicates: 0, nthread: 1, rounds: 80, earlyStoppingRounds: 3 };
  const inWorker = await trainPromotionModel(table, labels, options);
  const inline = await trainPromotionModel(table, labels, { ...options, inWorker: false });
  expect(inWorker.meta.bestIteration).toBe(inline.meta.bestIteration);
  expect(inWorker.meta.iterationEnd).toBe(inWorker.meta.bestIteration + 1);
  expect(inWorker.history).toEqual(inline.history);
  expect(Buffer.from(inWorker.modelJson).equals(Buffer.from(inline.modelJson))).toBe(true);
  expect(Array.from(inWorker.test.scores)).toEqual(Array.from(inline.test.scores));
  // The booster is loaded from the JSON on first access: the cut model, whose own predictions are the scores.
  expect(inWorker.booster.boostedRounds()).toBe(inWorker.meta.iterationEnd);
  expect(inWorker.booster).toBe(inWorker.booster);
  inWorker.booster.free();
  inline.booster.free();
});

/** Quick trainings that differ by learning rate only (new parameters on the same data). */
const sessionOptions = (eta: number, rounds: number) => ({
  label,
  nthread: 1,
  rounds,
  earlyStoppingRounds: 0,
  params: { eta },
});

test('a session trains again on the split and matrices it kept for the same table and labels', async () => {
  const own = promotionTable(1500, 8);
  const session = TrainingSession.start();
  const options = (eta: number) => sessionOptions(eta, 15);
  try {
    const first = await trainPromotionModel(own.table, own.labels, { ...options(0.3), session });
    const expected = await trainPromotionModel(own.table, own.labels, options(0.5));
    // Kept by identity: the same table object is not read again (a lab's steps never change their results).
    const energy = own.table.numeric.energy!;
    const saved = energy.slice();
    energy.fill(0.5);
    const again = await trainPromotionModel(own.table, own.labels, { ...options(0.5), session });
    energy.set(saved);
    expect(Buffer.from(again.modelJson).equals(Buffer.from(expected.modelJson))).toBe(true);
    expect(again.meta).toEqual({ ...expected.meta, createdAt: again.meta.createdAt });
    expect(again.evaluation).toEqual(expected.evaluation);
    expect(again.split.test).toBe(first.split.test);
    // Other features, labels or split: prepared anew, and what the session keeps for the first data stays.
    const fewer = await trainPromotionModel(own.table, own.labels, {
      ...options(0.5),
      features: ['danceability', 'valence'],
      session,
    });
    expect(fewer.meta.features).toEqual(['danceability', 'valence']);
    const reseeded = await trainPromotionModel(own.table, own.labels, {
      ...options(0.5),
      split: { seed: 9 },
      session,
    });
    expect(reseeded.split.test).not.toEqual(first.split.test);
  } finally {
    session.close();
  }
});

test('a session training whose kept data was evicted by trainings queued before it builds the matrices again', async () => {
  const tables = [promotionTable(800, 11), promotionTable(800, 12), promotionTable(800, 13)];
  const session = TrainingSession.start();
  const options = (eta: number) => sessionOptions(eta, 8);
  try {
    const [first, second, third] = tables;
    await trainPromotionModel(first.table, first.labels, { ...options(0.3), session });
    // Asked for while two trainings on new data are queued: when it runs, the worker keeps only theirs.
    const queued = [second, third].map((t) =>
      trainPromotionModel(t.table, t.labels, { ...options(0.3), session }),
    );
    const again = trainPromotionModel(first.table, first.labels, { ...options(0.5), session });
    await Promise.all(queued);
    const expected = await trainPromotionModel(first.table, first.labels, options(0.5));
    expect(Buffer.from((await again).modelJson).equals(Buffer.from(expected.modelJson))).toBe(true);
  } finally {
    session.close();
  }
});

test('saved and loaded, the model predicts the same test scores; the meta travels with it', () => {
  const files = saveModel(dir, model);
  expect(path.basename(files.model)).toBe('promotion_model.json');
  expect(JSON.parse(fs.readFileSync(files.model, 'utf8')).learner).toBeDefined();
  const loaded = loadModel(dir);
  expect(loaded.meta).toEqual(JSON.parse(JSON.stringify(model.meta)));
  const scores = predictTable(loaded, takeRows(table, model.test.rows));
  expect(Array.from(scores)).toEqual(Array.from(model.test.scores));
  loaded.booster.free();
});

test("Python's xgboost loads the saved JSON and, with no iteration range, predicts the evaluated scores", () => {
  const files = saveModel(dir, model);
  const rows = Array.from(model.test.rows.subarray(0, 50));
  const x = rows.map((r) => model.meta.features.map((f) => table.numeric[f as 'year']![r]));
  const script = [
    'import json, sys, numpy as np, xgboost as xgb',
    'd = json.load(sys.stdin); b = xgb.Booster(model_file=d["file"])',
    'p = b.predict(xgb.DMatrix(np.array(d["x"], dtype=np.float32)))',
    'print(json.dumps([b.num_boosted_rounds()] + [float(v) for v in p]))',
  ].join('\n');
  const input = JSON.stringify({ file: files.model, x });
  const [rounds, ...python] = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', script], { input }).toString(),
  ) as number[];
  // Early stopping stopped before the last round, and the saved model holds only the rounds up to the best.
  expect(model.meta.bestIteration + 1).toBeLessThan(model.meta.rounds);
  expect(rounds).toBe(model.meta.iterationEnd);
  python.forEach((p, i) => expect(p).toBeCloseTo(model.test.scores[i], 6));
});

test('applying the model to data with missing, extra or reordered features is a clear error', () => {
  saveModel(dir, model);
  const loaded = loadModel(dir);
  const { year: _year, ...withoutYear } = table.numeric;
  expect(() => predictTable(loaded, { ...table, numeric: withoutYear })).toThrow(
    /lacks feature column\(s\) year/,
  );
  const extra = featureMatrix(
    { ...table, numeric: { ...table.numeric, popularity: new Float64Array(table.length) } },
    [...loaded.meta.features, 'popularity'],
  );
  expect(() => predictMatrix(loaded, extra)).toThrow(/extra: popularity/);
  const reordered = featureMatrix(table, [...loaded.meta.features].reverse());
  expect(() => predictMatrix(loaded, reordered)).toThrow(/another order/);
  loaded.booster.free();
  expect(() => loadModel(path.join(dir, 'nothing-here'))).toThrow(/does not exist/);
});

test('one-class labels and a label count mismatch are clear errors', async () => {
  await expect(trainPromotionModel(table, new Uint8Array(table.length), { inWorker: false })).rejects.toThrow(
    /only one class/,
  );
  await expect(trainPromotionModel(table, labels.subarray(1), { inWorker: false })).rejects.toThrow(
    /one label per row/,
  );
});
