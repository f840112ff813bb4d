/**
 * Opens a local HTML file in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
 * and collects what a reader's browser would complain about: uncaught page errors, console errors, and any
 * request that would leave the file (the pages must work offline). Such requests are aborted, not served.
 *
 *   await withPage(pathToFileURL(html).href, async (page, report) => { ...; expect(report.pageErrors).toEqual([]); });
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/report/chromium';

export interface PageReport {
  /** Uncaught exceptions thrown in the page. */
  pageErrors: string[];
  /** console.error messages (and failed resource loads Chromium reports there). */
  consoleErrors: string[];
  /** URLs of requests other than file:, data: and blob: (aborted; a page that makes any is not offline). */
  externalRequests: string[];
  /** Messages of alert/confirm/prompt dialogs (dismissed): an injected `onerror=alert(1)` shows up here. */
  dialogs: string[];
}

export interface WithPageOptions {
  /** Browser binary. Default: $CHROMIUM_PATH or /usr/bin/chromium. */
  executablePath?: string;
  /** Viewport size. Default: 1280 × 900. */
  viewport?: { width: number; height: number };
  /** Milliseconds for navigation and waits. Default: 30,000. */
  timeoutMs?: number;
}

export const WITH_PAGE_DEFAULTS = { viewport: { width: 1280, height: 900 }, timeoutMs: 30_000 } as const;

const LOCAL_SCHEMES = ['file:', 'data:', 'blob:'];

function isLocal(url: string): boolean {
  return LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme)) || url === 'about:blank';
}

/** Loads `fileUrl` (waits for the load event), then runs `fn`; the browser is closed afterwards. */
export async function withPage<T>(
  fileUrl: string,
  fn: (page: Page, report: PageReport) => Promise<T>,
  options: WithPageOptions = {},
): Promise<T> {
  if (!fileUrl.startsWith('file:')) throw new Error(`withPage: expected a file:// URL, got ${fileUrl}`);
  const timeoutMs = options.timeoutMs ?? WITH_PAGE_DEFAULTS.timeoutMs;
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: timeoutMs,
  });
  try {
    const page = await browser.newPage({ viewport: options.viewport ?? WITH_PAGE_DEFAULTS.viewport });
    page.setDefaultTimeout(timeoutMs);
    const report: PageReport = { pageErrors: [], consoleErrors: [], externalRequests: [], dialogs: [] };
    page.on('dialog', (dialog) => {
      report.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => report.pageErrors.push(String(error.stack ?? error)));
    page.on('console', (message) => {
      if (message.type() === 'error') report.consoleErrors.push(message.text());
    });
    page.on('request', (request) => {
      if (!isLocal(request.url())) report.externalRequests.push(request.url());
    });
    page.on('websocket', (socket) => report.externalRequests.push(socket.url()));
    await page.route('**/*', (route) =>
      isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.goto(fileUrl, { waitUntil: 'load' });
    return await fn(page, report);
  } finally {
    await browser.close();
  }
}
