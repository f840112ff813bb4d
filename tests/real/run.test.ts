/**
 * `lab run` end to end on both real files in ../shared/data — steps, figures, dashboard and the seven notebooks
 * — as a user would run it. The 20k file has no album columns (it crashed the figures step before), the subset
 * file has 116 tracks (small-data warnings); both must finish with every output written and no internal
 * message in what the user reads.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLab } from '../../src/pipeline/run';

const DATA = path.resolve(__dirname, '../../../shared/data');
// Seven notebooks per file: about 2 minutes each on an idle 2-core machine, far more on a loaded one.
jest.setTimeout(30 * 60 * 1000);
const INTERNAL =
  /Sql:|Binder Error|Invalid Input Error|Conversion Error|noiseCeiling|topEntitiesFigure|leave it out|clean the table first/;

async function runWhole(file: string): Promise<{ outDir: string; stdout: string }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-real-run-'));
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.join(' '));
  });
  try {
    const result = await runLab(
      { data: file, outDir, quiet: true, offline: true, seed: 42 },
      // PNGs are the figures' HTML drawn by Chromium, checked in tests/report; here the HTML is enough.
      { notebooks: true, figurePng: false },
    );
    expect(result.ok).toBe(true);
  } finally {
    log.mockRestore();
  }
  return { outDir, stdout: lines.join('\n') };
}

function expectOutputs(outDir: string): void {
  const figures = fs.readdirSync(path.join(outDir, 'figures')).filter((f) => f.endsWith('.html'));
  expect(figures.length).toBeGreaterThanOrEqual(20);
  for (const page of ['index', 'global', 'explorer', 'clusters', 'model'])
    expect(fs.existsSync(path.join(outDir, 'reports', 'dashboard', `${page}.html`))).toBe(true);
  const notebooks = fs
    .readdirSync(path.join(outDir, 'reports', 'notebooks'))
    .filter((f) => f.endsWith('.html'));
  expect(notebooks).toHaveLength(7);
  for (const nb of notebooks) {
    const html = fs.readFileSync(path.join(outDir, 'reports', 'notebooks', nb), 'utf8');
    expect(html).not.toMatch(INTERNAL);
  }
  expect(fs.existsSync(path.join(outDir, 'models', 'promotion_model.json'))).toBe(true);
}

test('spotify_600k_format_20k_real.csv (no album columns): figures, dashboard, notebooks', async () => {
  const { outDir, stdout } = await runWhole(path.join(DATA, 'spotify_600k_format_20k_real.csv'));
  try {
    expect(stdout).toMatch(/no top albums: needs album_id or album \(none in file\)/);
    expect(stdout).not.toMatch(/\b1 albums|\b0 albums/);
    expect(stdout).not.toMatch(INTERNAL);
    expectOutputs(outDir);
    const global = fs.readFileSync(path.join(outDir, 'reports', 'dashboard', 'global.html'), 'utf8');
    expect(global).toContain('no top albums');
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});

test('tracks_features_real_subset.csv (116 tracks): figures, dashboard, notebooks, with small-data notes', async () => {
  const { outDir, stdout } = await runWhole(path.join(DATA, 'tracks_features_real_subset.csv'));
  try {
    expect(stdout).toMatch(/mood clusters on \d+ tracks: below 2,000/);
    expect(stdout).toMatch(/promotion model trained on only \d+ tracks \(fewer than 200\)/);
    expect(stdout).not.toMatch(INTERNAL);
    expectOutputs(outDir);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});
