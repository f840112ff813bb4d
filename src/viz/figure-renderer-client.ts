/**
 * A kernel's side of the shared figure renderer (figure-renderer-server.ts): where it listens, a connection
 * that sends requests and matches replies, and starting the renderer when nothing answers. Starting is
 * serialised by a lock file, so two kernels that draw their first chart at once start one Chromium, not two.
 *
 * The socket lives in a folder only this user can enter, and its name carries a hash of the renderer's code,
 * plotly.js and Chromium: a kernel never talks to a renderer of other code (another checkout, an older
 * version still idling).
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { findChromium } from '../report/find-chromium';
import { plotlyBundlePath } from '../report/plotly-asset';
import { withFileLock } from '../util/file-lock';
import type { ImageReply, ImageRequest } from './figure-request';

export interface FigureRendererAddress {
  socketPath: string;
  /** The renderer's stdout and stderr (why it did not start, if it did not). */
  logPath: string;
}

/** Files whose change makes a different renderer (the socket name hashes them). */
const RENDERER_FILES = [
  'figure-renderer-server.ts',
  'figure-page.ts',
  'figure-request.ts',
  '../report/chromium.ts',
  '../report/find-chromium.ts',
];

const ENTRY = 'figure-renderer-entry.js';

/** What decides a drawing: the renderer's code, plotly.js, Chromium and Node (the shared renderer's socket name). */
export function rendererVersion(): string {
  const hash = createHash('sha256');
  for (const file of RENDERER_FILES) hash.update(fs.readFileSync(path.join(__dirname, file)));
  const plotly = plotlyBundlePath();
  const stat = fs.statSync(plotly);
  hash.update(`${plotly}\0${stat.size}\0${stat.mtimeMs}\0${findChromium()}\0${process.execPath}`);
  return hash.digest('hex').slice(0, 12);
}

/**
 * Where this user's renderer of this code listens: LAB_FIGURE_RENDERER_DIR, else a folder of the temporary
 * directory. Null when that folder is not private to this user (then each kernel draws with its own Chromium).
 */
export function figureRendererAddress(env: NodeJS.ProcessEnv = process.env): FigureRendererAddress | null {
  const uid = process.getuid?.() ?? 0;
  const dir = env.LAB_FIGURE_RENDERER_DIR || path.join(os.tmpdir(), `spotify-insights-lab-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    if (stat.uid !== uid || (stat.mode & 0o077) !== 0) return null;
    const version = rendererVersion();
    return {
      socketPath: path.join(dir, `figures-${version}.sock`),
      logPath: path.join(dir, `figures-${version}.log`),
    };
  } catch {
    return null;
  }
}

/** A connection to the renderer: one JSON line per request, replies matched by id. */
export class FigureRendererConnection {
  private readonly pending = new Map<
    number,
    { resolve: (r: ImageReply) => void; reject: (e: Error) => void }
  >();
  private buffer = '';
  private closed: Error | null = null;

  constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let nl = this.buffer.indexOf('\n'); nl >= 0; nl = this.buffer.indexOf('\n')) {
        const reply = JSON.parse(this.buffer.slice(0, nl)) as ImageReply;
        this.buffer = this.buffer.slice(nl + 1);
        this.pending.get(reply.id)?.resolve(reply);
        this.pending.delete(reply.id);
      }
    });
    const fail = (error?: Error): void => {
      this.closed ??= new Error(
        `the figure renderer closed the connection${error ? `: ${error.message}` : ''}`,
      );
      for (const p of this.pending.values()) p.reject(this.closed);
      this.pending.clear();
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
  }

  /** Rejects when the connection is (or becomes) closed before the reply arrives. */
  request(request: ImageRequest): Promise<ImageReply> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.socket.write(`${JSON.stringify(request)}\n`);
    });
  }

  close(): void {
    this.socket.end();
  }
}

function tryConnect(socketPath: string): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', () => resolve(null));
  });
}

export interface ConnectOptions {
  /** Longest wait for a renderer this call started to answer. Default: 60 000 ms. */
  startTimeoutMs?: number;
}

/** Connects to the renderer at `address`, starting it (detached, so it outlives this kernel) if none answers. */
export async function connectFigureRenderer(
  address: FigureRendererAddress,
  options: ConnectOptions = {},
): Promise<FigureRendererConnection> {
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const socket =
    (await tryConnect(address.socketPath)) ??
    (await withFileLock(
      `${address.socketPath}.lock`,
      async () => (await tryConnect(address.socketPath)) ?? startRenderer(address, startTimeoutMs),
    ));
  return new FigureRendererConnection(socket);
}

async function startRenderer(address: FigureRendererAddress, timeoutMs: number): Promise<net.Socket> {
  const log = fs.openSync(address.logPath, 'w');
  let exited: string | null = null;
  try {
    const child = spawn(process.execPath, [path.join(__dirname, ENTRY), address.socketPath], {
      detached: true,
      stdio: ['ignore', log, log],
      env: process.env,
    });
    child.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
    child.once('error', (error) => (exited = `could not start: ${error.message}`));
    child.unref();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const socket = fs.existsSync(address.socketPath) ? await tryConnect(address.socketPath) : null;
      if (socket) return socket;
      if (exited !== null || Date.now() > deadline) {
        if (exited === null) child.kill();
        const tail = fs.readFileSync(address.logPath, 'utf8').trim().split('\n').slice(-3).join(' | ');
        throw new Error(
          `the figure renderer ${exited ?? `did not answer within ${timeoutMs} ms`}${tail ? `: ${tail}` : ''}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    fs.closeSync(log);
  }
}
