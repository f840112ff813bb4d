/**
 * A figure that sets its own height keeps it on the real dashboard. With Plotly's `responsive`, a resize
 * (the page's scrollbar appearing as charts draw is one) re-fits each plot to its mount, and the mounts were
 * the 360-px default: on a real Top 50 file the genre heatmap (21 genres, 874 px) shrank to 360 px, Plotly
 * labelled only every other row, and the 3×3 histograms (740 px) were flattened.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLab } from '../../../src/pipeline/run';
import { openBrowserSession, type BrowserSession } from '../browser-session';

// The pipeline and a browser on a shared 2-core machine: no timing asserted.
jest.setTimeout(600_000);

const GENRES = Array.from({ length: 22 }, (_, i) => `genre ${String.fromCharCode(97 + i)}`);

/** 330 tracks, 15 per genre, features from a fixed sequence (no randomness needed). */
function writeGenreCsv(file: string): void {
  const lines = ['name,artist,genre,danceability,energy,valence,acousticness,loudness,tempo'];
  for (let i = 0; i < 330; i++) {
    const u = (k: number) => (((i * 7919 + k * 104729) % 1000) / 1000).toFixed(3);
    lines.push(
      `Song ${i},Artist ${i % 40},${GENRES[i % GENRES.length]},${u(1)},${u(2)},${u(3)},${u(4)},${(-20 + 15 * Number(u(5))).toFixed(2)},${(80 + 90 * Number(u(6))).toFixed(1)}`,
    );
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

let dir: string;
let session: BrowserSession;

beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-figure-height-'));
  const data = path.join(dir, 'genres.csv');
  writeGenreCsv(data);
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await runLab(
      { data, outDir: dir, offline: true, rounds: 10, quiet: true },
      { notebooks: false, figurePng: false },
    );
  } finally {
    log.mockRestore();
  }
  session = await openBrowserSession(path.join(dir, 'reports', 'dashboard'));
});

afterAll(async () => {
  await session?.close();
  if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
});

test('the genre heatmap and the histograms keep their own height after the page settles and resizes', async () => {
  await session.withPage('global.html', async (page, report) => {
    const measure = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('[data-figure]')).map((mount) => ({
          title: mount.querySelector('.gtitle')?.textContent ?? '',
          height: Number(mount.querySelector('.main-svg')?.getAttribute('height')),
          rows: Array.from(mount.querySelectorAll('.ytick text')).map((t) => t.textContent ?? ''),
        })),
      );
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-figure]')).every((m) => m.querySelector('.main-svg')),
    );
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.waitForTimeout(1500); // let Plotly's resize handler run: what is asserted is the settled state
    const figures = await measure();
    const genre = figures.find((f) => f.title.startsWith('Cohorts by genre'))!;
    expect(genre.height).toBe(160 + 34 * GENRES.length);
    expect(genre.rows.filter((r) => r.startsWith('genre ')).length).toBe(GENRES.length);
    const histograms = figures.find((f) => f.title.startsWith('Feature distributions'))!;
    expect(histograms.height).toBeGreaterThan(500);
    expect(report.pageErrors).toEqual([]);
  });
});

test('a chart missing for the same reason as the one before it gets its line once', async () => {
  await session.withPage('global.html', async (page) => {
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text.match(/Not in this run — no yearly trends/g)?.length).toBe(1);
    expect(text).toContain('Note: '); // bold "Note:" rendered, not "*Note:*" left as typed
    expect(text).not.toContain('*Note:*');
  });
});
