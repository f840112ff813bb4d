/**
 * The engine's own tracker: `xgboost.tracker.RabitTracker` from Debian's python3-xgboost, in a python3 child
 * process. The tracker only introduces workers to each other (ranks, tree and ring neighbours) and hears their
 * shutdown; the training traffic goes worker to worker.
 *
 * Started: `python3 -c TRACKER_SCRIPT host workers port`; it prints one JSON line `{"host", "port"}` once it
 * listens (port 0 = a free port), then waits for every worker's shutdown and exits 0.
 * Stopped: by itself when all workers finalized; by `stop()` (SIGTERM, then SIGKILL after 2 s) when the job
 * fails; and by itself when its stdin closes — i.e. when the lab process that started it dies, even by SIGKILL.
 *
 * Only tracker.py is loaded, from the xgboost package's folder, without importing the package: `import
 * xgboost` pulls numpy and scipy in and took 7–8 s on this machine; tracker.py alone uses the standard library
 * (0.4 s).
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';

export const TRACKER_SCRIPT = `
import importlib.util, json, os, sys, threading
spec = importlib.util.find_spec("xgboost")
if spec is None or not spec.submodule_search_locations:
    sys.stderr.write("python3-xgboost is not installed for " + sys.executable + " (apt-get install python3-xgboost)\\n")
    sys.exit(3)
path = os.path.join(list(spec.submodule_search_locations)[0], "tracker.py")
tspec = importlib.util.spec_from_file_location("xgboost_tracker", path)
tracker = importlib.util.module_from_spec(tspec)
tspec.loader.exec_module(tracker)
host, workers, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
t = tracker.RabitTracker(host_ip=host, n_workers=workers, port=port, sortby="task")
t.start(workers)
print(json.dumps({"host": host, "port": t.port}), flush=True)
def watch_parent():
    sys.stdin.read()
    os._exit(4)
if sys.argv[4] == "watch-stdin":
    threading.Thread(target=watch_parent, daemon=True).start()
t.join()
print(json.dumps({"done": True}), flush=True)
`;

export interface TrackerOptions {
  /** Number of workers the tracker waits for. */
  workers: number;
  /** Address to listen on; workers connect to it. Default: '127.0.0.1' (loopback only). */
  host?: string;
  /** Port; 0 = any free port. Default: 0. */
  port?: number;
  /** The Python with python3-xgboost. Default: $LAB_PYTHON, else /usr/bin/python3 (Debian's), else python3. */
  python?: string;
  /** Exit when stdin closes (the parent died). Default: true. */
  watchParent?: boolean;
  /** Give up waiting for the tracker to listen after this many seconds. Default: 60. */
  startTimeoutSec?: number;
}

export const TRACKER_DEFAULTS = { host: '127.0.0.1', port: 0, watchParent: true, startTimeoutSec: 60 };

export interface Tracker {
  host: string;
  port: number;
  process: ChildProcess;
  /** Settles when the tracker exits: resolves on exit code 0 (every worker finished), rejects otherwise. */
  done: Promise<void>;
  /** Stops the tracker if it still runs (SIGTERM, SIGKILL after 2 s); resolves once it is gone. */
  stop(): Promise<void>;
}

/** The Python that has python3-xgboost: $LAB_PYTHON, Debian's /usr/bin/python3, else python3 on PATH. */
export function defaultPython(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LAB_PYTHON) return env.LAB_PYTHON;
  return fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export async function startTracker(options: TrackerOptions): Promise<Tracker> {
  const o = { ...TRACKER_DEFAULTS, python: defaultPython(), ...options };
  o.host ??= TRACKER_DEFAULTS.host; // an explicit undefined means the default too
  o.port ??= TRACKER_DEFAULTS.port;
  if (!Number.isInteger(o.workers) || o.workers < 1)
    throw new Error(`--workers must be an integer ≥ 1, got ${o.workers}`);
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535)
    throw new Error(`--port must be in 0..65535, got ${o.port}`);
  const child = spawn(
    o.python,
    [
      '-c',
      TRACKER_SCRIPT,
      o.host,
      String(o.workers),
      String(o.port),
      o.watchParent ? 'watch-stdin' : 'no-watch',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (err) => {
      stderr += `\n${err.message}`;
      resolve({ code: -1, signal: null });
    });
  });
  const describe = (r: { code: number | null; signal: string | null }) =>
    `the tracker (${o.python}) exited ${r.signal ? `on ${r.signal}` : `with code ${r.code}`}` +
    (stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : '');
  const address = await new Promise<{ host: string; port: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the tracker did not start listening within ${o.startTimeoutSec} s`));
    }, o.startTimeoutSec * 1000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"host"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    void exited.then((r) => {
      clearTimeout(timer);
      reject(new Error(describe(r)));
    });
  });
  const done = exited.then((r) => {
    if (r.code !== 0) throw new Error(describe(r));
  });
  done.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };
  return { ...address, process: child, done, stop };
}
