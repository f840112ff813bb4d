import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createDiskCache,
  deserialize,
  encodeEntry,
  fileFingerprint,
  serialize,
  stableHash,
} from '../../src/util/cache';
import { shapeCheck } from '../../src/util/shape-check';

const tmpDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

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
  const dir = tmpDir('lab-cache-');
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

test('a value that is not cacheable (a stand-in answer) is returned but not stored: the next call computes again', async () => {
  const dir = tmpDir('lab-cache-keep-');
  const cache = createDiskCache({ dir });
  let answer = 'offline stand-in';
  const options = { cacheable: (v: { text: string }) => v.text !== 'offline stand-in' };
  const compute = () => ({ text: answer });
  expect(await cache.getOrCompute('explanation', 1, compute, options)).toEqual({
    value: { text: 'offline stand-in' },
    hit: false,
  });
  expect(fs.readdirSync(dir)).toEqual([]);
  answer = 'from the LLM';
  expect((await cache.getOrCompute('explanation', 1, compute, options)).hit).toBe(false);
  answer = 'changed';
  expect(await cache.getOrCompute('explanation', 1, compute, options)).toEqual({
    value: { text: 'from the LLM' },
    hit: true,
  });
});

describe('a bad entry is reported in one line and recomputed, never trusted', () => {
  const value = { evaluation: { rocAuc: 0.8125 }, scores: new Float64Array([0.25, 0.75]) };
  const good = encodeEntry('model', value);
  const cases: [string, string, RegExp][] = [
    ['{}', '{}', /no cache header/],
    ['null', 'null', /no cache header/],
    ['an empty file', '', /empty file/],
    ['a value from before entries had headers', serialize(value), /no cache header/],
    ['truncated JSON', good.slice(0, good.length - 20), /\d+ of \d+ bytes \(truncated or edited\)/],
    ['an edited value (rocAuc → 0.999)', good.replace('0.8125', '0.9990'), /content hash mismatch/],
    ['another step’s entry', encodeEntry('trends', value), /holds step 'trends', expected 'model'/],
  ];
  test.each(cases)('%s', async (_what, text, reason) => {
    const dir = tmpDir('lab-cache-bad-');
    const warnings: string[] = [];
    const cache = createDiskCache({ dir, warn: (line) => warnings.push(line) });
    const file = cache.fileFor('model', { k: 1 });
    fs.writeFileSync(file, text);
    let calls = 0;
    const got = await cache.getOrCompute('model', { k: 1 }, () => (calls++, value));
    expect(got.hit).toBe(false);
    expect(calls).toBe(1);
    expect(got.value.evaluation.rocAuc).toBe(0.8125);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).toMatch(/recomputing model$/);
    expect(warnings[0]).not.toContain('\n');
    // The recomputed entry replaced the bad one: the next read is a clean hit.
    const again = await cache.getOrCompute('model', { k: 1 }, () => (calls++, value));
    expect([again.hit, calls, warnings.length]).toEqual([true, 1, 1]);
    expect(Array.from(again.value.scores)).toEqual([0.25, 0.75]);
  });

  test('a well-formed entry of the wrong shape (hash intact) fails its shape check', async () => {
    const dir = tmpDir('lab-cache-shape-');
    const warnings: string[] = [];
    const cache = createDiskCache({ dir, warn: (line) => warnings.push(line) });
    fs.writeFileSync(cache.fileFor('model', 1), encodeEntry('model', { evaluation: {} }));
    const shape = shapeCheck({ evaluation: { rocAuc: 'number' }, scores: 'typed' });
    const got = await cache.getOrCompute('model', 1, () => value, { shape });
    expect(got.hit).toBe(false);
    expect(warnings).toEqual([
      `cache: ${cache.fileFor('model', 1)}: unexpected shape: evaluation.rocAuc is missing; recomputing model`,
    ]);
    expect((await cache.getOrCompute('model', 1, () => value, { shape })).hit).toBe(true);
  });
});

