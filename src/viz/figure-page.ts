/**
 * A Chromium page that turns Plotly figures into PNGs: plotly.js parsed once per page (≈ 1.5–2 s of CPU, the
 * largest part of a figure renderer's start), then each figure drawn at a fixed size and read back with
 * Plotly.toImage. Used by the shared renderer process (figure-renderer-server.ts) and, where that cannot
 * start, by a kernel's own image worker (figure-image-worker.ts).
 */
import * as fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { plotlyBundlePath } from '../report/plotly-asset';
import type { ImageReply, ImageRequest } from './figure-request';

export type { ImageReply, ImageRequest } from './figure-request';

/** Fonts for text in figure images: CJK names need Noto CJK (installed by scripts/setup-system.sh). */
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html,body{margin:0;background:#fff;font-family:"DejaVu Sans","Noto Sans CJK JP",sans-serif}</style></head>
<body></body></html>`;

/** A new page of `browser` (in its own context, so its own renderer process) with plotly.js loaded. */
export async function openFigurePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(PAGE);
  await page.addScriptTag({ content: fs.readFileSync(plotlyBundlePath(), 'utf8') });
  return page;
}

/** The reply to one request: the PNG as base64, or the first line of what went wrong. */
export async function drawOnPage(page: Page, request: ImageRequest): Promise<ImageReply> {
  try {
    return { id: request.id, png: await page.evaluate(drawPng, request) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/**
 * Runs in the page: the figure's PNG as base64 (no data: prefix). Plotly.toImage is given the figure itself,
 * not a plotted div: it draws its own hidden copy either way, so plotting first drew every chart twice — the
 * same bytes (checked on the notebooks' figures) at about half the time.
 */
async function drawPng(request: ImageRequest): Promise<string> {
  type PlotlyApi = { toImage(figure: unknown, options: unknown): Promise<string> };
  const g = globalThis as unknown as { Plotly: PlotlyApi };
  const layout = { ...request.figure.layout, width: request.width, height: request.height };
  const url = await g.Plotly.toImage(
    { data: request.figure.data, layout, config: { staticPlot: true } },
    { format: 'png', width: request.width, height: request.height, scale: request.scale },
  );
  return url.slice(url.indexOf(',') + 1);
}
