/**
 * The Worker side of figure-image.ts: turns each figure it is sent into a PNG and wakes the blocked kernel
 * thread through a shared flag. It draws with the shared renderer (figure-renderer-server.ts: one Chromium for
 * all kernels), or with a Chromium of its own where that renderer cannot be reached or LAB_FIGURE_RENDERER=own.
 */
import type { MessagePort } from 'worker_threads';
import { workerData } from 'worker_threads';
import { launchChromium } from '../report/chromium';
import { drawOnPage, openFigurePage, type ImageReply, type ImageRequest } from './figure-page';
import { connectFigureRenderer, figureRendererAddress } from './figure-renderer-client';

export type { ImageReply, ImageRequest } from './figure-page';

interface Backend {
  draw(request: ImageRequest): Promise<ImageReply>;
  close(): Promise<void>;
}

async function ownChromium(): Promise<Backend> {
  const browser = await launchChromium();
  const page = await openFigurePage(browser);
  return { draw: (request) => drawOnPage(page, request), close: () => browser.close() };
}

async function sharedRenderer(): Promise<Backend> {
  const address = figureRendererAddress();
  if (address === null) throw new Error('no private folder for the shared renderer');
  const connection = await connectFigureRenderer(address);
  return {
    draw: (request) => connection.request(request),
    close: async () => connection.close(),
  };
}

function openBackend(): Promise<Backend> {
  if (process.env.LAB_FIGURE_RENDERER === 'own') return ownChromium();
  // Drawing must not depend on the shared renderer: whatever stops it, this kernel starts its own Chromium.
  return sharedRenderer().catch(() => ownChromium());
}

export function runFigureImageWorker(): void {
  const { port, flag } = workerData as { port: MessagePort; flag: SharedArrayBuffer };
  const signal = new Int32Array(flag);
  let backend: Promise<Backend> | null = null;
  const draw = async (request: ImageRequest): Promise<ImageReply> => {
    backend ??= openBackend();
    try {
      return await (await backend).draw(request);
    } catch {
      // The renderer went away (idle exit, killed): one more try on a fresh connection or a new renderer.
      backend = openBackend();
      return (await backend).draw(request);
    }
  };
  // One request at a time: the kernel thread is blocked until it gets its answer.
  port.on('message', (request: ImageRequest | 'close' | 'warm') => {
    if (request === 'warm') {
      backend ??= openBackend();
      // A failed start is answered to the first image request, which awaits the same promise.
      backend.catch(() => undefined);
      return;
    }
    if (request === 'close') {
      void (backend ?? Promise.resolve(null))
        .then((b) => b?.close())
        .catch(() => undefined)
        .finally(() => port.close());
      return;
    }
    draw(request)
      .catch((error: unknown): ImageReply => ({
        id: request.id,
        error: error instanceof Error ? error.message.split('\n')[0] : String(error),
      }))
      .then((reply) => {
        port.postMessage(reply);
        Atomics.store(signal, 0, 1);
        Atomics.notify(signal, 0);
      });
  });
}
