/**
 * Distributed training on loopback (127.0.0.1 only): real tracker (python3 RabitTracker), real worker processes
 * (`lab worker`), real libxgboost collective. Small data so the suite takes seconds of training; most of its
 * time is the start-up of the worker processes.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Writable } from 'stream';
import { readShard } from '../../src/distributed/read-shard';
import { trainDistributed } from '../../src/distributed/train-distributed';
import type { DistributedModelMeta } from '../../src/distributed/worker';
import type { ShardManifest } from '../../src/distributed/manifest';
import { rocAuc } from '../../src/model/metrics/roc';
import { PROMOTION_PARAMS } from '../../src/model/params';
import { Booster, DMatrix, train, type DenseMatrix } from '../../src/model/xgboost';
import { demoFile, shardDemo } from './fixture';

const ROUNDS = 100;
/**
 * Shallower and slower-learning than the pipeline's depth 6 / eta 0.3: on 20k demo rows that model's test AUC
 * moves by 0.003 when only its bin edges move (measured: max_bin 256 → 255 in one process, 100k rows), which is
 * the whole tolerance. This one is stable enough for 0.002 to test the collective, not the noise.
 */
const PARAMS = { max_depth: 4, eta: 0.1 };

function concat(parts: DenseMatrix[]): DenseMatrix & { labels: Float32Array } {
  const rows = parts.reduce((s, p) => s + p.rows, 0);
  const cols = parts[0].cols;
  const data = new Float32Array(rows * cols);
  const labels = new Float32Array(rows);
  let at = 0;
  for (const p of parts) {
    data.set(p.data, at * cols);
    labels.set(p.labels!, at);
    at += p.rows;
  }
  return { data, rows, cols, labels };
}

async function allRows(out: string, manifest: ShardManifest) {
  const shards = await Promise.all(
    manifest.shards.map((s) => readShard(path.join(out, s.file), manifest.features)),
  );
  return { train: concat(shards.map((s) => s.train)), test: concat(shards.map((s) => s.test)) };
}

