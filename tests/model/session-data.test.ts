import {
  findPrepared,
  matricesKey,
  newPreparedId,
  remember,
  type PreparedData,
} from '../../src/model/session-data';
import type { TrainingSession } from '../../src/model/xgboost';
import { KEPT_DATA_SETS } from '../../src/model/xgboost/train-worker';
import { promotionTable } from './promotion-fixture';

const prepared = (same = 'f'): PreparedData => {
  const { table, labels } = promotionTable(20, newPreparedId());
  const split = { train: new Uint32Array(), validation: new Uint32Array(), test: new Uint32Array() };
  return { id: newPreparedId(), table, labels, same, features: [], positives: 0, split, fingerprint: '' };
};

test('a session finds what it prepared by the same table and labels arrays and settings, the last few only', () => {
  // Only its identity matters to the map: a plain object stands for the session here.
  const session = {} as TrainingSession;
  const [a, b, c] = [prepared(), prepared(), prepared()];
  remember(session, a);
  expect(findPrepared(session, a.table, a.labels, 'f')).toBe(a);
  expect(findPrepared(session, a.table, a.labels, 'other features')).toBeUndefined();
  expect(findPrepared(session, { ...a.table }, a.labels, 'f')).toBeUndefined();
  expect(findPrepared(session, a.table, Array.from(a.labels), 'f')).toBeUndefined();
  expect(findPrepared({} as TrainingSession, a.table, a.labels, 'f')).toBeUndefined();
  remember(session, b);
  remember(session, a); // used again: now the newest
  remember(session, c);
  expect(KEPT_DATA_SETS).toBe(2);
  expect([a, b, c].map((d) => findPrepared(session, d.table, d.labels, 'f'))).toEqual([a, undefined, c]);
});

test("the matrices' key changes with the data and with how it is binned, not with other parameters", () => {
  const key = matricesKey(1, { tree_method: 'hist', eta: 0.3 });
  expect(matricesKey(1, { tree_method: 'hist', eta: 0.1, max_depth: 3 })).toBe(key);
  expect(matricesKey(2, { tree_method: 'hist', eta: 0.3 })).not.toBe(key);
  expect(matricesKey(1, { tree_method: 'hist', max_bin: 64 })).not.toBe(key);
  expect(matricesKey(1, { tree_method: 'approx' })).not.toBe(key);
});
