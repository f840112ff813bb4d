/**
 * One run's outputs as one set: models/, figures/, reports/dashboard/ and reports/notebooks/ always come from
 * the same run, or from the previous complete one.
 *
 * - A lock (`.lab-run.lock` in the output folder, holding pid, host, start time and command) serialises runs
 *   on one folder: a second run says which run holds it and waits; a lock whose process is gone (kill -9,
 *   power cut) is taken over.
 * - Before writing, the previous set is moved aside (`.lab-previous/`) and the run starts from empty folders,
 *   so nothing an earlier run wrote survives unless this run writes it again (a stale popularity_model.json
 *   from another data file, the notebooks of a run with other parameters).
 * - A run that fails (or is killed) puts the previous set back: on failure at once, after kill -9 when the
 *   next run takes the stale lock. A run that succeeds drops the previous set.
 * Rollback rather than a staging folder swapped in at the end: every writer (the lab's model save, the
 * notebook kernels' own labs, nbconvert) keeps its usual paths. The price: while a run is going, its folders
 * hold that run's partial output. Tracked README.md files in these folders are kept.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The folders (relative to the output folder) that make one run's output set. */
export const OUTPUT_SET = [
  'models',
  'figures',
  path.join('reports', 'dashboard'),
  path.join('reports', 'notebooks'),
];

/** Files that belong to the repository, not to a run: carried over into each new set. */
const KEPT = ['README.md'];

const LOCK = '.lab-run.lock';
const PREVIOUS = '.lab-previous';

export interface RunLockHolder {
  pid: number;
  host: string;
  /** ISO time the run started. */
  startedAt: string;
  command: string;
}

export interface OutputSetOptions {
  /** Give up waiting for another run's lock after this many ms. Default: 6 hours (a 1.2M-row run with notebooks takes minutes). */
  waitMs?: number;
  /** How often to look at the lock again while waiting, ms. Default: 1000. */
  pollMs?: number;
  /** Where the one-line notices go (waiting for a run, a killed run's set restored). Default: console.warn. */
  notice?: (line: string) => void;
  /** The command recorded in the lock. Default: this process's arguments. */
  command?: string;
}

export const OUTPUT_SET_DEFAULTS = { waitMs: 6 * 3600_000, pollMs: 1000 } as const;

export interface OutputSet {
  readonly outDir: string;
  /** Keeps what the run wrote, drops the previous set, releases the lock. */
  commit(): void;
  /** Puts the previous set back (what the run wrote is removed), releases the lock. */
  rollback(): void;
}

function describe(holder: RunLockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}: ${holder.command}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): RunLockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as RunLockHolder;
  } catch {
    return null; // removed meanwhile, or half written: look again
  }
}

/** Marks, in the previous set, a folder that did not exist before the run. */
const absentMarker = (previous: string, folder: string) =>
  path.join(previous, `${folder.split(path.sep).join('__')}.absent`);

/** Moves the previous set back into place (after a failed or killed run). */
function restorePrevious(outDir: string): void {
  const previous = path.join(outDir, PREVIOUS);
  if (!fs.existsSync(previous)) return;
  for (const folder of OUTPUT_SET) {
    const live = path.join(outDir, folder);
    const saved = path.join(previous, folder);
    if (fs.existsSync(saved)) {
      fs.rmSync(live, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(live), { recursive: true });
      fs.renameSync(saved, live);
    } else if (fs.existsSync(absentMarker(previous, folder))) {
      // The folder did not exist before the run, so it does not exist after.
      fs.rmSync(live, { recursive: true, force: true });
    } // else: the run never touched it (it was killed before reaching this folder)
  }
  fs.rmSync(previous, { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the output folder's lock (waiting for another run), then moves the previous set aside. */
export async function beginOutputSet(outDir: string, options: OutputSetOptions = {}): Promise<OutputSet> {
  const dir = path.resolve(outDir);
  const notice = options.notice ?? ((line: string) => console.warn(line));
  const lockFile = path.join(dir, LOCK);
  const me: RunLockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: options.command ?? process.argv.slice(1).join(' '),
  };
  fs.mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? OUTPUT_SET_DEFAULTS.waitMs);
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockFile);
    if (holder && holder.host === me.host && !alive(holder.pid)) {
      notice(`outputs: the run that held ${dir} (${describe(holder)}) is gone; taking over`);
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (holder && !told) {
      notice(`outputs: another lab run is writing ${dir} (${describe(holder)}); waiting for it to finish`);
      told = true;
    }
    if (Date.now() > deadline)
      throw new Error(
        `outputs: ${dir} is still locked by another lab run${holder ? ` (${describe(holder)})` : ''}; remove ${lockFile} if that run is gone`,
      );
    await sleep(options.pollMs ?? OUTPUT_SET_DEFAULTS.pollMs);
  }

  let open = true;
  const release = () => {
    if (!open) return;
    open = false;
    process.removeListener('exit', release);
    const holder = readHolder(lockFile);
    if (holder?.pid === me.pid) fs.rmSync(lockFile, { force: true });
  };
  try {
    // A set left aside by a killed run is the last complete one: put it back before starting over.
    if (fs.existsSync(path.join(dir, PREVIOUS))) {
      notice(`outputs: an earlier run on ${dir} did not finish; restoring the outputs before it`);
      restorePrevious(dir);
    }
    const previous = path.join(dir, PREVIOUS);
    fs.mkdirSync(previous);
    for (const folder of OUTPUT_SET) {
      const live = path.join(dir, folder);
      const fresh = () => fs.mkdirSync(live, { recursive: true });
      if (!fs.existsSync(live)) {
        fs.writeFileSync(absentMarker(previous, folder), '');
        fresh();
        continue;
      }
      const saved = path.join(previous, folder);
      fs.mkdirSync(path.dirname(saved), { recursive: true });
      fs.renameSync(live, saved);
      fresh();
      for (const name of KEPT) {
        if (fs.existsSync(path.join(saved, name)))
          fs.copyFileSync(path.join(saved, name), path.join(live, name));
      }
    }
  } catch (error) {
    restorePrevious(dir);
    release();
    throw error;
  }
  process.on('exit', release);

  return {
    outDir: dir,
    commit() {
      if (!open) throw new Error('outputs: this output set is already committed or rolled back');
      fs.rmSync(path.join(dir, PREVIOUS), { recursive: true, force: true });
      release();
    },
    rollback() {
      if (!open) return;
      restorePrevious(dir);
      release();
    },
  };
}
