/**
 * The runner's nbconvert lane: the Python found from the `jupyter` command's #! line, notebooks executed one
 * after another in one Python process by nbconvert's own application, and a process that dies failing only its job.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { executeNotebook, jupyterCommand, nbconvertEnv } from '../../src/notebooks/execute-notebook';
import { jupyterPython, NbconvertLane } from '../../src/notebooks/nbconvert-lane';

let work: string;
beforeAll(() => (work = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nb-lane-'))));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function command(dir: string, name: string, text: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, { mode: 0o755 });
  return file;
}

describe('jupyterPython', () => {
  test('the #! line of the jupyter command on PATH, as command and arguments', () => {
    const a = path.join(work, 'a');
    const b = path.join(work, 'b');
    command(b, 'jupyter', '#!/opt/venv/bin/python3.11\nimport sys\n');
    expect(jupyterPython({ PATH: [a, b].join(path.delimiter) })).toEqual(['/opt/venv/bin/python3.11']);
    command(a, 'jupyter', '#! /usr/bin/env python3 -s\n');
    expect(jupyterPython({ PATH: [a, b].join(path.delimiter) })).toEqual(['/usr/bin/env', 'python3', '-s']);
    expect(jupyterPython({}, path.join(b, 'jupyter'))).toEqual(['/opt/venv/bin/python3.11']);
  });

  test('null without a jupyter command or with one that is not a Python script', () => {
    expect(jupyterPython({ PATH: path.join(work, 'nowhere') })).toBeNull();
    const shell = command(path.join(work, 'c'), 'jupyter', '#!/bin/bash\necho fake\n');
    expect(jupyterPython({}, shell)).toBeNull();
  });
});

describe('NbconvertLane', () => {
  test('a Python that exits fails the job it was running, with why; the next job starts another', async () => {
    const lane = new NbconvertLane(['/bin/sh', '-c', 'echo "no nbconvert here" >&2; exit 3'], process.env);
    const first = await lane.run(['--to', 'html', 'x.ipynb']);
    expect(first.code).toBe(3);
    expect(first.stderr).toContain('no nbconvert here');
    expect(first.stderr).toContain("the nbconvert lane's Python exited (code 3)");
    await expect(lane.run(['again.ipynb'])).resolves.toMatchObject({ code: 3 });
    lane.close();
  });

  test('start() starts the process before any job, so its imports overlap what the runner does first', async () => {
    const marker = path.join(work, 'started');
    const lane = new NbconvertLane(['/bin/sh', '-c', `touch '${marker}'; cat > /dev/null`], process.env);
    try {
      lane.start();
      for (let i = 0; i < 100 && !fs.existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50));
      expect(fs.existsSync(marker)).toBe(true);
    } finally {
      lane.close();
    }
  });

  test('two notebooks, one Python process: both kernels have the same parent; the HTML as the command writes it', async () => {
    const dir = path.join(work, 'nbs');
    fs.mkdirSync(dir);
    const notebook = {
      cells: [
        {
          cell_type: 'code',
          metadata: {},
          outputs: [],
          execution_count: null,
          source: 'console.log(`kernel-parent-pid=${process.ppid}`);',
        },
      ],
      metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab)', language: 'typescript' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    for (const name of ['a.ipynb', 'b.ipynb'])
      fs.writeFileSync(path.join(dir, name), JSON.stringify(notebook));
    const python = jupyterPython(nbconvertEnv({}), jupyterCommand({}));
    expect(python).not.toBeNull();
    const lane = new NbconvertLane(python!, nbconvertEnv({}));
    const out = path.join(work, 'out');
    try {
      for (const name of ['a.ipynb', 'b.ipynb'])
        await executeNotebook(path.join(dir, name), { outDir: out, nbconvert: (argv) => lane.run(argv) });
    } finally {
      lane.close();
    }
    const parent = (name: string) =>
      /kernel-parent-pid=(\d+)/.exec(fs.readFileSync(path.join(out, name), 'utf8'))?.[1];
    expect(parent('a.html')).toMatch(/^\d+$/);
    expect(parent('b.html')).toBe(parent('a.html'));
    // One new process each without the lane.
    await executeNotebook(path.join(dir, 'a.ipynb'), { outDir: out });
    expect(parent('a.html')).not.toBe(parent('b.html'));
  }, 120_000);
});
