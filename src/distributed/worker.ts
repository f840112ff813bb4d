/**
 * One worker of a distributed training (`lab worker`): read only its shard, join the tracker, build its local
 * QuantileDMatrix, train with the others (XGBoost allreduces sketches and histograms, so all ranks grow the same
 * trees), measure the test AUC over every worker's test rows, and — rank 0 only — save the model and its meta.
 *
 * No half-written model: rank 0 writes both files under temporary names and renames them only after the last
 * round and the global AUC, which every worker must reach; a worker that dies earlier leaves nothing behind.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROMOTION_PARAMS } from '../model/params';
import {
  QuantileDMatrix,
  train,
  xgboostVersion,
  type EvalHistory,
  type XGBoostParams,
} from '../model/xgboost';
import {
  collectiveRank,
  collectiveWorldSize,
  finalizeCollective,
  initCollective,
} from '../model/xgboost/collective';
import { globalAuc } from './global-auc';
import { readManifest, verifyShard, type ShardManifest } from './manifest';
import { readShard } from './read-shard';

export const DISTRIBUTED_META_FORMAT = 'spotify-insights-lab/distributed-model-meta@1';

export interface WorkerOptions {
  /** The tracker's address. */
  tracker: { host: string; port: number };
  /** This worker's rank (its task id; the tracker assigns ranks in task-id order). */
  rank: number;
  /** The Parquet shard this worker reads (and only this one). */
  shard: string;
  /** The manifest (file or folder). Default: manifest.json beside the shard. */
  manifest?: string;
  /** Expected number of workers; checked against the collective's world size when given. */
  workers?: number;
  /** Folder rank 0 saves into. Default: 'models'. */
  modelDir?: string;
  /** File stem: <name>.json and <name>.meta.json. Default: 'distributed_model'. */
  name?: string;
  /** Boosting rounds (no early stopping: every rank must stop at the same round). Default: 100. */
  rounds?: number;
  /** XGBoost parameters over PROMOTION_PARAMS (depth 6, eta 0.3, hist). Default: {}. */
  params?: XGBoostParams;
  /** XGBoost seed. Default: 0. */
  seed?: number;
  /** XGBoost threads per worker; 0 = all cores. Default: 0. */
  nthread?: number;
  /** Histogram bins (max_bin), the same on every worker. Default: 256. */
  maxBin?: number;
  /** Rows per batch handed to the QuantileDMatrix. Default: 65536. */
  batchRows?: number;
  /** Connection attempts to the tracker. Default: 3. */
  connectRetry?: number;
  /** Per-round progress (rounds done, total). */
  onProgress?: (done: number, total: number) => void;
}

export const WORKER_DEFAULTS = {
  modelDir: 'models',
  name: 'distributed_model',
  rounds: 100,
  params: {} as XGBoostParams,
  seed: 0,
  nthread: 0,
  maxBin: 256,
  batchRows: 65536,
  connectRetry: 3,
};

export interface WorkerResult {
  rank: number;
  worldSize: number;
  trainRows: number;
  testRows: number;
  /** Test AUC over all workers' test rows (global-auc.ts). */
  testAuc: number;
  /** All workers' test rows. */
  testRowsTotal: number;
  seconds: { read: number; matrix: number; train: number };
  /** Peak resident memory of this worker process, MiB. */
  peakRssMiB: number;
  /** Rank 0: the saved files. */
  files?: { model: string; meta: string };
}

export interface DistributedModelMeta {
  format: typeof DISTRIBUTED_META_FORMAT;
  features: string[];
  label: ShardManifest['label'];
  shards: ShardManifest;
  workers: number;
  params: XGBoostParams;
  rounds: number;
  maxBin: number;
  metrics: { test: { rows: number; rocAuc: number; auc: string } };
  history: EvalHistory;
  versions: { xgboost: string; node: string };
  createdAt: string;
}

const seconds = (since: number): number => Math.round((performance.now() - since) / 10) / 100;

