/**
 * One Chromium that draws figure PNGs for every kernel of this user, instead of one per kernel. Starting
 * Chromium and parsing plotly.js cost a kernel ≈ 3 s of CPU before its first chart; with seven notebooks on two
 * cores that was the largest fixed cost of a run that was ours rather than tslab's. The first kernel that needs
 * an image starts this process (figure-renderer-client.ts); later kernels connect to its Unix socket.
 *
 * Protocol: one JSON ImageRequest per line in, one ImageReply per line out. Requests from all clients share a
 * small pool of pages, each in its own renderer process, so two kernels drawing at once do not queue behind one
 * another. The process exits once no client has been connected for `idleMs`, or when Chromium goes away.
 */
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../report/chromium';
import { drawOnPage, openFigurePage, type ImageReply, type ImageRequest } from './figure-page';

export interface FigureRendererServerOptions {
  /** The Unix socket to listen on. */
  socketPath: string;
  /** Pages drawing at once (the first opened before listening, the others right after). Default: min(2, cores). */
  maxPages?: number;
  /** Exit after this long with no client connected. Default: 30 000 ms. */
  idleMs?: number;
}

export const FIGURE_RENDERER_SERVER_DEFAULTS = {
  maxPages: Math.max(1, Math.min(2, os.availableParallelism())),
  idleMs: 30_000,
} as const;

/**
 * Plotly pages shared by all requests: the first is ready before the server listens, the others open in the
 * background and join as they are ready, so a request never waits for a page to parse plotly.js if one is free.
 */
function pagePool(browser: Browser, first: Page, max: number) {
  const free: Page[] = [];
  const waiting: Array<(page: Page) => void> = [];
  const release = (page: Page): void => {
    const next = waiting.shift();
    if (next) next(page);
    else free.push(page);
  };
  release(first);
  for (let i = 1; i < max; i++) openFigurePage(browser).then(release, () => undefined);
  return {
    release,
    acquire(): Promise<Page> {
      const page = free.pop();
      return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** Is something answering on `socketPath`? */
export function socketAnswers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** Starts Chromium, then serves until idle. Resolves when the server has shut down. */
export async function runFigureRendererServer(options: FigureRendererServerOptions): Promise<void> {
  const o = { ...FIGURE_RENDERER_SERVER_DEFAULTS, ...options };
  const browser = await launchChromium();
  const pool = pagePool(browser, await openFigurePage(browser), o.maxPages);
  // A socket file without a listener is what a killed server leaves behind; a live one means another server
  // won the start (the client's lock makes that rare): this one then has nothing to do.
  if (fs.existsSync(o.socketPath)) {
    if (await socketAnswers(o.socketPath)) {
      await browser.close();
      return;
    }
    fs.rmSync(o.socketPath, { force: true });
  }
  let clients = 0;
  let idle: NodeJS.Timeout | undefined;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const shutDown = (): void => {
    clearTimeout(idle);
    server.close();
    fs.rmSync(o.socketPath, { force: true });
    void browser
      .close()
      .catch(() => undefined)
      .finally(finished);
  };
  const armIdle = (): void => {
    clearTimeout(idle);
    idle = setTimeout(shutDown, o.idleMs);
  };
  const server = net.createServer((socket) => {
    clients++;
    clearTimeout(idle);
    socket.setEncoding('utf8');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let request: ImageRequest;
        try {
          request = JSON.parse(line) as ImageRequest;
        } catch {
          socket.destroy(); // not one of our clients
          return;
        }
        const answer = (reply: ImageReply): void => {
          if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
        };
        void pool.acquire().then(async (page) => {
          const reply = await drawOnPage(page, request);
          pool.release(page);
          answer(reply);
        });
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clients--;
      if (clients === 0) armIdle();
    });
  });
  browser.on('disconnected', shutDown);
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.socketPath, () => resolve());
  });
  armIdle();
  await done;
}
