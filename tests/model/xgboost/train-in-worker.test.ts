import { Booster, DMatrix, train, trainInWorker } from '../../../src/model/xgboost';
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
