/**
 * Headless Chromium for PNG figures and PDF pages, through playwright-core (no bundled browser download:
 * the system's Chromium). The flags are what Chromium needs as root in a container; Playwright's launch()
 * gives each run a fresh temporary user-data-dir.
 */
import type { Browser } from 'playwright-core';
import { DEFAULT_CHROMIUM, findChromium } from './find-chromium';

export { DEFAULT_CHROMIUM, findChromium } from './find-chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

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
