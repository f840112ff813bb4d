/**
 * The kernel in a live classic Notebook (Debian's jupyter-notebook 6 in headless Chromium): Cell > Run All
 * over a notebook with an error in the middle, as a user runs it.
 */
import { notebookOf, startClassicNotebook, type ClassicNotebookServer } from '../helpers/classic-notebook';

let server: ClassicNotebookServer;

beforeAll(async () => {
  server = await startClassicNotebook();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

test('the committed kernelspec starts the kernel with no node_modules/.bin on PATH; trust is per notebook', async () => {
  server.writeNotebook('signed.ipynb', notebookOf(['console.log("hello")']), { trusted: true });
  server.writeNotebook('unsigned.ipynb', {
    ...notebookOf(['1']),
    cells: [
      { ...notebookOf(['1']).cells[0], outputs: [{ output_type: 'stream', name: 'stdout', text: 'x\n' }] },
    ],
  });
  const signed = await server.open('signed.ipynb');
  expect(await signed.trusted()).toBe(true);
  await signed.runAll();
  const [cell] = await signed.cells();
  expect(cell.executionCount).toBe(1);
  expect(cell.text.trim()).toBe('hello');
  const unsigned = await server.open('unsigned.ipynb');
  expect(await unsigned.trusted()).toBe(false);
});

test('Cell > Run All goes on past an error the notebook allows (raises-exception), as nbconvert --allow-errors', async () => {
  server.writeNotebook(
    'allow-errors.ipynb',
    notebookOf([
      'console.log("first")',
      { source: 'throw new Error("deliberate")', tags: ['raises-exception'] },
      'console.log("after the error")',
      '6 * 7',
    ]),
    { trusted: true },
  );
  const nb = await server.open('allow-errors.ipynb');
  await nb.runAll();
  const cells = await nb.cells();
  expect(cells.map((cell) => cell.executionCount)).toEqual([1, 2, 3, 4]);
  expect(cells[1].text).toContain('Error: deliberate');
  expect(cells[2].text.trim()).toBe('after the error');
  // The last value is the cell's result (Out[4]), not a line on stdout.
  expect(cells[3].outputs).toEqual([
    expect.objectContaining({
      output_type: 'execute_result',
      execution_count: 4,
      data: { 'text/plain': '42' },
    }),
  ]);
  expect(await nb.page.locator('.output_prompt').last().innerText()).toContain('Out[4]');
});

test('an error the notebook does not allow stops Run All: the cells after it do not run', async () => {
  server.writeNotebook(
    'stop.ipynb',
    notebookOf(['throw new Error("stop here")', 'console.log("must not run")']),
    { trusted: true },
  );
  const nb = await server.open('stop.ipynb');
  await nb.runAll();
  const [failed, skipped] = await nb.cells();
  expect(failed.text).toContain('Error: stop here');
  expect(skipped.executionCount).toBeNull();
  expect(skipped.text).toBe('');
});

test('a type error and a runtime error both name the cell line; no compiled-code or tslab frames', async () => {
  server.writeNotebook(
    'errors.ipynb',
    notebookOf([
      { source: 'const fine = 1;\nconst year: number = "2019";', tags: ['raises-exception'] },
      {
        source:
          'function explode(at: string): never {\n  throw new RangeError("bad " + at);\n}\n\nexplode("x");',
        tags: ['raises-exception'],
      },
    ]),
    { trusted: true },
  );
  const nb = await server.open('errors.ipynb');
  await nb.runAll();
  const [typeError, runtimeError] = await nb.cells();
  expect(typeError.text).toContain(
    "Cell In[1], line 2, column 7: error TS2322: Type 'string' is not assignable to type 'number'.",
  );
  expect(runtimeError.text).toContain('RangeError: bad x');
  expect(runtimeError.text).toContain('at explode (Cell In[2], line 2, column 9)');
  expect(runtimeError.text).toContain('at Cell In[2], line 5');
  expect(runtimeError.text).not.toMatch(/evalmachine|tslab[\\/]dist|node:internal/);
});