test('a write that fails like a full disk names the file, leaves no .tmp, and still returns the value', async () => {
  const dir = tmpDir('lab-cache-full-');
  const warnings: string[] = [];
  const cache = createDiskCache({
    dir,
    warn: (line) => warnings.push(line),
    writeFile: (file, text) => {
      fs.writeFileSync(file, text.slice(0, 10)); // a partial write, then the disk is full
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' });
    },
  });
  const got = await cache.getOrCompute('model', { k: 1 }, () => ({ n: 1 }));
  expect(got).toEqual({ value: { n: 1 }, hit: false });
  expect(warnings).toEqual([
    `cache: could not write ${cache.fileFor('model', { k: 1 })} (ENOSPC); continuing without caching it`,
  ]);
  expect(fs.readdirSync(dir)).toEqual([]);
});

// A real full disk: a 64 KiB tmpfs, where the system allows mounting one (root on Linux); skipped elsewhere.
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tmpDir('lab-cache-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

(canMount ? test : test.skip)('on a real full tmpfs: the same one line, and no .tmp left', async () => {
  const dir = tmpDir('lab-cache-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  try {
    const warnings: string[] = [];
    const cache = createDiskCache({ dir, warn: (line) => warnings.push(line) });
    const big = { scores: new Float64Array(100_000).fill(0.5) }; // 800 KB of data, ~1 MB as base64
    const got = await cache.getOrCompute('model', 1, () => big);
    expect(got.value.scores.length).toBe(100_000);
    expect(warnings).toEqual([
      `cache: could not write ${cache.fileFor('model', 1)} (ENOSPC); continuing without caching it`,
    ]);
    expect(fs.readdirSync(dir)).toEqual([]);
  } finally {
    execFileSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('fileFingerprint changes when the content changes', () => {
  const file = path.join(tmpDir('lab-fp-'), 'a.csv');
  fs.writeFileSync(file, 'a,b\n1,2\n');
  const before = fileFingerprint(file);
  fs.writeFileSync(file, 'a,b\n1,3\n');
  fs.utimesSync(file, new Date(0), new Date(0));
  expect(fileFingerprint(file)).not.toBe(before);
});

describe('side by side, a (step, key) is computed once', () => {
  test('two caches on one folder: the second waits for the first and reads its value', async () => {
    const dir = tmpDir('lab-cache-lock-');
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { value: 7 };
    };
    const [a, b] = await Promise.all([
      createDiskCache({ dir }).getOrCompute('step', { k: 1 }, compute),
      createDiskCache({ dir }).getOrCompute('step', { k: 1 }, compute),
    ]);
    expect(computed).toBe(1);
    expect([a.hit, b.hit].sort()).toEqual([false, true]);
    expect(b.value).toEqual({ value: 7 });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  test('two processes: one computes, the other waits and reads it', () => {
    const dir = tmpDir('lab-cache-procs-');
    const root = path.resolve(__dirname, '..', '..');
    const script = path.join(dir, 'worker.ts');
    fs.writeFileSync(
      script,
      `import * as fs from 'fs';
import { createDiskCache } from ${JSON.stringify(path.join(root, 'src/util/cache'))};
createDiskCache({ dir: ${JSON.stringify(path.join(dir, 'cache'))} })
  .getOrCompute('slow', { n: 1 }, async () => {
    fs.appendFileSync(${JSON.stringify(path.join(dir, 'computed.txt'))}, process.pid + '\\n');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return 42;
  })
  .then((r) => console.log(JSON.stringify(r)));
`,
    );
    const run = `node ${path.join(root, 'bin/run-ts.js')} ${script}`;
    const out = execFileSync('bash', ['-c', `${run} & ${run} & wait`], { encoding: 'utf8' });
    const results = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results.map((r) => r.value)).toEqual([42, 42]);
    expect(results.map((r) => r.hit).sort()).toEqual([false, true]);
    expect(fs.readFileSync(path.join(dir, 'computed.txt'), 'utf8').trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
