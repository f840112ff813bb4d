/**
 * Failing notebooks through the real runner and the patched tslab kernel: the run stops at the failing cell
 * and reports its source and the kernel's error text (unpatched tslab gives nbconvert an empty error).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES, runNotebooksCli } from './run-cli';

const FAILING = path.join(FIXTURES, 'failing');
type CliResult = Awaited<ReturnType<typeof runNotebooksCli>>;
let outDir: string;
let runtimeError: CliResult;
let typeError: CliResult;

// Both runs at once: each is mostly a kernel starting, and the machine has two cores.
beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nb-failing-'));
  [runtimeError, typeError] = await Promise.all([
    // One at a time, so the second notebook would only start after the first: it must not.
    runNotebooksCli(['--dir', FAILING, '--out', outDir, '--timeout', '120', '--parallel', '1']),
    runNotebooksCli(['--dir', FAILING, '--out', outDir, '--only', '02']),
  ]);
}, 240_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test('a runtime error stops the run with the cell source and the error', () => {
  const { code, stdout, stderr } = runtimeError;
  expect(code).toBe(1);
  expect(stdout).toContain('▸ [1/2] 01_runtime_error.ipynb');
  expect(stdout).not.toContain('[2/2]');
  expect(stderr).toContain('✗ 01_runtime_error.ipynb: cell 2 failed');
  expect(stderr).toContain('--- cell source ---\n// ------------------ a dashed comment');
  expect(stderr).toContain(
    'if (tracks.length === 0) throw new Error("no tracks loaded: " + tracks.length);\n--- error ---',
  );
  expect(stderr).toContain('Error: no tracks loaded: 0');
  expect(stderr).not.toContain('this cell must not run');
  expect(fs.existsSync(path.join(outDir, '01_runtime_error.html'))).toBe(false);
});

test('a type error names the position and the compiler message', () => {
  const { code, stderr } = typeError;
  expect(code).toBe(1);
  expect(stderr).toContain('✗ 02_type_error.ipynb: cell 2 failed');
  expect(stderr).toContain('const year: number = "2019";');
  expect(stderr).toContain(
    "TypeScriptError: Cell In[1], line 1, column 7: error TS2322: Type 'string' is not assignable to type 'number'.",
  );
});

test('bad arguments fail before any kernel starts', async () => {
  const unknown = await runNotebooksCli(['--dir', FAILING, '--only', '7']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('no notebook numbered 7');
  const timeout = await runNotebooksCli(['--timeout', 'soon']);
  expect(timeout.stderr).toContain('--timeout takes a positive number of seconds, got "soon"');
  const parallel = await runNotebooksCli(['--parallel', '0']);
  expect(parallel.stderr).toContain('--parallel takes a positive whole number, got "0"');
}, 60_000);
