import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createDiskCache, deserialize, fileFingerprint, serialize, stableHash } from '../../src/util/cache';

test('typed arrays survive serialize/deserialize exactly', () => {
  const value = {
    a: new Float64Array([0.1, NaN, -Infinity, 1e-300]),
    b: new Int32Array([1, -2]),
    c: [1, 'x'],
  };
  const back = deserialize<typeof value>(serialize(value));
  expect(back.a).toBeInstanceOf(Float64Array);
  expect(Array.from(back.a)).toEqual([0.1, NaN, -Infinity, 1e-300]);
  expect(Array.from(back.b)).toEqual([1, -2]);
  expect(back.c).toEqual([1, 'x']);
});

test('stableHash ignores key order and sees typed-array content', () => {
  expect(stableHash({ a: 1, b: 2 })).toBe(stableHash({ b: 2, a: 1 }));
  expect(stableHash({ x: new Float64Array([1]) })).not.toBe(stableHash({ x: new Float64Array([2]) }));
});

test('getOrCompute computes once, then hits; refresh recomputes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cache-'));
  let calls = 0;
  const compute = () => ({ n: ++calls, v: new Uint8Array([calls]) });
  const cache = createDiskCache({ dir });
  const first = await cache.getOrCompute('step', { k: 1 }, compute);
  const second = await cache.getOrCompute('step', { k: 1 }, compute);
  expect([first.hit, second.hit]).toEqual([false, true]);
  expect(second.value.n).toBe(1);
  expect(Array.from(second.value.v)).toEqual([1]);
  const other = await cache.getOrCompute('step', { k: 2 }, compute);
  expect(other.value.n).toBe(2);
  const fresh = await createDiskCache({ dir, refresh: true }).getOrCompute('step', { k: 1 }, compute);
  expect([fresh.hit, fresh.value.n]).toEqual([false, 3]);
});

test('fileFingerprint changes when the content changes', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-fp-')), 'a.csv');
  fs.writeFileSync(file, 'a,b\n1,2\n');
  const before = fileFingerprint(file);
  fs.writeFileSync(file, 'a,b\n1,3\n');
  fs.utimesSync(file, new Date(0), new Date(0));
  expect(fileFingerprint(file)).not.toBe(before);
});
