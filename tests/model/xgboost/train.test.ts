import { Booster, DMatrix, isMaximizedMetric, train } from '../../../src/model/xgboost';
import { HIST_LOGISTIC, syntheticBinary } from './synthetic';

describe('train', () => {
  const trainSet = syntheticBinary(1500, 4, 1);
  const validSet = syntheticBinary(500, 4, 2);

  it('records the metric history per set and reports each round', () => {
    const rounds: number[] = [];
    const progress: Array<[number, number]> = [];
    const { booster, history, bestIteration } = train(trainSet, {
      params: { ...HIST_LOGISTIC, eval_metric: ['logloss'].join() },
      rounds: 8,
      evals: [
        { name: 'train', matrix: trainSet },
        { name: 'valid', matrix: validSet },
      ],
      onRound: (info) => rounds.push(info.round),
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(rounds).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(progress[7]).toEqual([8, 8]);
    expect(history.train.logloss).toHaveLength(8);
    expect(history.train.logloss[7]).toBeLessThan(history.train.logloss[0]);
    expect(bestIteration).toBeGreaterThanOrEqual(0);
    booster.free();
  });

  it('stops early on the last metric of the last set and stores best_iteration like Python', () => {
    const { booster, history, bestIteration, bestScore } = train(trainSet, {
      params: { ...HIST_LOGISTIC, eta: 1, max_depth: 6, eval_metric: 'auc' },
      rounds: 200,
      earlyStoppingRounds: 3,
      evals: [{ name: 'valid', matrix: validSet }],
    });
    const auc = history.valid.auc;
    expect(auc.length).toBeLessThan(200);
    expect(auc.length).toBe(bestIteration + 4);
    expect(bestScore).toBe(Math.max(...auc));
    expect(booster.getAttr('best_iteration')).toBe(String(bestIteration));
    booster.free();
  });

  it('is reproducible for a seed, and subsampling makes the seed matter', () => {
    const params = { ...HIST_LOGISTIC, subsample: 0.5 };
    const dmat = DMatrix.fromDense(validSet);
    const run = (seed: number): Float32Array => {
      const { booster } = train(trainSet, { params, rounds: 5, seed });
      const p = booster.predict(dmat);
      booster.free();
      return p;
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
    dmat.free();
  });

  it('rejects labels outside [0, 1] for binary:logistic, naming the row', () => {
    const bad = { ...trainSet, labels: trainSet.labels.slice() };
    bad.labels[7] = 2;
    expect(() => train(bad, { params: HIST_LOGISTIC, rounds: 1 })).toThrow(
      'binary:logistic needs labels in [0, 1]; the training matrix has 2 at row 7',
    );
  });

  it("surfaces XGBoost's own error for labels it refuses when called directly", () => {
    const bad = { ...trainSet, labels: trainSet.labels.slice() };
    bad.labels[0] = 3;
    const dmat = DMatrix.fromDense(bad);
    const booster = Booster.create(HIST_LOGISTIC, [dmat]);
    expect(() => booster.update(dmat, 0)).toThrow('label must be in [0,1] for logistic regression');
    booster.free();
    dmat.free();
  });

  it('rejects an unknown parameter, an unknown objective, and bad round counts', () => {
    expect(() => train(trainSet, { params: { ...HIST_LOGISTIC, learning_rte: 0.1 }, rounds: 1 })).toThrow(
      '{ "learning_rte" } are not used',
    );
    expect(() => train(trainSet, { params: { objective: 'binary:nope' }, rounds: 1 })).toThrow(
      'Unknown objective function: `binary:nope`',
    );
    expect(() => train(trainSet, { rounds: 0 })).toThrow('rounds must be a positive integer, got 0');
    expect(() => train(trainSet, { earlyStoppingRounds: 2 })).toThrow('needs at least one eval set');
  });

  it('knows which metrics are maximized', () => {
    expect(['auc', 'aucpr', 'ndcg@5', 'map'].every(isMaximizedMetric)).toBe(true);
    expect(['logloss', 'error', 'rmse'].some(isMaximizedMetric)).toBe(false);
  });
});