export async function runWorker(options: WorkerOptions): Promise<WorkerResult> {
  const o = { ...WORKER_DEFAULTS, ...options };
  if (!Number.isInteger(o.rank) || o.rank < 0)
    throw new Error(`--rank must be an integer ≥ 0, got ${o.rank}`);
  const { manifest, dir } = readManifest(o.manifest ?? path.dirname(path.resolve(o.shard)));
  const entry = verifyShard(manifest, dir, o.shard);
  let t = performance.now();
  const data = await readShard(o.shard, manifest.features);
  if (data.train.rows === 0 || data.test.rows === 0) {
    throw new Error(`${o.shard}: needs train and test rows (has ${data.train.rows} and ${data.test.rows})`);
  }
  const read = seconds(t);

  initCollective({ ...o.tracker, taskId: o.rank, connectRetry: o.connectRetry });
  let finalized = false;
  try {
    const rank = collectiveRank();
    const worldSize = collectiveWorldSize();
    if (rank !== o.rank)
      throw new Error(`the tracker gave rank ${rank} to the worker started as rank ${o.rank}`);
    if (o.workers !== undefined && worldSize !== o.workers)
      throw new Error(`the collective has ${worldSize} workers, expected ${o.workers}`);

    t = performance.now();
    const dtrain = QuantileDMatrix.fromDense(data.train, {
      maxBin: o.maxBin,
      batchRows: o.batchRows,
      nthread: o.nthread,
    });
    const dtest = QuantileDMatrix.fromDense(data.test, {
      ref: dtrain,
      batchRows: o.batchRows,
      nthread: o.nthread,
    });
    const testLabels = data.test.labels;
    // The feature values now live only in XGBoost's bins: let the collector take the Float32Arrays.
    (data as { train: unknown }).train = null;
    (data as { test: unknown }).test = null;
    const matrix = seconds(t);

    t = performance.now();
    const params: XGBoostParams = {
      ...PROMOTION_PARAMS,
      eval_metric: 'logloss',
      ...o.params,
      max_bin: o.maxBin,
    };
    const result = train(dtrain, {
      params,
      rounds: o.rounds,
      seed: o.seed,
      nthread: o.nthread,
      evals: [{ name: 'test', matrix: dtest }],
      onProgress: o.onProgress,
    });
    const scores = result.booster.predict(dtest);
    const { auc, rows } = globalAuc(scores, testLabels);
    const trainSeconds = seconds(t);

    let files: WorkerResult['files'];
    if (rank === 0) {
      const meta: DistributedModelMeta = {
        format: DISTRIBUTED_META_FORMAT,
        features: manifest.features,
        label: manifest.label,
        shards: manifest,
        workers: worldSize,
        params,
        rounds: o.rounds,
        maxBin: o.maxBin,
        metrics: {
          test: {
            rows,
            rocAuc: auc,
            auc: "over all workers' test rows, from summed score histograms (2^16 bins)",
          },
        },
        history: result.history,
        versions: { xgboost: xgboostVersion().text, node: process.version },
        createdAt: new Date().toISOString(),
      };
      files = stageModel(o.modelDir, o.name, result.booster.toJson(), meta);
    }
    for (const h of [dtrain, dtest, result.booster]) h.free();
    finalizeCollective();
    finalized = true;
    // Every worker reached the end: only now do the files take their final names.
    if (files) files = commitModel(files);
    return {
      rank,
      worldSize,
      trainRows: entry.trainRows,
      testRows: entry.testRows,
      testAuc: auc,
      testRowsTotal: rows,
      seconds: { read, matrix, train: trainSeconds },
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      files,
    };
  } finally {
    if (!finalized) {
      try {
        finalizeCollective();
      } catch {
        // Already failing: the first error is the one to report.
      }
    }
  }
}

interface StagedFiles {
  model: string;
  meta: string;
  staged: { model: string; meta: string };
}

function stageModel(dir: string, name: string, model: Uint8Array, meta: DistributedModelMeta): StagedFiles {
  fs.mkdirSync(dir, { recursive: true });
  const final = { model: path.join(dir, `${name}.json`), meta: path.join(dir, `${name}.meta.json`) };
  const staged = {
    model: path.join(dir, `.${name}.json.tmp-${process.pid}`),
    meta: path.join(dir, `.${name}.meta.json.tmp-${process.pid}`),
  };
  fs.writeFileSync(staged.model, model);
  fs.writeFileSync(staged.meta, `${JSON.stringify(meta, null, 2)}\n`);
  return { ...final, staged };
}

function commitModel(files: StagedFiles | { model: string; meta: string }): { model: string; meta: string } {
  const f = files as StagedFiles;
  // Meta first: a reader that finds the model finds its meta.
  fs.renameSync(f.staged.meta, f.meta);
  fs.renameSync(f.staged.model, f.model);
  return { model: f.model, meta: f.meta };
}
