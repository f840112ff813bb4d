/**
 * tslab parses every file a cell imports, in every kernel: what the notebooks import is part of each kernel's
 * start. playwright-core's type declarations alone are 2 MB (as much as @types/node); the kernel side of the
 * figure images (src/viz/figure-image.ts) is kept free of them, and this keeps it so.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const NOTEBOOKS = path.join(ROOT, 'notebooks');

/** Every module a notebook cell imports, as written ("../src/…"). */
function cellImports(): string[] {
  const found = new Set<string>();
  for (const file of fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb'))) {
    const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, file), 'utf8'));
    for (const cell of nb.cells) {
      if (cell.cell_type !== 'code') continue;
      const source = [].concat(cell.source).join('');
      for (const m of source.matchAll(/from\s+["']([^"']+)["']/g)) found.add(m[1]);
    }
  }
  return [...found].sort();
}

test("no notebook cell's imports reach playwright-core's type declarations", () => {
  const imports = cellImports();
  expect(imports).toEqual(expect.arrayContaining(['../src/notebooks/lab', '../src/viz/notebook']));
  // One file importing what the cells import, resolved from notebooks/ as tslab does.
  const entry = path.join(NOTEBOOKS, '__import-graph-probe.ts');
  const text = imports.map((m, i) => `import * as m${i} from ${JSON.stringify(m)};`).join('\n');
  const host = ts.createCompilerHost({});
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === entry ? text : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === entry || fileExists(file);
  const program = ts.createProgram({
    rootNames: [entry],
    options: {
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: ['node'],
      noEmit: true,
    },
    host,
  });
  const files = program.getSourceFiles().map((f) => f.fileName);
  expect(files.filter((f) => f.includes('/src/notebooks/lab.ts'))).toHaveLength(1); // the graph was followed
  expect(files.filter((f) => f.includes('playwright-core'))).toEqual([]);
}, 60_000);