function testAuc(booster: Booster, test: DenseMatrix & { labels: Float32Array }): number {
  const d = DMatrix.fromDense({ data: test.data, rows: test.rows, cols: test.cols });
  const scores = booster.predict(d);
  d.free();
  return rocAuc(test.labels, scores);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('lab train --workers N on loopback', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => ({ dir, file } = await demoFile(20000)));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([2, 4])(
    '%i workers train a model within 0.002 test AUC of one process on the same rows',
    async (n) => {
      const { out, manifest } = await shardDemo(file, dir, n);
      const modelDir = path.join(dir, `models-${n}`);
      const result = await trainDistributed({
        shards: out,
        workers: n,
        rounds: ROUNDS,
        params: PARAMS,
        nthread: 1,
        modelDir,
        log: null,
      });
      expect(result.workers.map((w) => [w.rank, w.worldSize])).toEqual(
        Array.from({ length: n }, (_, r) => [r, n]),
      );
      expect(result.workers.map((w) => w.trainRows)).toEqual(manifest.shards.map((s) => s.trainRows));

      const rows = await allRows(out, manifest);
      const single = train(rows.train, {
        params: { ...PROMOTION_PARAMS, ...PARAMS },
        rounds: ROUNDS,
        nthread: 1,
      }).booster;
      const distributed = Booster.load(result.files.model);
      expect(distributed.boostedRounds()).toBe(ROUNDS);
      const aucSingle = testAuc(single, rows.test);
      const aucDistributed = testAuc(distributed, rows.test);
      expect(aucSingle).toBeGreaterThan(0.85);
      expect(Math.abs(aucDistributed - aucSingle)).toBeLessThan(0.002);

      // The meta: the global AUC the workers computed together, and the shard manifest.
      const meta = JSON.parse(fs.readFileSync(result.files.meta, 'utf8')) as DistributedModelMeta;
      expect(meta.workers).toBe(n);
      expect(meta.shards.contentHash).toBe(manifest.contentHash);
      expect(meta.metrics.test.rows).toBe(rows.test.rows);
      expect(Math.abs(meta.metrics.test.rocAuc - aucDistributed)).toBeLessThan(1e-3);
      expect(result.workers.every((w) => w.testAuc === meta.metrics.test.rocAuc)).toBe(true);
      expect(fs.readdirSync(modelDir).sort()).toEqual([
        'distributed_model.json',
        'distributed_model.meta.json',
      ]);

      // Python's xgboost (Debian python3-xgboost) loads the model and predicts the same.
      const d = DMatrix.fromDense({
        data: rows.test.data.subarray(0, 5 * rows.test.cols),
        rows: 5,
        cols: rows.test.cols,
      });
      const ours = Array.from(distributed.predict(d));
      d.free();
      const script = `
import json, sys, numpy as np, xgboost as xgb
b = xgb.Booster(model_file=sys.argv[1])
x = np.array(json.loads(sys.argv[2]), dtype=np.float32).reshape(5, -1)
print(json.dumps(b.predict(xgb.DMatrix(x, missing=np.nan)).tolist()))`;
      const values = Array.from(rows.test.data.subarray(0, 5 * rows.test.cols), (v) =>
        Number.isNaN(v) ? null : v,
      );
      const py = spawnSync(
        '/usr/bin/python3',
        ['-c', script, result.files.model, JSON.stringify(values).replace(/null/g, 'NaN')],
        {
          encoding: 'utf8',
        },
      );
      expect(py.stderr).not.toMatch(/Error/);
      const theirs = JSON.parse(py.stdout) as number[];
      theirs.forEach((p, i) => expect(p).toBeCloseTo(ours[i], 6));
      for (const b of [single, distributed]) b.free();
    },
  );

  it('a worker killed mid-training ends the job with one clear message, no model, nothing left running', async () => {
    const { out } = await shardDemo(file, dir, 3);
    const modelDir = path.join(dir, 'models-killed');
    const pids: number[] = [];
    let trackerPid = 0;
    let killed = false;
    // Rank 0 reports every 10% of the rounds: kill worker 1 at the first report, i.e. mid-training.
    const log = new Writable({
      write(chunk, _enc, done) {
        if (!killed && /\[worker 0\] round \d+/.test(String(chunk))) {
          killed = true;
          process.kill(pids[1], 'SIGKILL');
        }
        done();
      },
    });
    const job = trainDistributed({
      shards: out,
      rounds: 300,
      modelDir,
      log,
      onWorkerStarted: (_rank, pid) => pids.push(pid),
      onTrackerStarted: (pid) => (trackerPid = pid),
    });
    await expect(job).rejects.toThrow(
      /^distributed training failed: worker 1 \(pid \d+\) was killed by SIGKILL after [\d.]+ s\. Stopped every worker \(3\) and the tracker; no model was written\.$/,
    );
    expect(killed).toBe(true);
    expect(pids).toHaveLength(3);
    expect([...pids, trackerPid].filter(alive)).toEqual([]);
    expect(fs.existsSync(modelDir) ? fs.readdirSync(modelDir) : []).toEqual([]);
  });

  it('lab tracker + one lab worker per shard (the multi-host commands) train and save a model', async () => {
    const { out, manifest } = await shardDemo(file, dir, 2);
    const modelDir = path.join(dir, 'models-hosts');
    const lab = path.resolve(__dirname, '../../bin/lab.js');
    const run = (args: string[]) => {
      const child = spawn(process.execPath, [lab, ...args]);
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return { child, exit, stdout: () => stdout };
    };
    const tracker = run(['tracker', '--workers', '2']);
    try {
      let address = '';
      for (let i = 0; i < 300 && !address; i++) {
        address = /tracker listening on (127\.0\.0\.1:\d+)/.exec(tracker.stdout())?.[1] ?? '';
        if (!address) await new Promise((r) => setTimeout(r, 100));
      }
      expect(address).not.toBe('');
      const workers = manifest.shards.map((s, rank) =>
        run(
          ['worker', '--tracker', address, '--rank', String(rank), '--shard', path.join(out, s.file)].concat([
            '--workers',
            '2',
            '--rounds',
            '5',
            '--model-dir',
            modelDir,
            '--json',
            '--quiet',
          ]),
        ),
      );
      expect(await Promise.all(workers.map((w) => w.exit))).toEqual([0, 0]);
      expect(await tracker.exit).toBe(0);
      expect(tracker.stdout()).toContain('tracker: every worker finished');
      const results = workers.map((w) => JSON.parse(w.stdout().trim().split('\n').pop()!));
      expect(results.map((r) => [r.rank, r.worldSize])).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(Booster.load(path.join(modelDir, 'distributed_model.json')).boostedRounds()).toBe(5);
    } finally {
      tracker.child.kill();
    }
  });

  it('refuses a worker count that is not the shard count', async () => {
    const { out } = await shardDemo(file, dir, 1);
    await expect(trainDistributed({ shards: out, workers: 2, log: null })).rejects.toThrow(
      'one worker reads one shard (re-shard with lab shard --parts 2)',
    );
  });
});
