import { Booster, DMatrix, TrainingWorker, train, trainInWorker } from '../../../src/model/xgboost';
import { QUANTILE_MIN_ROWS } from '../../../src/model/xgboost/train-worker';
import { HIST_LOGISTIC, syntheticBinary } from './synthetic';

describe('trainInWorker', () => {
  it('bins a large hist job straight into a QuantileDMatrix, learning what an ordinary DMatrix learns', async () => {
    const rows = QUANTILE_MIN_ROWS;
    const set = syntheticBinary(rows, 3, 8);
    const copy = { ...set, data: set.data.slice(), labels: set.labels.slice() };
    const settings = {
      params: { ...HIST_LOGISTIC, max_depth: 3, eval_metric: 'logloss' },
      rounds: 5,
      seed: 1,
      nthread: 2,
    };
    const result = await trainInWorker(set, settings);
    const sync = train(copy, { ...settings, evals: [{ name: 'train', matrix: copy }] });
    const dmat = DMatrix.fromDense(copy);
    const fromWorker = Booster.fromJson(result.model);
    const a = fromWorker.predict(dmat);
    const b = sync.booster.predict(dmat);
    // Same bins up to the sketch's batch-wise merging: predictions agree closely, not bit for bit.
    let worst = 0;
    for (let i = 0; i < rows; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(0.02);
    expect(fromWorker.boostedRounds()).toBe(5);
    fromWorker.free();
    sync.booster.free();
    dmat.free();
  });

  it('trains the same model as train() while reporting progress, and transfers the buffers', async () => {
    const set = syntheticBinary(3000, 4, 5);
    const copy = { ...set, data: set.data.slice(), labels: set.labels.slice() };
    const settings = {
      params: { ...HIST_LOGISTIC, eval_metric: 'logloss' },
      rounds: 10,
      seed: 1,
      nthread: 1,
    };
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const result = await trainInWorker(set, {
      ...settings,
      evals: [{ name: 'train', matrix: copy }].map((e) => ({
        ...e,
        matrix: { ...e.matrix, data: e.matrix.data.slice(), labels: e.matrix.labels.slice() },
      })),
      onProgress: (done) => progress.push(done),
    });
    clearInterval(timer);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(set.data.length).toBe(0); // transferred
    expect(result.history.train.logloss).toHaveLength(10);

    const sync = train(copy, { ...settings, evals: [{ name: 'train', matrix: copy }] });
    expect(result.history).toEqual(sync.history);
    const fromWorker = Booster.fromJson(result.model);
    const dmat = DMatrix.fromDense(copy);
    expect(fromWorker.predict(dmat)).toEqual(sync.booster.predict(dmat));
    expect(ticks).toBeGreaterThan(0); // the event loop kept running
    fromWorker.free();
    sync.booster.free();
    dmat.free();
  });

  it('scores rows with the final model, cut to the best round after early stopping', async () => {
    const set = syntheticBinary(2000, 4, 9);
    const valid = syntheticBinary(500, 4, 10);
    const test = syntheticBinary(300, 4, 11);
    const copies = [set, valid, test].map((m) => ({ ...m, data: m.data.slice(), labels: m.labels.slice() }));
    const settings = {
      params: { ...HIST_LOGISTIC, eta: 0.9, eval_metric: 'logloss' },
      rounds: 60,
      earlyStoppingRounds: 2,
      seed: 1,
      nthread: 1,
    };
    const worker = TrainingWorker.start();
    const result = await worker.train(set, {
      ...settings,
      evals: [{ name: 'validation', matrix: valid }],
      predict: { data: test.data, rows: test.rows, cols: test.cols },
      sliceToBest: true,
    });
    const sync = train(copies[0], { ...settings, evals: [{ name: 'validation', matrix: copies[1] }] });
    expect(result.bestIteration).toBe(sync.bestIteration);
    expect(result.bestIteration + 1).toBeLessThan(60);
    const fromWorker = Booster.fromJson(result.model);
    expect(fromWorker.boostedRounds()).toBe(result.bestIteration + 1);
    const dtest = DMatrix.fromDense(copies[2]);
    expect(result.predictions).toEqual(fromWorker.predict(dtest));
    expect(result.predictions).toEqual(sync.booster.predict(dtest, { iterationEnd: sync.bestIteration + 1 }));
    for (const h of [fromWorker, sync.booster, dtest]) h.free();
  });

  it('a worker started for a job that never comes is terminated without error', async () => {
    const worker = TrainingWorker.start();
    worker.terminate();
    await expect(worker.train(syntheticBinary(50, 2, 1), { rounds: 1 })).rejects.toThrow(/exited|terminated/);
  });

  it('copies instead of transferring when asked to', async () => {
    const set = syntheticBinary(200, 3, 6);
    await trainInWorker(set, { params: HIST_LOGISTIC, rounds: 2, transfer: false });
    expect(set.data.length).toBe(600);
  });

  it("rejects with the worker's error", async () => {
    const set = syntheticBinary(200, 3, 7);
    await expect(
      trainInWorker(set, { params: { ...HIST_LOGISTIC, colsample_bytre: 0.5 }, rounds: 2 }),
    ).rejects.toThrow('{ "colsample_bytre" } are not used');
    await expect(trainInWorker({ ...set, rows: 201 }, { rounds: 1 })).rejects.toThrow('expected rows × cols');
  });
});
