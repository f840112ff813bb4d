import {
  allreduce,
  collectiveConfig,
  collectiveRank,
  collectiveWorldSize,
  initCollective,
  isDistributed,
  taskIdText,
} from '../../src/model/xgboost/collective';
import { aucFromHistogram, scoreHistogram } from '../../src/distributed/global-auc';
import { rocAuc } from '../../src/model/metrics/roc';
import { createRandom } from '../../src/util/random';

describe('the collective binding', () => {
  it('outside a collective: rank 0 of 1, allreduce leaves values alone', () => {
    expect([collectiveRank(), collectiveWorldSize(), isDistributed()]).toEqual([0, 1, false]);
    expect(Array.from(allreduce(Float64Array.from([1, 2.5])))).toEqual([1, 2.5]);
  });

  it('writes the config keys XGBoost 1.7 reads, task ids padded so the tracker sorts them as numbers', () => {
    expect(collectiveConfig({ host: '127.0.0.1', port: 9091, taskId: 3 })).toEqual({
      xgboost_communicator: 'rabit',
      DMLC_TRACKER_URI: '127.0.0.1',
      DMLC_TRACKER_PORT: 9091,
      DMLC_WORKER_CONNECT_RETRY: 5,
      DMLC_TASK_ID: '000003',
    });
    expect(taskIdText(10) > taskIdText(9)).toBe(true);
    expect(() => collectiveConfig({ host: '', port: 1 })).toThrow('tracker host');
    expect(() => collectiveConfig({ host: 'h', port: 70000 })).toThrow('1..65535');
    expect(() => collectiveConfig({ host: 'h', port: 1, taskId: -1 })).toThrow('task id');
  });

  it('an unreachable tracker is an error naming it, not a hang or a crash', () => {
    // Port 1 on loopback: nothing listens there (connection refused at once).
    expect(() => initCollective({ host: '127.0.0.1', port: 1, connectRetry: 1 })).toThrow(
      /cannot join the tracker at 127\.0\.0\.1:1 after 1 attempt\(s\) .*is the tracker running/,
    );
  });
});

describe('global AUC from summed score histograms', () => {
  it('matches the exact AUC to well below 0.001', () => {
    const rng = createRandom(5);
    const n = 5000;
    const labels = new Float32Array(n);
    const scores = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = rng.next() < 0.4 ? 1 : 0;
      scores[i] = 1 / (1 + Math.exp(-(labels[i] * 1.5 + rng.normal())));
    }
    // Two "workers" halves summed = the histogram of all rows.
    const a = scoreHistogram(scores.subarray(0, 2000), labels.subarray(0, 2000));
    const b = scoreHistogram(scores.subarray(2000), labels.subarray(2000));
    for (let i = 0; i < a.length; i++) a[i] += b[i];
    expect(Math.abs(aucFromHistogram(a) - rocAuc(labels, scores))).toBeLessThan(1e-4);
  });

  it('counts ties as one half and needs both classes', () => {
    const h = scoreHistogram(Float32Array.from([0.5, 0.5]), Float32Array.from([1, 0]), 4);
    expect(aucFromHistogram(h, 4)).toBe(0.5);
    expect(
      aucFromHistogram(scoreHistogram(Float32Array.from([0.2]), Float32Array.from([1]), 4), 4),
    ).toBeNaN();
    expect(() => scoreHistogram(Float32Array.from([2]), Float32Array.from([1]))).toThrow('row 0 holds 2');
  });
});
