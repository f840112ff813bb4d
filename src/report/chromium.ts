/**
 * Headless Chromium for PNG figures and PDF pages, through playwright-core (no bundled browser download:
 * the system's Chromium). The flags are what Chromium needs as root in a container; Playwright's launch()
 * gives each run a fresh temporary user-data-dir.
 */
import * as fs from 'fs';
import type { Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The Chromium to use: the argument, else `LAB_CHROMIUM` or `CHROMIUM_PATH`, else /usr/bin/chromium; null if missing. */
export function findChromium(explicit?: string): string | null {
  const candidate = explicit ?? process.env.LAB_CHROMIUM ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  return fs.existsSync(candidate) ? candidate : null;
}

export async function launchChromium(executablePath?: string): Promise<Browser> {
  const found = findChromium(executablePath);
  if (!found) {
    const tried = executablePath ?? process.env.LAB_CHROMIUM ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
    throw new Error(
      `Chromium not found at ${tried}; install it (apt-get install chromium) or set LAB_CHROMIUM`,
    );
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: found, args: CHROMIUM_ARGS, headless: true });
}
