import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withFileLock } from '../../src/util/file-lock';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const holderFile = (file: string, pid: number) =>
  fs.writeFileSync(file, JSON.stringify({ pid, host: os.hostname(), since: new Date().toISOString() }));

test('work runs holding the lock, which is released after it (also when it throws)', async () => {
  const lock = path.join(dir, 'a.lock');
  const seen = await withFileLock(lock, async () => JSON.parse(fs.readFileSync(lock, 'utf8')).pid);
  expect(seen).toBe(process.pid);
  expect(fs.existsSync(lock)).toBe(false);
  await expect(
    withFileLock(lock, async () => {
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(fs.existsSync(lock)).toBe(false);
});

test('waits while a live process holds the lock, says so once, and runs after it is released', async () => {
  const lock = path.join(dir, 'b.lock');
  const holder: ChildProcess = spawn('sleep', ['30']);
  try {
    holderFile(lock, holder.pid!);
    const waits: number[] = [];
    let ranAt = 0;
    const released = new Promise<number>((resolve) =>
      setTimeout(() => {
        fs.rmSync(lock);
        resolve(Date.now());
      }, 400),
    );
    await withFileLock(
      lock,
      async () => {
        ranAt = Date.now();
      },
      { pollMs: 20, announceAfterMs: 100, onWait: (h) => waits.push(h.pid) },
    );
    expect(ranAt).toBeGreaterThanOrEqual(await released);
    expect(waits).toEqual([holder.pid]);
  } finally {
    holder.kill();
  }
});

test('a lock left by a dead process is taken over at once', async () => {
  const lock = path.join(dir, 'c.lock');
  const dead = spawn('true');
  await new Promise((resolve) => dead.on('exit', resolve));
  holderFile(lock, dead.pid!);
  const started = Date.now();
  await withFileLock(lock, async () => undefined, { pollMs: 1000 });
  expect(Date.now() - started).toBeLessThan(1000);
});

test('an empty lock file (a crash while writing it) is stale after staleEmptyMs', async () => {
  const lock = path.join(dir, 'd.lock');
  fs.writeFileSync(lock, '');
  let ran = false;
  await withFileLock(
    lock,
    async () => {
      ran = true;
    },
    { pollMs: 20, staleEmptyMs: 150 },
  );
  expect(ran).toBe(true);
});

test('where no lock file can be written, the work runs unlocked', async () => {
  const notADir = path.join(dir, 'file');
  fs.writeFileSync(notADir, 'x');
  await expect(withFileLock(path.join(notADir, 'e.lock'), async () => 42)).resolves.toBe(42);
});

test('two holders in turn: the second starts after the first ends', async () => {
  const lock = path.join(dir, 'f.lock');
  const log: string[] = [];
  const job = (name: string) =>
    withFileLock(
      lock,
      async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        log.push(`${name} end`);
      },
      { pollMs: 10 },
    );
  await Promise.all([job('a'), job('b')]);
  expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
});
