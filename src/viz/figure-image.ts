/**
 * Static PNG images of Plotly figures, drawn offline by headless Chromium, for outputs that cannot run scripts
 * (an untrusted notebook, GitHub's viewer). Synchronous on purpose: `show(fig)` is called without `await` in
 * notebook cells, and a display sent after the cell has ended lands nowhere. A Worker sends each figure to the
 * renderer all kernels share (figure-renderer-server.ts: one Chromium, plotly.js parsed once) or, where that
 * cannot run, to a Chromium page of its own; the kernel thread blocks on a shared flag until the PNG is back.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import { findChromium } from '../report/find-chromium';
import type { ImageReply, ImageRequest } from './figure-request';
import type { PlotlyFigure } from './figure-output';
import { cacheImage, imageCacheFile, readCachedImage } from './figure-image-cache';
import { toPalettePng } from './png-palette';

export interface FigureImageOptions {
  /** Image width in CSS pixels when the figure's layout has none. Default: 800. */
  width?: number;
  /** Image height in CSS pixels when the figure's layout has none. Default: 450. */
  height?: number;
  /** Device pixels per CSS pixel. Default: 1 (the image is a fallback; this keeps notebooks small). */
  scale?: number;
  /** Longest wait for one image, first one (Chromium start) included. Default: 60 000 ms. */
  timeoutMs?: number;
}

export const FIGURE_IMAGE_DEFAULTS = { width: 800, height: 450, scale: 1, timeoutMs: 60_000 } as const;

export type FigureImage = { png: Buffer; width: number; height: number } | { error: string };

interface Renderer {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  nextId: number;
}

let renderer: Renderer | null = null;
/** Set once Chromium is known to be missing or broken, so later charts do not wait for it again. */
let unavailable: string | null = null;

const ENTRY = 'figure-image-entry.js';

function start(): Renderer {
  const entry = path.join(__dirname, ENTRY);
  if (!existsSync(entry)) throw new Error(`the figure-image worker entry ${entry} is missing`);
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  // env: this module's process.env (a test may have changed it), not the one Node started with.
  const worker = new Worker(entry, {
    workerData: { port: port2, flag },
    transferList: [port2],
    env: { ...process.env },
  });
  // Neither may keep a kernel or a test process alive; the worker also dies with the process.
  worker.unref();
  port1.unref();
  worker.on('error', (error) => {
    unavailable = `the image worker failed: ${error.message}`;
    renderer = null;
  });
  return { worker, port: port1, signal: new Int32Array(flag), nextId: 1 };
}

/**
 * Whether charts carry a static PNG: yes unless LAB_FIGURE_IMAGES is `off` (or `0`, `false`). The notebook
 * runner turns them off for its kernels (src/notebooks/run-notebooks.ts): its HTML export draws every chart with
 * the plotly.js it inlines, so a PNG there would only show where scripts do not run.
 */
export function figureImagesWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['off', '0', 'false'].includes((env.LAB_FIGURE_IMAGES ?? '').trim().toLowerCase());
}

/**
 * Connects to the shared renderer now (starting it if no kernel has), without waiting, so the kernel's first
 * chart does not pay a Chromium start (≈ 2–4 s). Called when the lab starts computing (src/viz/notebook.ts
 * prepareFigures): new results mean figures the image cache has not seen, while a notebook run again on cached
 * results draws nothing and needs no Chromium. Nothing happens where Chromium is missing or the worker runs.
 */
export function warmFigureImages(): void {
  if (unavailable !== null || renderer !== null || findChromium() === null) return;
  renderer = start();
  renderer.port.postMessage('warm');
}

/** The figure as a PNG, or why there is none (no Chromium, a timeout, a drawing error). */
export function figureImage(fig: PlotlyFigure, options: FigureImageOptions = {}): FigureImage {
  const o = { ...FIGURE_IMAGE_DEFAULTS, ...options };
  if (unavailable !== null) return { error: unavailable };
  if (findChromium() === null) {
    unavailable = 'no Chromium (/usr/bin/chromium or LAB_CHROMIUM) to draw a static image';
    return { error: unavailable };
  }
  const layout = fig.layout ?? {};
  const width = positive(layout.width) ?? o.width;
  const height = positive(layout.height) ?? o.height;
  const drawing = { figure: { data: fig.data, layout, config: fig.config }, width, height, scale: o.scale };
  // A figure drawn before (a notebook run again) comes from the image cache, without Chromium.
  const cacheFile = imageCacheFile(drawing);
  const cached = readCachedImage(cacheFile);
  if (cached !== null) return { png: toPalettePng(cached), width, height };
  renderer ??= start();
  const request: ImageRequest = { id: renderer.nextId++, ...drawing };
  Atomics.store(renderer.signal, 0, 0);
  renderer.port.postMessage(request);
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0 || Atomics.wait(renderer.signal, 0, 0, left) === 'timed-out') {
      unavailable = `no static image: Chromium did not answer within ${o.timeoutMs} ms`;
      closeFigureImages();
      return { error: unavailable };
    }
    const reply = receiveMessageOnPort(renderer.port)?.message as ImageReply | undefined;
    Atomics.store(renderer.signal, 0, 0);
    if (reply === undefined || reply.id !== request.id) continue;
    if ('error' in reply) return { error: `no static image: ${reply.error}` };
    const png = Buffer.from(reply.png, 'base64');
    cacheImage(cacheFile, png);
    return { png: toPalettePng(png), width, height };
  }
}

/** Closes the kernel's Chromium (tests; a kernel just exits). Later images start a new one. */
export function closeFigureImages(): Promise<void> {
  const current = renderer;
  renderer = null;
  if (current === null) return Promise.resolve();
  return new Promise((resolve) => {
    // Held open until Chromium has closed, so a process that awaits this does not exit under it.
    current.worker.ref();
    current.worker.once('exit', () => resolve());
    current.port.postMessage('close');
    // The worker ends when its port closes after Chromium; terminate it if that takes too long.
    setTimeout(() => void current.worker.terminate(), 5000).unref();
  });
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? Math.round(value) : undefined;
}
