/**
 * The lab in a live classic Jupyter Notebook (Debian's Notebook 6, driven by Playwright in headless
 * Chromium): open notebook 03, run it, change k in its parameters cell, run the cells again in the same
 * kernel, and see the new k — no restart, no stale lab.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import {
  notebookOf,
  startClassicNotebook,
  type ClassicNotebookServer,
  type NotebookJson,
} from '../helpers/classic-notebook';
import { ROOT } from './run-cli';

jest.setTimeout(900_000);

let dir: string;
let server: ClassicNotebookServer | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-live-'));
  await writeDemoCsv(path.join(dir, 'tracks.csv'), { rows: 3000, seed: 9 });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Notebook 03 as committed, its `../src/` imports pointed at this checkout relative to `folder` (the server's
 * notebook folder is a temp dir; tslab compiles relative TypeScript imports, not absolute ones).
 */
function notebook03(folder: string): { notebook: NotebookJson; parameters: number; clusters: number } {
  const src = path.relative(folder, path.join(ROOT, 'src'));
  const notebook = JSON.parse(
    fs
      .readFileSync(path.join(ROOT, 'notebooks', '03_clustering.ipynb'), 'utf8')
      .replaceAll('\\"../src/', `\\"${src}/`),
  ) as NotebookJson;
  const text = (i: number) => [notebook.cells[i].source].flat().join('');
  const parameters = notebook.cells.findIndex((c) =>
    ((c.metadata?.tags ?? []) as string[]).includes('parameters'),
  );
  const clusters = notebook.cells.findIndex(
    (c, i) => c.cell_type === 'code' && text(i).includes('lab.clusters({ k: k })'),
  );
  expect(parameters).toBeGreaterThanOrEqual(0);
  expect(clusters).toBeGreaterThan(parameters);
  return { notebook, parameters, clusters };
}

test('notebook 03 in a live Notebook: change k in a cell, run, see the new k without a restart', async () => {
  server = await startClassicNotebook({
    timeoutMs: 600_000,
    env: { LAB_DATA: path.join(dir, 'tracks.csv'), LAB_CACHE_DIR: path.join(dir, 'cache'), LAB_OUT_DIR: dir },
  });
  const folder = path.dirname(server.writeNotebook('placeholder.ipynb', notebookOf(['1'])));
  const { notebook, parameters, clusters } = notebook03(folder);
  // Unsigned, as a user's fresh copy is: outputs made in this session are trusted by the Notebook anyway.
  server.writeNotebook('03_clustering.ipynb', notebook);
  const live = await server.open('03_clustering.ipynb');
  await live.runAll();
  const first = await live.cells();
  const errors = first.flatMap((c) => c.outputs.filter((o) => o.output_type === 'error'));
  expect(errors).toEqual([]);
  const before = first.find((c) => c.index === clusters)!;
  expect(before.text).toMatch(/Clusters\s+6\s/);

  // The user edits the parameters cell and re-runs it and the clusters cell (Shift+Enter on each).
  await live.page.evaluate(
    `(() => { const nb = Jupyter.notebook; nb.get_cell(${parameters}).set_text('let k = 3;'); nb.execute_cells([${parameters}, ${clusters}]); })()`,
  );
  await live.page.waitForTimeout(200);
  await live.waitUntilIdle();
  const after = (await live.cells()).find((c) => c.index === clusters)!;
  expect(after.outputs.filter((o) => o.output_type === 'error')).toEqual([]);
  expect(after.text).toMatch(/Clusters\s+3\s/);
  // Same kernel: its execution counter went on from the first run.
  expect(after.executionCount).toBeGreaterThan(Math.max(...first.map((c) => c.executionCount ?? 0)));
});
