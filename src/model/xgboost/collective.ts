/**
 * XGBoost's collective (Rabit in 1.7): the layer under XGBoost-Spark, -Dask and -Ray that lets N processes
 * train one model. Each worker joins the tracker with `initCollective`, builds a matrix of its own rows, and
 * trains as usual: XGBoost allreduces the quantile sketches and the gradient histograms, so every worker ends
 * with the same trees. Metrics are allreduced too (the AUC a worker prints is the AUC over every worker's rows).
 *
 * Facts of libxgboost 1.7.4: the config keys are the ones Python's `xgboost.collective.init` documents
 * (`DMLC_TRACKER_URI`, `DMLC_TRACKER_PORT`, `DMLC_TASK_ID`, ...); the tracker (`xgboost.tracker.RabitTracker`
 * with `sortby='task'`) hands out ranks in the string order of task ids, so ids are zero-padded; the
 * communicator is process-wide (one per process, not per thread), and `finalize` tells the tracker this worker
 * is done.
 */
import { check, xgb } from './native';

export interface CollectiveOptions {
  /** Tracker host (name or IP). */
  host: string;
  /** Tracker port. */
  port: number;
  /** This worker's task id: with a tracker sorting by task, rank = position of the id. Default: none. */
  taskId?: number;
  /** Connection attempts to the tracker before giving up (DMLC_WORKER_CONNECT_RETRY). Default: 5. */
  connectRetry?: number;
  /** Seconds a collective operation may wait for the other workers (rabit_timeout_sec); 0 = forever. Default: 0. */
  timeoutSec?: number;
}

export const COLLECTIVE_DEFAULTS = { connectRetry: 5, timeoutSec: 0 } as const;

/** The task id as the tracker sorts it: zero-padded so that '10' sorts after '9'. */
export function taskIdText(taskId: number): string {
  return String(taskId).padStart(6, '0');
}

/** XGCommunicatorInit's JSON for `options` (exported for tests and for the docs). */
export function collectiveConfig(options: CollectiveOptions): Record<string, string | number> {
  const o = { ...COLLECTIVE_DEFAULTS, ...options };
  if (typeof o.host !== 'string' || o.host === '')
    throw new Error('the tracker host must be a non-empty string');
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535)
    throw new Error(`the tracker port must be an integer in 1..65535, got ${o.port}`);
  if (o.taskId !== undefined && (!Number.isInteger(o.taskId) || o.taskId < 0))
    throw new Error(`the task id must be an integer ≥ 0, got ${o.taskId}`);
  if (!Number.isInteger(o.connectRetry) || o.connectRetry < 1)
    throw new Error(`connectRetry must be an integer ≥ 1, got ${o.connectRetry}`);
  const config: Record<string, string | number> = {
    xgboost_communicator: 'rabit',
    DMLC_TRACKER_URI: o.host,
    DMLC_TRACKER_PORT: o.port,
    DMLC_WORKER_CONNECT_RETRY: o.connectRetry,
  };
  if (o.taskId !== undefined) config.DMLC_TASK_ID = taskIdText(o.taskId);
  if (o.timeoutSec > 0) {
    config.rabit_timeout = 1;
    config.rabit_timeout_sec = o.timeoutSec;
  }
  return config;
}

/** Joins the tracker: blocks until every worker of the job has connected. */
export function initCollective(options: CollectiveOptions): void {
  const config = collectiveConfig(options);
  try {
    check(
      xgb().XGCommunicatorInit(JSON.stringify(config)),
      `joining the tracker at ${options.host}:${options.port}`,
    );
  } catch (err) {
    throw new Error(
      `cannot join the tracker at ${options.host}:${options.port} after ${config.DMLC_WORKER_CONNECT_RETRY} attempt(s) ` +
        `(${(err as Error).message}): is the tracker running (lab tracker / lab train), and can this host reach that port?`,
    );
  }
}

/** This worker's rank in [0, worldSize); 0 outside a collective. */
export function collectiveRank(): number {
  return xgb().XGCommunicatorGetRank();
}

/** Number of workers in the collective; 1 outside one. */
export function collectiveWorldSize(): number {
  return xgb().XGCommunicatorGetWorldSize();
}

/** Whether this process is part of a collective of more than one worker. */
export function isDistributed(): boolean {
  return xgb().XGCommunicatorIsDistributed() !== 0;
}

/** Prints a line through the tracker (it appears on the tracker's output, prefixed by nothing). */
export function collectivePrint(message: string): void {
  check(xgb().XGCommunicatorPrint(message), 'printing through the tracker');
}

/** XGBoost's DataType and Operation enums (collective.py's DTYPE_ENUM__ and Op). */
const FLOAT64 = 7;
const OPS = { max: 0, min: 1, sum: 2 } as const;

/**
 * Combines `values` element-wise across all workers, in place (every worker passes an array of the same
 * length and gets the same result back). Outside a collective it leaves the values as they are.
 */
export function allreduce(values: Float64Array, op: keyof typeof OPS = 'sum'): Float64Array {
  if (values.length === 0) return values;
  check(xgb().XGCommunicatorAllreduce(values, values.length, FLOAT64, OPS[op]), `allreduce (${op})`);
  return values;
}

/** Leaves the collective (tells the tracker this worker is done). */
export function finalizeCollective(): void {
  check(xgb().XGCommunicatorFinalize(), 'leaving the collective');
}
