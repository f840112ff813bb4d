/**
 * Output sets (src/pipeline/outputs.ts): a run's models/, figures/, reports/dashboard/ and reports/notebooks/
 * agree. Unit level on a folder of files, a process killed with SIGKILL mid-run, then the real pipeline: a run
 * that fails after writing part of its outputs, and two concurrent CLI runs with different seeds.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import { beginOutputSet } from '../../src/pipeline/outputs';
import { runLab } from '../../src/pipeline/run';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '..', '..');
const tmpDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Every file of the output folders below `dir` (models/, figures/, reports/) with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  for (const folder of ['models', 'figures', 'reports'])
    if (fs.existsSync(path.join(dir, folder))) walk(path.join(dir, folder));
  return out;
}

function previousRun(dir: string): void {
  const files: Record<string, string> = {
    'models/README.md': 'tracked readme',
    'models/promotion_model.json': 'old model',
    'models/popularity_model.json': 'old popularity model, from another data file',
    'figures/README.md': 'tracked readme',
    'figures/trends.html': 'old figure',
    'reports/README.md': 'tracked readme',
    'reports/dashboard/index.html': 'old dashboard',
    'reports/notebooks/01_eda.html': 'old notebook',
    'data/keep.csv': 'not an output',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

describe('one folder of files', () => {
  test('commit: only what this run wrote (and tracked READMEs) remains; no lock, no previous set', async () => {
    const dir = tmpDir('lab-outputs-');
    previousRun(dir);
    const set = await beginOutputSet(dir, { notice: () => undefined });
    expect(fs.existsSync(path.join(dir, '.lab-run.lock'))).toBe(true);
    fs.writeFileSync(path.join(dir, 'models/promotion_model.json'), 'new model');
    fs.writeFileSync(path.join(dir, 'reports/dashboard/index.html'), 'new dashboard');
    set.commit();
    expect(snapshot(dir)).toEqual({
      'models/README.md': 'tracked readme',
      'models/promotion_model.json': 'new model',
      'figures/README.md': 'tracked readme',
      'reports/README.md': 'tracked readme',
      'reports/dashboard/index.html': 'new dashboard',
    });
    expect(fs.readFileSync(path.join(dir, 'data/keep.csv'), 'utf8')).toBe('not an output');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.lab-'))).toEqual([]);
  });

  test('rollback: the previous set exactly, nothing of the failed run', async () => {
    const dir = tmpDir('lab-outputs-');
    previousRun(dir);
    const before = snapshot(dir);
    const set = await beginOutputSet(dir, { notice: () => undefined });
    fs.writeFileSync(path.join(dir, 'models/promotion_model.json'), 'half a new model');
    fs.writeFileSync(path.join(dir, 'figures/new.html'), 'new figure');
    set.rollback();
    expect(snapshot(dir)).toEqual(before);
  });

  test('a second run waits, saying which run holds the folder, and goes on when it is released', async () => {
    const dir = tmpDir('lab-outputs-');
    const first = await beginOutputSet(dir, { notice: () => undefined, command: 'lab run --seed 1' });
    const notices: string[] = [];
    let secondStarted = false;
    const second = beginOutputSet(dir, { notice: (l) => notices.push(l), pollMs: 20 }).then((set) => {
      secondStarted = true;
      return set;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondStarted).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      new RegExp(
        `another lab run is writing .* \\(pid ${process.pid} on .*, started \\d{4}-.*: lab run --seed 1\\); waiting`,
      ),
    );
    first.commit();
    (await second).commit();
    expect(secondStarted).toBe(true);
  });

  test('a lock still held past the wait limit is an error naming the holder', async () => {
    const dir = tmpDir('lab-outputs-');
    const first = await beginOutputSet(dir, { notice: () => undefined, command: 'lab run --seed 9' });
    await expect(beginOutputSet(dir, { notice: () => undefined, waitMs: 50, pollMs: 10 })).rejects.toThrow(
      /is still locked by another lab run \(pid \d+ .*lab run --seed 9\); remove .*\.lab-run\.lock if that run is gone/,
    );
    first.rollback();
  });

  test('a run killed with SIGKILL mid-write: the next run takes the stale lock and restores the previous set', async () => {
    const dir = tmpDir('lab-outputs-');
    previousRun(dir);
    const before = snapshot(dir);
    const script = path.join(dir, 'killed-run.ts');
    fs.writeFileSync(
      script,
      `import * as fs from 'fs';
       import { beginOutputSet } from ${JSON.stringify(path.join(ROOT, 'src/pipeline/outputs'))};
       beginOutputSet(${JSON.stringify(dir)}).then(() => {
         fs.writeFileSync(${JSON.stringify(path.join(dir, 'models/promotion_model.json'))}, 'half');
         console.log('ready');
         setInterval(() => undefined, 1000);
       });`,
    );
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => String(d).includes('ready') && resolve()),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    fs.rmSync(script);
    expect(fs.existsSync(path.join(dir, '.lab-run.lock'))).toBe(true);

    const notices: string[] = [];
    const set = await beginOutputSet(dir, { notice: (l) => notices.push(l) });
    set.rollback();
    expect(notices[0]).toMatch(
      new RegExp(`the run that held .* \\(pid ${child.pid} .*\\) is gone; taking over`),
    );
    expect(notices[1]).toMatch(/did not finish; restoring the outputs before it/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the real pipeline', () => {
  let data: string;
  beforeAll(async () => {
    data = path.join(tmpDir('lab-outputs-data-'), 'demo.csv');
    await writeDemoCsv(data, { rows: 800, seed: 17 });
  });

  test('a run that fails after writing its model leaves the previous set intact', async () => {
    const dir = tmpDir('lab-outputs-run-');
    previousRun(dir);
    const before = snapshot(dir);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      // The timings file is written last, after the model is saved; a folder in its place makes the run fail.
      const timings = path.join(dir, 'timings-is-a-folder');
      fs.mkdirSync(timings);
      await expect(
        runLab(
          { data, outDir: dir, rounds: 5, offline: true, quiet: true },
          { notebooks: false, dashboard: false, timingsJson: timings },
        ),
      ).rejects.toThrow(/EISDIR/);
    } finally {
      log.mockRestore();
    }
    expect(snapshot(dir)).toEqual(before);
  });

  test('two concurrent runs with different seeds: both finish, one after the other, and every output agrees', async () => {
    const dir = tmpDir('lab-outputs-two-');
    previousRun(dir);
    const env = { ...process.env, LAB_OUT_DIR: dir, LAB_CACHE_DIR: path.join(dir, 'cache') };
    const start = (seed: number) => {
      const child = spawn(
        process.execPath,
        [
          path.join(ROOT, 'bin/lab.js'),
          'run',
          '--data',
          data,
          '--seed',
          String(seed),
          '--rounds',
          '5',
          '--offline',
          '--no-notebooks',
          '--quiet',
        ],
        { env, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      return new Promise<{ code: number | null; stderr: string }>((resolve) =>
        child.on('exit', (code) => resolve({ code, stderr })),
      );
    };
    const runs = await Promise.all([start(1), start(2)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const waited = runs.filter((r) =>
      /another lab run is writing .*; waiting for it to finish/.test(r.stderr),
    );
    expect(waited).toHaveLength(1);

    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'models/promotion_model.meta.json'), 'utf8'));
    const home = fs.readFileSync(path.join(dir, 'reports/dashboard/index.html'), 'utf8');
    const seedShown = /<td>Seed<\/td><td>(\d+)<\/td>/.exec(home)?.[1];
    expect([1, 2]).toContain(meta.label.seed);
    expect(Number(seedShown)).toBe(meta.label.seed);
    expect(fs.existsSync(path.join(dir, 'models/popularity_model.json'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'reports/notebooks'))).toEqual([]); // --no-notebooks: no stale ones
    expect(fs.readFileSync(path.join(dir, 'models/README.md'), 'utf8')).toBe('tracked readme');
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.lab-'))).toEqual([]);
  });
});
