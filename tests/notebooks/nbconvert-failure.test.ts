import { parseNbconvertFailure } from '../../src/notebooks/nbconvert-failure';

const RULE = '------------------';
/** nbclient's CellExecutionError text (nbclient/exceptions.py exec_err_msg) after a Python traceback. */
function cellError(source: string, traceback: string, ename: string, evalue: string): string {
  return [
    'Traceback (most recent call last):',
    '  File "/usr/bin/jupyter-nbconvert", line 33, in <module>',
    'nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:',
    RULE,
    source,
    RULE,
    '',
    traceback,
    `${ename}: ${evalue}`,
    '',
  ].join('\n');
}

test('cuts the cell source and the error text out of a CellExecutionError', () => {
  const stderr = cellError(
    'throw new Error("boom");',
    'Error: boom\n    at evalmachine.<anonymous>:3:7',
    'Error',
    'boom',
  );
  expect(parseNbconvertFailure(stderr, ['console.log(1);', 'throw new Error("boom");'])).toEqual({
    kind: 'cell-error',
    cellSource: 'throw new Error("boom");',
    cellIndex: 1,
    errorText: 'Error: boom\n    at evalmachine.<anonymous>:3:7\nError: boom',
  });
});

test('a dashed line inside the source does not end it when the notebook cells are known', () => {
  const source = `// ${RULE}\nconst a = 1;\n${RULE}\nthrow a;`;
  const stderr = cellError(source, 'Uncaught 1', 'Uncaught', '1');
  const failure = parseNbconvertFailure(stderr, ['const a = 1;', source]);
  expect(failure.cellSource).toBe(source);
  expect(failure.cellIndex).toBe(1);
  expect(failure.errorText).toBe('Uncaught 1\nUncaught: 1');
});

test('without the notebook it still finds the source between the rules', () => {
  const failure = parseNbconvertFailure(
    cellError('const x: number = "a";', "1:7 - Type 'string'…", 'TypeScriptError', '…'),
  );
  expect(failure).toMatchObject({ kind: 'cell-error', cellSource: 'const x: number = "a";', cellIndex: -1 });
  expect(failure.errorText).toContain('TypeScriptError');
});

test('recognises timeouts, dead kernels, and keeps the tail of anything else', () => {
  const timeout = [
    'nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 5 seconds.',
    'The message was: Cell execution timed out.',
    'Here is a preview of the cell contents:',
    '-------------------',
    'await new Promise((r) => setTimeout(r, 60000));',
    '-------------------',
  ].join('\n');
  expect(parseNbconvertFailure(timeout, ['await new Promise((r) => setTimeout(r, 60000));'])).toEqual({
    kind: 'timeout',
    cellSource: 'await new Promise((r) => setTimeout(r, 60000));',
    cellIndex: 0,
    errorText: 'cell timed out after 5 s (raise it with --timeout)',
  });
  expect(parseNbconvertFailure('nbclient.exceptions.DeadKernelError: Kernel died').kind).toBe('kernel-died');
  const other = parseNbconvertFailure(Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n'));
  expect(other.kind).toBe('other');
  expect(other.errorText.split('\n')).toHaveLength(30);
  expect(other.errorText.endsWith('line 49')).toBe(true);
});
