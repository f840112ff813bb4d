/**
 * A real Chromium for the dashboard's browser tests: one browser and one context per test file (pages in one
 * context share V8's code cache, so plotly's 4.7 MB parse is paid once, not per page), and a report of page
 * errors, console errors and any request that leaves the site's folder.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../src/report/chromium';

export interface PageReport {
  pageErrors: string[];
  consoleErrors: string[];
  externalRequests: string[];
  /** alert/confirm/prompt messages (dismissed): an injected `onerror=alert(1)` would show here. */
  dialogs: string[];
}

export interface BrowserSession {
  /** Opens `file` (relative to the site folder) in a new page and runs `fn`; the page closes afterwards. */
  withPage<T>(file: string, fn: (page: Page, report: PageReport) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const NAVIGATION_TIMEOUT_MS = 120_000;

export async function openBrowserSession(siteDir: string): Promise<BrowserSession> {
  const browser: Browser = await launchChromium();
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const allowed = pathToFileURL(path.resolve(siteDir)).href + '/';
  return {
    async withPage(file, fn) {
      const report: PageReport = { pageErrors: [], consoleErrors: [], externalRequests: [], dialogs: [] };
      const page = await context.newPage();
      // Generous: the 2-core machine is shared, and a 4.7 MB plotly parse under load has taken 20 s.
      page.setDefaultTimeout(NAVIGATION_TIMEOUT_MS);
      page.on('request', (request) => {
        const url = request.url();
        const inside = url.startsWith(allowed) || url.startsWith('blob:') || url.startsWith('data:');
        if (!inside && !report.externalRequests.includes(url)) report.externalRequests.push(url);
      });
      page.on('dialog', (dialog) => {
        report.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => report.pageErrors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') report.consoleErrors.push(message.text());
      });
      try {
        await page.goto(pathToFileURL(path.resolve(siteDir, file)).href);
        return await fn(page, report);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
