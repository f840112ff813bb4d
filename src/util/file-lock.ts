/**
 * A lock between processes on one machine, held by a file that names its holder. Notebooks run side by side
 * (two kernels on two cores) and ask the step cache for the same steps: without it both would compute the
 * same k-means or training, and a core would do the work twice. With it the second waits, then reads the
 * first one's result from the cache.
 *
 * The lock file is created with O_EXCL and holds `{ pid, host, since }`. A holder that is gone (killed, a
 * crash) is detected by its pid and its lock taken over, so no run waits for a dead one.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface FileLockOptions {
  /** Milliseconds between checks while another process holds the lock. Default: 100. */
  pollMs?: number;
  /** Called once if this process has waited `announceAfterMs` for the lock, with its holder. Default: nothing. */
  onWait?: (holder: LockHolder) => void;
  /** How long a wait stays silent (most are short). Default: 3000. */
  announceAfterMs?: number;
  /** A lock file that names no holder after this long was left by a crash mid-write. Default: 10 000. */
  staleEmptyMs?: number;
}

export const FILE_LOCK_DEFAULTS = { pollMs: 100, announceAfterMs: 3000, staleEmptyMs: 10_000 } as const;

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
}

/**
 * Runs `work` while holding the lock file `lockFile`; waits while a live process holds it. Where no lock file
 * can be written, runs `work` unlocked.
 */
export async function withFileLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const o = { ...FILE_LOCK_DEFAULTS, ...options };
  const started = Date.now();
  let announced = false;
  for (;;) {
    const taken = tryTake(lockFile);
    // A folder that cannot hold the lock (read-only, full) costs at most duplicate work, never the result.
    if (taken === 'unavailable') return work();
    if (taken === 'taken') break;
    const holder = readHolder(lockFile);
    if (holder === null ? isOldEmpty(lockFile, o.staleEmptyMs) : !isAlive(holder)) {
      // Removing and re-creating is a race between waiters, which O_EXCL settles: one of them wins.
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (!announced && holder !== null && Date.now() - started >= o.announceAfterMs) {
      announced = true;
      o.onWait?.(holder);
    }
    await new Promise((resolve) => setTimeout(resolve, o.pollMs));
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

/** 'taken', 'held' (by someone else) or 'unavailable' (the folder cannot hold a lock file). */
function tryTake(lockFile: string): 'taken' | 'held' | 'unavailable' {
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  } catch {
    return 'unavailable';
  }
  try {
    fd = fs.openSync(lockFile, 'wx');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'held' : 'unavailable';
  }
  try {
    const holder: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    fs.writeSync(fd, JSON.stringify(holder));
    return 'taken';
  } catch {
    fs.rmSync(lockFile, { force: true });
    return 'unavailable';
  } finally {
    fs.closeSync(fd);
  }
}

/** The holder named in the file; null while it is being written or after it was released. */
function readHolder(lockFile: string): LockHolder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { pid: holder.pid, host: holder.host, since: String(holder.since) }
      : null;
  } catch {
    return null;
  }
}

function isOldEmpty(lockFile: string, staleMs: number): boolean {
  try {
    return Date.now() - fs.statSync(lockFile).mtimeMs > staleMs;
  } catch {
    return false; // released meanwhile: the next try takes it
  }
}

/** A holder on another host cannot be checked: it is taken as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
