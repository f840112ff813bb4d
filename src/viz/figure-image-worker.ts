/**
 * The Worker side of figure-image.ts: one headless Chromium page with plotly.js loaded once, which turns each
 * figure it is sent into a PNG (Plotly.toImage) and wakes the blocked kernel thread through a shared flag.
 */
import * as fs from 'fs';
import type { MessagePort } from 'worker_threads';
import { workerData } from 'worker_threads';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../report/chromium';
import { plotlyBundlePath } from '../report/plotly-asset';

export interface ImageRequest {
  id: number;
  figure: { data: unknown[]; layout: Record<string, unknown>; config?: Record<string, unknown> };
  width: number;
  height: number;
  scale: number;
}

export type ImageReply = { id: number; png: string } | { id: number; error: string };

/** Fonts for text in figure images: CJK names need Noto CJK (installed by scripts/setup-system.sh). */
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html,body{margin:0;background:#fff;font-family:"DejaVu Sans","Noto Sans CJK JP",sans-serif}</style></head>
<body><div id="figure"></div></body></html>`;

export function runFigureImageWorker(): void {
  const { port, flag } = workerData as { port: MessagePort; flag: SharedArrayBuffer };
  const signal = new Int32Array(flag);
  let ready: Promise<{ browser: Browser; page: Page }> | null = null;
  const open = async (): Promise<{ browser: Browser; page: Page }> => {
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ content: fs.readFileSync(plotlyBundlePath(), 'utf8') });
    return { browser, page };
  };
  // One request at a time: the kernel thread is blocked until it gets its answer.
  port.on('message', (request: ImageRequest | 'close' | 'warm') => {
    if (request === 'warm') {
      ready ??= open();
      // A failed start is answered to the first image request, which awaits the same promise.
      ready.catch(() => undefined);
      return;
    }
    if (request === 'close') {
      void (ready ?? Promise.resolve(null))
        .then((r) => r?.browser.close())
        .catch(() => undefined)
        .finally(() => port.close());
      return;
    }
    ready ??= open();
    ready
      .then(({ page }) => page.evaluate(drawPng, request))
      .then(
        (png): ImageReply => ({ id: request.id, png }),
        (error: unknown): ImageReply => ({
          id: request.id,
          error: error instanceof Error ? error.message.split('\n')[0] : String(error),
        }),
      )
      .then((reply) => {
        port.postMessage(reply);
        Atomics.store(signal, 0, 1);
        Atomics.notify(signal, 0);
      });
  });
}

/** Runs in the page: draws the figure at a fixed size and returns its PNG as base64 (no data: prefix). */
async function drawPng(request: ImageRequest): Promise<string> {
  type PlotlyApi = {
    newPlot(el: unknown, data: unknown, layout: unknown, config: unknown): Promise<unknown>;
    toImage(el: unknown, options: unknown): Promise<string>;
    purge(el: unknown): void;
  };
  const g = globalThis as unknown as { Plotly: PlotlyApi; document: { getElementById(id: string): unknown } };
  const el = g.document.getElementById('figure');
  const layout = { ...request.figure.layout, width: request.width, height: request.height };
  await g.Plotly.newPlot(el, request.figure.data, layout, { staticPlot: true });
  const url = await g.Plotly.toImage(el, {
    format: 'png',
    width: request.width,
    height: request.height,
    scale: request.scale,
  });
  g.Plotly.purge(el);
  return url.slice(url.indexOf(',') + 1);
}
