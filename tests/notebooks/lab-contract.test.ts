/**
 * The lab's contract, executed by Jupyter (nbconvert, the tslab kernel): a notebook written only against the
 * public contract (fixtures/contract), and the project's notebook 03 run with `--set k=4`, whose export must
 * say it ran with k = 4 and show 4 clusters.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import { FIXTURES, ROOT, runNotebooksCli, visibleText } from './run-cli';

jest.setTimeout(900_000);

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-contract-'));
  await writeDemoCsv(path.join(dir, 'tracks.csv'), { rows: 3000, seed: 9 });
  // A relative LAB_DATA, resolved against the directory the command ran from (INIT_CWD under npm).
  env = { LAB_DATA: 'tracks.csv', INIT_CWD: dir, LAB_CACHE_DIR: path.join(dir, 'cache'), LAB_OUT_DIR: dir };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a notebook written only against the contract runs to the end', async () => {
  const out = path.join(dir, 'contract-out');
  const cli = await runNotebooksCli(['--dir', path.join(FIXTURES, 'contract'), '--out', out], env);
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  const text = visibleText(path.join(out, '01_contract.html'));
  expect(text).toContain('ok: c4.k === 4');
  expect(text).toContain('ok: c4.profiles.length === 4');
  expect(text).toMatch(/ok: m\.evaluation\.rocAuc = 0\.\d+ is in \(0\.5, 1\]/);
  expect(text).toContain('notebookLab: new configuration (k 6 → 5): opened a new lab');
  expect(text).toContain('CONTRACT OK');
  // The check's own source holds "contract broken: ${what}"; a failure would print the check's name.
  expect(text).not.toMatch(/contract broken: [a-z]/);
});

test('npm run notebooks -- --set k=4: notebook 03 says it ran with k = 4 and shows 4 clusters', async () => {
  const out = path.join(dir, 'set-out');
  const cli = await runNotebooksCli(['--only', '03', '--set', 'k=4', '--out', out], env);
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  expect(cli.stdout).toContain('parameters: k = 4');
  const text = visibleText(path.join(out, '03_clustering.html'));
  expect(text).toContain('Ran with k = 4');
  expect(text).toMatch(/Clusters 4 Silhouette/);
  expect(text).toContain(`your file ${path.join(dir, 'tracks.csv')}`);
  // The committed notebook is untouched and no injected copy is left beside it.
  expect(fs.readdirSync(path.join(ROOT, 'notebooks')).filter((f) => f.startsWith('.'))).toEqual([]);
});

test('--set with a name no notebook declares is an error, not a silent no-op', async () => {
  const cli = await runNotebooksCli(['--only', '03', '--set', 'kk=4', '--out', path.join(dir, 'x')], env);
  expect(cli.code).toBe(1);
  expect(cli.stderr).toMatch(/no notebook of this run has a parameter kk; their parameters cells declare: k/);
});
