/**
 * Compiling a run's cells ahead of its kernels (src/notebooks/precompile-cells.ts): the cells a kernel is sent,
 * and a kernel's converter that then finds every cell in tslab's compile cache and builds no program.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { kernelCells, precompileCells } from '../../src/notebooks/precompile-cells';
import type { NotebookJson } from '../../src/notebooks/parameters';

const ROOT = path.resolve(__dirname, '..', '..');
const code = (source: string, tags: string[] = []) => ({ cell_type: 'code', source, metadata: { tags } });
const notebook = (cells: object[]): NotebookJson =>
  ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }) as NotebookJson;

test('kernelCells: the code cells in order, joined, with the injected parameters cell after the parameters', () => {
  const nb = notebook([
    { cell_type: 'markdown', source: '# title', metadata: {} },
    code('let k = 6;', ['parameters']),
    { ...code(''), source: ['const a = ', 'k + 1;'] },
  ]);
  expect(kernelCells(nb)).toEqual(['let k = 6;', 'const a = k + 1;']);
  const withK = kernelCells(nb, { k: 4, other: 1 });
  expect(withK).toHaveLength(3);
  expect(withK[0]).toBe('let k = 6;');
  expect(withK[1]).toContain('k = 4;');
  expect(withK[1]).not.toContain('other');
  expect(kernelCells(nb, { other: 1 })).toEqual(['let k = 6;', 'const a = k + 1;']);
});

describe('precompileCells', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'precompile-'));
  const nbDir = path.join(root, 'nb');
  const cache = path.join(root, 'cache');
  const startDir = process.cwd();
  const before = process.env.TSLAB_COMPILE_CACHE;
  beforeAll(() => {
    fs.mkdirSync(nbDir);
    fs.mkdirSync(path.join(root, 'lib'));
    fs.writeFileSync(
      path.join(root, 'lib', 'twice.ts'),
      'export const twice = (x: number): number => 2 * x;\n',
    );
    const cells = [
      code('let n = 3;', ['parameters']),
      code('import { twice } from "../lib/twice";\nconst m = twice(n);'),
      code('m + 1'),
    ];
    fs.writeFileSync(path.join(nbDir, '01_a.ipynb'), JSON.stringify(notebook(cells)));
    fs.writeFileSync(
      path.join(nbDir, '02_b.ipynb'),
      JSON.stringify(notebook([code('const broken: number = "x";'), code('1 + 1')])),
    );
  });
  afterAll(() => {
    process.chdir(startDir);
    if (before === undefined) delete process.env.TSLAB_COMPILE_CACHE;
    else process.env.TSLAB_COMPILE_CACHE = before;
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('compiles every cell into the cache; a kernel converter then builds no program for them', async () => {
    const files = ['01_a.ipynb', '02_b.ipynb'].map((f) => path.join(nbDir, f));
    const env = { ...process.env, TSLAB_COMPILE_CACHE: cache };
    const report = await precompileCells(files, { cwd: nbDir, env, projectRoot: ROOT, parameters: { n: 5 } });
    expect(report).toMatchObject({ notebooks: 2, cells: 6, withErrors: 1 });
    expect(fs.readdirSync(cache).some((f) => f.endsWith('.cell.json'))).toBe(true);

    // A kernel of notebook 01 with n = 5, as tslab's executor runs it: counting reads of lib.es5.d.ts counts
    // the programs its converter builds (the converter reads through this same typescript module's ts.sys).
    const ts = require('typescript');
    const readFile = ts.sys.readFile;
    let programs = 0;
    ts.sys.readFile = (file: string, encoding?: string) => {
      if (/[\\/]lib\.es5\.d\.ts$/.test(file)) programs++;
      return readFile(file, encoding);
    };
    process.env.TSLAB_COMPILE_CACHE = cache;
    process.chdir(nbDir);
    const { createConverter } = require(path.join(ROOT, 'node_modules', 'tslab', 'dist', 'converter.js'));
    const converter = createConverter({ isJS: false, isBrowser: false });
    try {
      let prevDecl = '';
      const outputs = kernelCells(JSON.parse(fs.readFileSync(files[0], 'utf8')), { n: 5 }).map((src) => {
        const c = converter.convert(prevDecl, src);
        expect(c.diagnostics).toEqual([]);
        prevDecl = c.declOutput;
        return c;
      });
      expect(programs).toBe(0);
      expect(outputs[2].sideOutputs.map((s: { path: string }) => path.basename(s.path))).toEqual([
        'twice.js',
      ]);
      // The cell with an error was not cached: its kernel checks it and reports it.
      expect(converter.convert('', 'const broken: number = "x";').diagnostics).toHaveLength(1);
      expect(programs).toBe(1);
    } finally {
      converter.close();
      ts.sys.readFile = readFile;
      process.chdir(startDir);
    }
  });
});
