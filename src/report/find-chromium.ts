/**
 * Where Chromium is, apart from launching it (./chromium): a notebook kernel asks this on import, and keeping
 * playwright-core out of the import keeps its 2 MB of type declarations out of every kernel's TypeScript
 * program (tslab parses each file a cell imports).
 */
import * as fs from 'fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium to use: the argument, else `LAB_CHROMIUM` or `CHROMIUM_PATH`, else /usr/bin/chromium; null if missing. */
export function findChromium(explicit?: string): string | null {
  const candidate = explicit ?? process.env.LAB_CHROMIUM ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  return fs.existsSync(candidate) ? candidate : null;
}
