/**
 * The Jupyter project's kernel conformance suite (jupyter_kernel_test, Debian python3-jupyter-kernel-test)
 * against the committed kernelspec, with node_modules/.bin off PATH as in a user's Jupyter. The suite's
 * checks and this kernel's own live in test_tslab_kernel.py next to this file; any failure fails here
 * with unittest's report.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
// Debian's Python holds the Debian Jupyter packages; a python3 earlier on PATH (pyenv, a venv) may not.
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

test('jupyter_kernel_test passes: every check that applies, the pager skipped with its reason', () => {
  const run = spawnSync(PYTHON, ['-m', 'unittest', '-v', 'tests/kernel/test_tslab_kernel.py'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: {
      ...process.env,
      JUPYTER_PATH: path.join(ROOT, 'jupyter'),
      PATH: (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter((dir) => !dir.endsWith(path.join('node_modules', '.bin')))
        .join(path.delimiter),
    },
  });
  const report = `${run.stderr}${run.stdout}`;
  if (run.status !== 0) throw new Error(`jupyter_kernel_test failed (exit ${run.status}):\n${report}`);
  expect(report).toMatch(/^OK \(skipped=1\)$/m);
  expect(report).toMatch(/test_pager .* skipped "TypeScript has no help syntax/);
  // The suite's own twelve checks all ran (eleven passed, the pager skipped).
  for (const check of [
    'kernel_info',
    'execute_stdout',
    'execute_stderr',
    'completion',
    'is_complete',
    'error',
    'execute_result',
    'display_data',
    'history',
    'inspect',
    'clear_output',
  ]) {
    expect(report).toMatch(new RegExp(`^test_${check} \\(.*\\) \\.\\.\\. ok$`, 'm'));
  }
}, 300_000);
