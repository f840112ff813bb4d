/**
 * A hostile-names run end to end: a data file whose track names, albums and artists are script breakers and
 * spreadsheet formulas goes through the real pipeline (`runLab`, no notebooks), then the Track Explorer's
 * "Download CSV" is clicked in real headless Chromium. Every cell of the downloaded file must be inert when a
 * spreadsheet reads it with `,`, `;` or tab as the separator, every hostile name must still be there (with
 * only `'` added), and nothing may have run in the page.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLab } from '../../../src/pipeline/run';
import { openBrowserSession, type BrowserSession } from '../browser-session';
import { HOSTILE_NAMES } from './hostile-names';
import { writeHostileCsv } from './hostile-data';
import { cells, risksInCsv } from './spreadsheet-cells';

// The pipeline (figures render through Chromium) and a browser on a shared 2-core machine: no timing asserted.
jest.setTimeout(600_000);

let dir: string;
let ids: string[];
let session: BrowserSession;

beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-hostile-'));
  const data = path.join(dir, 'hostile.csv');
  ids = await writeHostileCsv(data, 400, 5);
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await runLab({ data, outDir: dir, offline: true, rounds: 20, quiet: true }, { notebooks: false });
  } finally {
    log.mockRestore();
  }
  session = await openBrowserSession(path.join(dir, 'reports', 'dashboard'));
});

afterAll(async () => {
  await session?.close();
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

test('the explorer download of a hostile-names run: every cell inert, every name kept, nothing ran', async () => {
  await session.withPage('explorer.html', async (page, report) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.download-csv')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');

    expect(risksInCsv(csv)).toEqual([]);

    const [header, ...rows] = cells(csv, ',');
    const col = (key: string) => header.indexOf(key);
    const byId = new Map(rows.map((r) => [r[col('id')], r]));
    const unmark = (text: string) => text.replace(/'/g, '');
    HOSTILE_NAMES.forEach((name, i) => {
      const row = byId.get(ids[i]);
      expect({ name, found: row !== undefined }).toEqual({ name, found: true });
      expect(unmark(row![col('name')])).toBe(unmark(name));
      expect(unmark(row![col('album')])).toBe(unmark(name));
      expect(unmark(row![col('artists')])).toBe(unmark(name));
    });
    // Genuine numbers stay numbers: loudness is negative in every row and is written as a bare literal.
    expect(rows.every((r) => /^-\d/.test(r[col('loudness')]))).toBe(true);

    await expect(
      page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).resolves.toBeUndefined();
    await expect(page.locator('main img, main script, main b').count()).resolves.toBe(0);
    expect(report.dialogs).toEqual([]);
    expect(report.pageErrors).toEqual([]);
    expect(report.externalRequests).toEqual([]);
  });
});
