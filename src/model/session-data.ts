/**
 * What a training session remembers of the data its trainings were prepared from, so that the next training on
 * the same table, labels, features and split (a notebook trying new parameters) skips the split, the checks and
 * the fingerprint, and finds its matrices still kept in the session's worker (TrainingSession).
 */
import type { TrackTable } from '../data/schema';
import type { StratifiedSplit } from './split';
import type { TrainingSession, XGBoostParams } from './xgboost';
import { KEPT_DATA_SETS } from './xgboost/train-worker';

/** What trainings on one table, labels array, feature list and split share, whatever their parameters. */
export interface PreparedData {
  /** Unique per prepared data: the first part of the session's key for its matrices. */
  id: number;
  table: TrackTable;
  labels: ArrayLike<number>;
  /** The feature list and split options, as JSON. */
  same: string;
  features: string[];
  positives: number;
  split: StratifiedSplit;
  fingerprint: string;
}

/** Per session, the data its last trainings were prepared from (newest last; as many as the worker keeps). */
const preparedBySession = new WeakMap<TrainingSession, PreparedData[]>();
let preparedIds = 0;

export function newPreparedId(): number {
  return ++preparedIds;
}

export function findPrepared(
  session: TrainingSession,
  table: TrackTable,
  labels: ArrayLike<number>,
  same: string,
): PreparedData | undefined {
  // The same arrays, not equal contents: a lab's steps hand out the very table and labels they computed.
  return preparedBySession
    .get(session)
    ?.find((d) => d.table === table && d.labels === labels && d.same === same);
}

export function remember(session: TrainingSession, data: PreparedData): void {
  const list = (preparedBySession.get(session) ?? []).filter((d) => d !== data);
  list.push(data);
  preparedBySession.set(session, list.slice(-KEPT_DATA_SETS));
}

/** The session's key for the matrices XGBoost trains on: they depend on the data and on how it is binned. */
export function matricesKey(id: number, params: XGBoostParams): string {
  return JSON.stringify([id, params.tree_method ?? null, params.max_bin ?? null]);
}
