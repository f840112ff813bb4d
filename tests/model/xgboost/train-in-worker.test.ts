import {
  Booster,
  DMatrix,
  KeptDataMissingError,
  TrainingSession,
  TrainingWorker,
  train,
  trainInWorker,
} from '../../../src/model/xgboost';
import { KEPT_DATA_SETS, QUANTILE_MIN_ROWS } from '../../../src/model/xgboost/train-worker';
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

describe('TrainingSession', () => {
  const copyOf = (m: ReturnType<typeof syntheticBinary>) => ({
    ...m,
    data: m.data.slice(),
    labels: m.labels.slice(),
  });
  const settings = (eta: number) => ({
    params: { ...HIST_LOGISTIC, eta, eval_metric: 'logloss' },
    rounds: 8,
    seed: 1,
    nthread: 1,
  });

  it('trains again on the matrices it kept, as a fresh worker trains on the same rows', async () => {
    const set = syntheticBinary(2000, 4, 21);
    const valid = syntheticBinary(400, 4, 22);
    const test = syntheticBinary(300, 4, 23);
    const session = TrainingSession.start();
    try {
      const first = await session.train('data', copyOf(set), {
        ...settings(0.3),
        evals: [{ name: 'validation', matrix: copyOf(valid) }],
        predict: copyOf(test),
      });
      expect(session.holds('data')).toBe(true);
      const rounds: number[] = [];
      const again = await session.train('data', null, {
        ...settings(0.5),
        onProgress: (done) => rounds.push(done),
      });
      expect(rounds).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const fresh = await trainInWorker(copyOf(set), {
        ...settings(0.5),
        evals: [{ name: 'validation', matrix: copyOf(valid) }],
        predict: copyOf(test),
      });
      expect(Buffer.from(again.model).equals(Buffer.from(fresh.model))).toBe(true);
      expect(again.history).toEqual(fresh.history);
      expect(again.predictions).toEqual(fresh.predictions);
      expect(again.history).not.toEqual(first.history);
    } finally {
      session.close();
    }
  });

  it(`keeps the last ${KEPT_DATA_SETS} data sets, says which, and refuses a key it does not keep`, async () => {
    const session = TrainingSession.start();
    try {
      for (const key of ['a', 'b', 'c']) await session.train(key, syntheticBinary(300, 3, 30), settings(0.3));
      expect(['a', 'b', 'c'].map((k) => session.holds(k))).toEqual([false, true, true]);
      const missing = session.train('a', null, settings(0.3));
      await expect(missing).rejects.toThrow('keeps no data under "a"');
      await expect(missing).rejects.toBeInstanceOf(KeptDataMissingError);
      // Trainings run in the order asked: data kept by one still queued is there for the next.
      const queued = [
        session.train('q', syntheticBinary(300, 3, 34), settings(0.3)),
        session.train('q', null, settings(0.4)),
      ];
      await expect(Promise.all(queued)).resolves.toHaveLength(2);
      // A training that fails keeps the data it was given: the next one with new parameters needs no resend.
      await expect(
        session.train('d', syntheticBinary(300, 3, 31), {
          ...settings(0.3),
          params: { ...HIST_LOGISTIC, max_depth: -1 },
        }),
      ).rejects.toThrow(/max_depth/);
      expect(['q', 'd'].map((k) => session.holds(k))).toEqual([true, true]);
      await expect(session.train('d', null, settings(0.3))).resolves.toHaveProperty('model');
      await expect(
        session.train('d', null, { ...settings(0.3), predict: syntheticBinary(10, 3, 32) }),
      ).rejects.toThrow('kept evals and predict rows');
    } finally {
      session.close();
    }
    expect(session.holds('d')).toBe(false);
    await expect(session.train('e', syntheticBinary(300, 3, 33), settings(0.3))).rejects.toThrow(/exited/);
  });
});
