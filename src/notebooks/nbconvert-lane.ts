/**
 * One Python process that runs `jupyter nbconvert` invocations one after another (nbconvert-lane.py), for a lane
 * of the notebook runner: each notebook then skips the command's start, Python and nbconvert's imports, about
 * 1 s of CPU per notebook (four warm notebooks: 16.4–16.9 s one command each, 12.0–13.3 s in one process). The
 * job is nbconvert's own application on the same arguments, so it converts, executes and fails as the command
 * does, with the same stderr.
 */
import { spawn, type ChildProcessByStdio } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Readable, Writable } from 'stream';

/** What `jupyter nbconvert ARGS` would have ended with. */
export interface NbconvertResult {
  code: number;
  stderr: string;
}

const SCRIPT = path.join(__dirname, 'nbconvert-lane.py');

/**
 * The interpreter line of the `jupyter` command found on `env.PATH` (`#!/usr/bin/python3`, `#!/usr/bin/env
 * python3`), as a command and its arguments: the Python that has Jupyter's packages. Null when there is no such
 * command or it does not start with a Python `#!` line.
 */
export function jupyterPython(env: NodeJS.ProcessEnv, jupyter = 'jupyter'): string[] | null {
  const candidates = jupyter.includes('/')
    ? [path.resolve(jupyter)]
    : (env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, jupyter));
  const found = candidates.find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
  if (found === undefined) return null;
  const head = Buffer.alloc(512);
  const fd = fs.openSync(found, 'r');
  const bytes = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const first = head.subarray(0, bytes).toString('utf8').split('\n')[0];
  if (!first.startsWith('#!') || !/python/.test(first)) return null;
  return first.slice(2).trim().split(/\s+/);
}

type Job = { id: number; resolve: (result: NbconvertResult) => void };

export class NbconvertLane {
  private child: ChildProcessByStdio<Writable, null, Readable> | null = null;
  private readonly token = `nbconvert-lane-${randomBytes(8).toString('hex')}`;
  private stderr = '';
  private current: Job | null = null;
  private queue: Array<{ argv: string[]; job: Job }> = [];
  private nextId = 1;

  /** `python`: the interpreter command (jupyterPython); `env`: the environment of every job and its kernel. */
  constructor(
    private readonly python: string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Runs `jupyter nbconvert ...argv` in the lane's process, after the jobs before it. */
  run(argv: string[]): Promise<NbconvertResult> {
    return new Promise((resolve) => {
      this.queue.push({ argv, job: { id: this.nextId++, resolve } });
      this.next();
    });
  }

  /**
   * Starts the Python process now, so its imports (about 0.5 s) overlap whatever the caller does before the first
   * job, instead of delaying that job. Optional: `run` starts it when needed.
   */
  start(): this {
    this.process();
    return this;
  }

  /** Ends the process once its jobs are done (it reads stdin to the end). */
  close(): void {
    this.child?.stdin.end();
    this.child = null;
  }

  private next(): void {
    if (this.current !== null || this.queue.length === 0) return;
    const { argv, job } = this.queue.shift()!;
    this.current = job;
    this.stderr = '';
    this.process().stdin.write(`${JSON.stringify({ id: job.id, argv })}\n`);
  }

  private process(): ChildProcessByStdio<Writable, null, Readable> {
    if (this.child !== null) return this.child;
    const [command, ...args] = this.python;
    const child = spawn(command, [...args, SCRIPT, this.token], {
      env: this.env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => this.read(chunk));
    child.stdin.on('error', () => undefined); // a process that died; 'close' reports it
    child.on('error', (error) => this.finish(child, 127, `cannot start ${command} (${error.message})`));
    child.on('close', (code, signal) =>
      this.finish(child, code || 1, `the nbconvert lane's Python exited (${signal ?? `code ${code}`})`),
    );
    this.child = child;
    return child;
  }

  /** Collects the current job's stderr until the line that ends it. */
  private read(chunk: string): void {
    this.stderr += chunk;
    const end = new RegExp(`\\n${this.token} (\\d+) (-?\\d+)\\n`).exec(this.stderr);
    if (end === null || this.current === null || Number(end[1]) !== this.current.id) return;
    const job = this.current;
    const stderr = this.stderr.slice(0, end.index);
    this.stderr = this.stderr.slice(end.index + end[0].length);
    this.current = null;
    job.resolve({ code: Number(end[2]), stderr });
    this.next();
  }

  /** The process is gone: the job it was running fails with what it wrote; the next job starts a new one. */
  private finish(child: ChildProcessByStdio<Writable, null, Readable>, code: number, why: string): void {
    if (this.child !== child) return; // closed after its jobs
    this.child = null;
    const job = this.current;
    if (job === null) return;
    this.current = null;
    job.resolve({ code, stderr: `${this.stderr}\n${why}` });
    this.next();
  }
}
