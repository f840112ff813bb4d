/**
 * `lab run` (steps, figures, dashboard) on the degenerate files users bring: every one finishes, each missing
 * or unusable column is said in one line in the CLI output and on the dashboard, and no internal message or
 * DuckDB error class reaches the user.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLab } from '../../../src/pipeline/run';
import { writeFixture, type FixtureSpec } from './degenerate-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-degenerate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Internal wording that must never reach a user (step names of internal functions, DuckDB error classes). */
const INTERNAL =
  /Sql:|Binder Error|Invalid Input Error|Conversion Error|noiseCeiling|topEntitiesFigure|leave it out|clean the table first|\bat \S+\.ts:\d+/;

interface Run {
  stdout: string;
  dashboard: string;
}

async function run(name: string, spec: FixtureSpec): Promise<Run> {
  const data = writeFixture(dir, name, spec);
  const outDir = path.join(dir, `out-${name}`);
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.join(' '));
  });
  try {
    const result = await runLab(
      { data, outDir, quiet: true, offline: true, seed: 42, cacheDir: path.join(outDir, 'cache') },
      { notebooks: false, figurePng: false },
    );
    expect(result.ok).toBe(true);
  } finally {
    log.mockRestore();
  }
  const site = path.join(outDir, 'reports', 'dashboard');
  // The pages and their data (figures live in assets/data-PAGE.js).
  const files = [
    ...fs.readdirSync(site).filter((f) => f.endsWith('.html')),
    ...fs
      .readdirSync(path.join(site, 'assets'))
      .filter((f) => f.startsWith('data-'))
      .map((f) => `assets/${f}`),
  ];
  const dashboard = files.map((f) => fs.readFileSync(path.join(site, f), 'utf8')).join('\n');
  const stdout = lines.join('\n');
  expect(stdout).not.toMatch(INTERNAL);
  expect(dashboard).not.toMatch(INTERNAL);
  return { stdout, dashboard };
}

test('no explicit, no album, no album_id (the 1921–2020 layout): no explicit cohort, no top albums, said once', async () => {
  const { stdout, dashboard } = await run('no-explicit-album', {
    rows: 300,
    drop: ['explicit', 'album', 'album_id'],
  });
  expect(stdout).toContain('no album in file');
  expect(stdout).toContain('no explicit flag in file');
  expect(stdout).not.toMatch(/0\.0% explicit|\b1 albums/);
  expect(stdout).toMatch(/no top albums: needs album_id or album \(none in file\)/);
  expect(stdout).toMatch(/no explicit cohort: needs explicit \(explicit not in file\)/);
  expect(dashboard).toContain('no top albums: needs album_id or album (none in file)');
  expect(stdout).toMatch(/Promotion model \(rule labels\): test ROC AUC/);
});

test('album without album_id: top albums by title, with the note', async () => {
  const { stdout, dashboard } = await run('album-no-id', { rows: 300, drop: ['album_id'] });
  expect(stdout).toMatch(/top albums by album \(album_id not in file\)/);
  expect(dashboard).toContain('Albums are grouped by title');
  expect(dashboard).not.toContain('no top albums');
});

test('a constant column (instrumentalness all 0) is left out of correlation and clustering, with a note', async () => {
  const { stdout, dashboard } = await run('constant-instrumentalness', {
    rows: 400,
    set: { instrumentalness: () => 0 },
  });
  expect(stdout).toMatch(
    /correlation matrix, decade cohorts, explicit cohort on 8 of 9 features \(instrumentalness constant \(every value 0\)\)/,
  );
  expect(stdout).toMatch(/mood clusters on 8 of 9 features \(instrumentalness constant \(every value 0\)\)/);
  expect(dashboard).toContain('mood clusters on 8 of 9 features');
});

