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
