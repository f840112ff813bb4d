/**
 * The pure pieces the tslab patch adds (patches/tslab+1.0.22.patch): the kernel's history, how a value
 * becomes a mime bundle, and the traceback rewriting. The wire protocol around them is judged by
 * jupyter_kernel_test (conformance.test.ts) and a live Notebook (live-classic-notebook.test.ts).
 */
import * as path from 'path';

const DIST = path.resolve(__dirname, '..', '..', 'node_modules', 'tslab', 'dist');
const { KernelHistory, globToRegExp } = require(path.join(DIST, 'history.js'));
const { mimeBundleOf, DISPLAY_SYMBOL } = require(path.join(DIST, 'display-value.js'));
const { rewriteStack } = require(path.join(DIST, 'source-maps.js'));

function historyOf(inputs: string[]) {
  const history = new KernelHistory();
  inputs.forEach((input, i) => history.add(i + 1, input));
  return history;
}

test('history: tail, range (stop exclusive, session 0 or 1) and glob search with unique and n', () => {
  const history = historyOf(['a = 1', '1 + 1', 'b = 2', '1 + 1', '1 + 2']);
  history.setOutput(2, '2');
  expect(history.reply({ hist_access_type: 'tail', n: 2 }).history).toEqual([
    [1, 4, '1 + 1'],
    [1, 5, '1 + 2'],
  ]);
  expect(
    history.reply({ hist_access_type: 'range', session: 0, start: 2, stop: 3, output: true }).history,
  ).toEqual([[1, 2, ['1 + 1', '2']]]);
  expect(history.reply({ hist_access_type: 'range', session: 7, start: 1, stop: 9 }).history).toEqual([]);
  const search = (req: object) =>
    history.reply({ hist_access_type: 'search', ...req }).history.map((h: unknown[]) => h[1]);
  expect(search({ pattern: '1 + *' })).toEqual([2, 4, 5]);
  expect(search({ pattern: '1 + *', unique: true })).toEqual([4, 5]);
  expect(search({ pattern: '1 + *', n: 1 })).toEqual([5]);
  expect(search({ pattern: '?' })).toEqual([]);
  expect(history.reply({ hist_access_type: 'nonsense' }).status).toBe('error');
});

test('glob patterns match the whole input, with ? and [] classes, and regex characters taken literally', () => {
  expect(globToRegExp('a.b*').test('a.bc')).toBe(true);
  expect(globToRegExp('a.b*').test('axbc')).toBe(false);
  expect(globToRegExp('x[0-9]').test('x7')).toBe(true);
  expect(globToRegExp('x[!0-9]').test('x7')).toBe(false);
  expect(globToRegExp('(1 + 1)?').test('(1 + 1);')).toBe(true);
});

test('a value is text/plain as util.inspect prints it, or its own Jupyter.display bundle plus text/plain', () => {
  expect(mimeBundleOf('ab')).toEqual({ data: { 'text/plain': "'ab'" }, metadata: {} });
  expect(mimeBundleOf([1, 2]).data).toEqual({ 'text/plain': '[ 1, 2 ]' });
  expect(DISPLAY_SYMBOL).toBe(Symbol.for('Jupyter.display'));
  const frame = {
    rows: 2,
    [Symbol.for('Jupyter.display')]() {
      return { 'text/html': `<table>${this.rows}</table>`, 'image/png': new Uint8Array([1, 2, 3]) };
    },
  };
  const { data } = mimeBundleOf(frame);
  expect(data['text/html']).toBe('<table>2</table>');
  expect(data['image/png']).toBe(Buffer.from([1, 2, 3]).toString('base64'));
  expect(data['text/plain']).toContain('rows: 2');
  const labelled = { [Symbol.for('Jupyter.display')]: () => ({ 'text/plain': 'a frame' }) };
  expect(mimeBundleOf(labelled).data).toEqual({ 'text/plain': 'a frame' });
});

test('framework frames are dropped from a stack; other frames stay', () => {
  const stack = [
    'Error: boom',
    `    at execute (${path.join(DIST, 'executor.js')}:190:30)`,
    '    at node:internal/process/task_queues:95:5',
    '    at evalmachine.<anonymous>:7:30',
    '    at parse (/work/project/node_modules/some-lib/index.js:3:9)',
  ].join('\n');
  expect(rewriteStack(stack)).toEqual([
    'Error: boom',
    '    at parse (/work/project/node_modules/some-lib/index.js:3:9)',
  ]);
});