test('a rule that promotes no track: one sentence, no model, the rest runs', async () => {
  const { stdout, dashboard } = await run('rule-none', {
    rows: 200,
    set: { valence: () => 0.1, energy: () => 0.2, danceability: () => 0.3 },
  });
  expect(stdout).toMatch(
    /Skipped — no promotion model: the rule .* promotes none of the 200 track\(s\), so there is nothing to learn/,
  );
  expect(stdout).toMatch(/Mood clusters: k = 6/);
  expect(dashboard).toContain('promotes none of the 200 track(s)');
});

test('a rule that promotes every track: one sentence, no model; no artist names: a note for the chart', async () => {
  const { stdout, dashboard } = await run('rule-all', {
    rows: 120,
    set: { danceability: () => 0.9, artists: () => '[]' },
  });
  expect(dashboard).toContain('no top artists: every artist name in the file is empty');
  expect(stdout).toMatch(/Skipped — no promotion model: the rule .* promotes all of the 120 track\(s\)/);
});

test('one row: every step that needs more says why; nothing crashes', async () => {
  const { stdout, dashboard } = await run('one-row', { rows: 1 });
  expect(stdout).toMatch(/^1 track, /m);
  expect(stdout).toMatch(/Skipped — no mood clusters: .*needs at least 30 tracks/);
  expect(stdout).toMatch(/Skipped — no promotion model: the rule .* of the 1 track\(s\)/);
  expect(stdout).toMatch(/no correlation matrix.*: needs at least 2 usable of/);
  expect(dashboard).toContain('no mood clusters');
});

test('25 rows: clusters and the model are skipped, each with its minimum', async () => {
  const { stdout } = await run('few-rows', { rows: 25 });
  expect(stdout).toMatch(/Skipped — no mood clusters: k = 6 needs at least 30 tracks/);
  expect(stdout).toMatch(
    /no promotion model: 25 tracks with \d+ labelled positive; a train\/validation\/test split needs/,
  );
});

test('40 rows: clusters and model run, with the few-tracks and small-test-set warnings', async () => {
  const { stdout, dashboard } = await run('forty-rows', { rows: 40 });
  expect(stdout).toMatch(
    /mood clusters on 40 tracks: below 2,000, silhouette and cluster names are unstable/,
  );
  expect(stdout).toMatch(/promotion model trained on only 40 tracks \(fewer than 200\)/);
  expect(stdout).toMatch(/small test set: 95 % intervals wider than 0.2/);
  expect(dashboard).toContain('small test set');
});

test('no year (nor release date): no trends, no year feature, popularity over the whole file', async () => {
  const { stdout, dashboard } = await run('no-year', {
    rows: 300,
    drop: ['year', 'release_date'],
    set: { popularity: (i) => (i * 37) % 101 },
    extra: ['popularity'],
  });
  expect(stdout).toContain('no year in file');
  expect(stdout).toMatch(/no yearly trends, decade cohorts: needs year \(year not in file\)/);
  expect(stdout).toMatch(/promotion model on 10 of 11 features \(year not in file\)/);
  expect(stdout).toMatch(/Real target: popularity in the top quarter of its file/);
  expect(stdout).toMatch(
    /popularity target: top quarter of the whole file, not within year \(year not in file\)/,
  );
  expect(dashboard).toContain('no yearly trends');
});

test('no instrumentalness: clusters, correlation and the model on the other features, said once each', async () => {
  const { stdout } = await run('no-instrumentalness', { rows: 300, drop: ['instrumentalness'] });
  expect(stdout).toMatch(/mood clusters on 8 of 9 features \(instrumentalness not in file\)/);
  expect(stdout).toMatch(/promotion model on 10 of 11 features \(instrumentalness not in file\)/);
  expect(stdout.match(/correlation matrix/g)).toHaveLength(1);
});

test('no valence: no labels and no model, one sentence; trends and clusters still run', async () => {
  const { stdout, dashboard } = await run('no-valence', { rows: 300, drop: ['valence'] });
  expect(stdout).toMatch(
    /Skipped — no promotion labels \(and so no model\): needs valence, energy and danceability \(valence not in file\)/,
  );
  expect(stdout).toMatch(/Mood clusters: k = 6/);
  expect(dashboard).toContain('no promotion labels');
});
