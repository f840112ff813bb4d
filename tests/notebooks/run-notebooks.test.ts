import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listNotebooks, runNotebooks, type RunNotebooksOptions } from '../../src/notebooks/run-notebooks';
import { hugePageEnv } from '../../src/notebooks/huge-pages';
import { sideBySideThreadEnv } from '../../src/notebooks/thread-wait-policy';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nb-list-'));
  for (const name of ['10_report.ipynb', '02_trends.ipynb', '01_eda.ipynb', 'scratch.ipynb', '03_notes.md']) {
    fs.writeFileSync(path.join(dir, name), '{}');
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('lists NN_name.ipynb in numeric order and skips the rest', () => {
  expect(listNotebooks(dir).map((f) => path.basename(f))).toEqual([
    '01_eda.ipynb',
    '02_trends.ipynb',
    '10_report.ipynb',
  ]);
});

test('--only picks numbers, with or without the leading zero', () => {
  expect(listNotebooks(dir, ['2', '10']).map((f) => path.basename(f))).toEqual([
    '02_trends.ipynb',
    '10_report.ipynb',
  ]);
  expect(() => listNotebooks(dir, ['04'])).toThrow(/no notebook numbered 4/);
  expect(() => listNotebooks(dir, ['eda'])).toThrow(/notebook numbers such as 01, got "eda"/);
  expect(() => listNotebooks(path.join(dir, 'missing'))).toThrow(/no notebook folder/);
});

describe('runNotebooks side by side', () => {
  // A stand-in for `jupyter` that logs when each notebook starts and ends; the scheduling is what is tested
  // here (real Jupyter runs the real notebooks in tests/notebooks/export.test.ts and lab-contract.test.ts).
  let work: string;
  let jupyter: string;
  let log: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nb-parallel-'));
    log = path.join(work, 'log.txt');
    jupyter = path.join(work, 'jupyter');
    fs.writeFileSync(
      jupyter,
      `#!/bin/bash
nb="\${@: -1}"; name=$(basename "$nb" .ipynb)
echo "start $name" >> ${JSON.stringify(log)}
case "$name" in *slow*) sleep 1.5 ;; *) sleep 0.4 ;; esac
echo "end $name" >> ${JSON.stringify(log)}
case "$name" in *fail*) echo "nbconvert: $name failed" >&2; exit 1 ;; esac
exit 0
`,
      { mode: 0o755 },
    );
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const notebookDir = (names: string[]) => {
    const d = fs.mkdtempSync(path.join(work, 'nbs-'));
    for (const name of names) fs.writeFileSync(path.join(d, name), JSON.stringify({ cells: [] }));
    fs.rmSync(log, { force: true });
    return d;
  };
  const events = () => fs.readFileSync(log, 'utf8').trim().split('\n');
  const mostAtOnce = (lines: string[]) => {
    let now = 0;
    let most = 0;
    for (const line of lines) most = Math.max(most, (now += line.startsWith('start') ? 1 : -1));
    return most;
  };

  test('two at a time, in order, results in notebook order', async () => {
    const d = notebookDir(['01_a.ipynb', '02_b_slow.ipynb', '03_c.ipynb', '04_d.ipynb']);
    const runs = await runNotebooks({ dir: d, jupyter, parallel: 2, outDir: path.join(work, 'out') });
    expect(runs.map((r) => path.basename(r.notebook))).toEqual([
      '01_a.ipynb',
      '02_b_slow.ipynb',
      '03_c.ipynb',
      '04_d.ipynb',
    ]);
    const lines = events();
    expect(mostAtOnce(lines)).toBe(2);
    const starts = lines.filter((l) => l.startsWith('start'));
    // 01 and 02 are spawned together, so either may log first; 03 and 04 start only as lanes free up.
    expect(starts.slice(0, 2).sort()).toEqual(['start 01_a', 'start 02_b_slow']);
    expect(starts.slice(2)).toEqual(['start 03_c', 'start 04_d']);
    // 03 and 04 ran beside the slow 02, not after it.
    expect(lines.indexOf('start 04_d')).toBeLessThan(lines.indexOf('end 02_b_slow'));
  });

  test('prepare runs beside the cell compiler and ends before the first kernel; its failure does not stop the run', async () => {
    const d = notebookDir(['01_a.ipynb', '02_b.ipynb']);
    const note = (line: string) => fs.appendFileSync(log, `${line}\n`);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await runNotebooks({
      dir: d,
      jupyter,
      outDir: path.join(work, 'out'),
      prepare: async () => {
        note('prepare begins');
        await sleep(300);
        note('prepare ends');
      },
      onPrecompiled: () => note('cells compiled'),
    });
    const lines = events();
    expect(lines.indexOf('prepare begins')).toBeLessThan(lines.indexOf('cells compiled'));
    expect(lines.indexOf('prepare ends')).toBeLessThan(lines.indexOf('start 01_a'));
    const runs = await runNotebooks({
      dir: d,
      jupyter,
      outDir: path.join(work, 'out'),
      prepare: () => Promise.reject(new Error('bad data: the first notebook reports it')),
    });
    expect(runs).toHaveLength(2);
  });

  test('parallel 1 runs one at a time', async () => {
    const d = notebookDir(['01_a.ipynb', '02_b.ipynb', '03_c.ipynb']);
    await runNotebooks({ dir: d, jupyter, parallel: 1, outDir: path.join(work, 'out') });
    expect(mostAtOnce(events())).toBe(1);
  });

  test('after a failure nothing new starts; the first failing notebook is the error', async () => {
    const d = notebookDir(['01_a_slow.ipynb', '02_b_fail.ipynb', '03_c.ipynb', '04_d.ipynb']);
    await expect(
      runNotebooks({ dir: d, jupyter, parallel: 2, outDir: path.join(work, 'out') }),
    ).rejects.toThrow(/02_b_fail\.ipynb: nbconvert failed[\s\S]*02_b_fail failed/);
    const lines = events();
    expect(lines).not.toContain('start 03_c');
    expect(lines).toContain('end 01_a_slow'); // the running one was let finish
    await expect(runNotebooks({ dir: d, jupyter, parallel: 0 })).rejects.toThrow(/positive integer/);
  });
});

/**
 * What a fake `jupyter` saw of `variable` in each notebook the runs of `body` executed ("unset" when unset), with
 * `variable` unset in this process while they run.
 */
async function seenByKernels(
  variable: string,
  notebooks: number,
  body: (run: (options?: RunNotebooksOptions) => Promise<unknown>) => Promise<void>,
): Promise<string[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nb-env-'));
  const saved = process.env[variable];
  try {
    const seen = path.join(work, 'seen.txt');
    const jupyter = path.join(work, 'jupyter');
    const script = `#!/bin/bash\necho "\${${variable}:-unset}" >> ${JSON.stringify(seen)}\n`;
    fs.writeFileSync(jupyter, script, { mode: 0o755 });
    const dir = fs.mkdtempSync(path.join(work, 'nbs-'));
    for (let i = 1; i <= notebooks; i++)
      fs.writeFileSync(path.join(dir, `0${i}_n.ipynb`), JSON.stringify({ cells: [] }));
    delete process.env[variable];
    await body((options = {}) =>
      runNotebooks({ dir, jupyter, parallel: 1, outDir: path.join(work, 'out'), ...options }),
    );
    return fs.readFileSync(seen, 'utf8').trim().split('\n');
  } finally {
    if (saved === undefined) delete process.env[variable];
    else process.env[variable] = saved;
    fs.rmSync(work, { recursive: true, force: true });
  }
}

describe("the kernels' environment", () => {
  test('OpenMP threads wait passively when more than one notebook runs, unless the user chose a policy', () => {
    expect(sideBySideThreadEnv(2, {})).toEqual({ OMP_WAIT_POLICY: 'PASSIVE' });
    expect(sideBySideThreadEnv(1, {})).toEqual({});
    expect(sideBySideThreadEnv(2, { OMP_WAIT_POLICY: 'ACTIVE' })).toEqual({});
    expect(sideBySideThreadEnv(2, { GOMP_SPINCOUNT: '10000' })).toEqual({});
  });

  test('the kernels get it: jupyter runs with OMP_WAIT_POLICY=PASSIVE at parallel 2, unset at 1', async () => {
    const seen = await seenByKernels('OMP_WAIT_POLICY', 2, async (run) => {
      await run({ parallel: 2 });
      await run({ parallel: 1 });
    });
    expect(seen).toEqual(['PASSIVE', 'PASSIVE', 'unset', 'unset']);
  });

  test("huge pages for the kernels' malloc, added to the user's glibc tunables unless they set that one", () => {
    expect(hugePageEnv({})).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    expect(hugePageEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toEqual({
      GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
    });
    expect(hugePageEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' })).toEqual({});
    expect(hugePageEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2' })).toEqual({});
  });

  test('the kernels get it, with the tunables the user gave the run', async () => {
    const seen = await seenByKernels('GLIBC_TUNABLES', 1, async (run) => {
      await run();
      await run({ env: { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' } });
      await run({ env: { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' } });
    });
    expect(seen).toEqual([
      'glibc.malloc.hugetlb=1',
      'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
      'glibc.malloc.hugetlb=0',
    ]);
  });

  test("the kernels draw no static images unless asked: figureImages, else the user's LAB_FIGURE_IMAGES", async () => {
    const seen = await seenByKernels('LAB_FIGURE_IMAGES', 1, async (run) => {
      await run();
      await run({ figureImages: true });
      await run({ env: { LAB_FIGURE_IMAGES: 'on' } });
      process.env.LAB_FIGURE_IMAGES = 'yes';
      await run();
      await run({ figureImages: false });
    });
    expect(seen).toEqual(['off', 'on', 'on', 'yes', 'off']);
  });
});
