/**
 * What the tslab patch changes in how a cell's imports are compiled (node_modules/tslab/dist/converter.js and
 * compile-cache.js): dependencies outside the notebook's folder are not type-checked (tslab never showed their
 * diagnostics; checking them cost ~4 s per kernel), those inside still are; the cell's transformers no longer
 * rewrite a dependency's last expression; and emitted dependencies are shared between kernels through a cache
 * keyed by the text of the whole import graph, so an edit to any imported file compiles again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const DIST = path.resolve(__dirname, '..', '..', 'node_modules', 'tslab', 'dist');
const { createConverter } = require(path.join(DIST, 'converter.js'));

interface Side {
  path: string;
  data: string;
}
interface Converted {
  diagnostics: { fileName?: string; messageText: string }[];
  sideOutputs?: Side[];
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tslab-compile-'));
const nb = path.join(root, 'nb');
const cache = path.join(root, 'cache');
const startDir = process.cwd();
const before = process.env.TSLAB_COMPILE_CACHE;

beforeAll(() => {
  fs.mkdirSync(nb);
  fs.mkdirSync(path.join(root, 'lib'));
  // A type error tslab never reported (the file is outside the notebook's folder), and a last expression.
  fs.writeFileSync(
    path.join(root, 'lib', 'outside.ts'),
    'const wrong: number = "x" as any as string;\nexport const f = () => 41 + 1;\nf();\n',
  );
  fs.writeFileSync(path.join(nb, 'local.ts'), 'export const g: number = "not a number";\n');
  process.env.TSLAB_COMPILE_CACHE = cache;
  process.chdir(nb);
});
afterAll(() => {
  process.chdir(startDir);
  if (before === undefined) delete process.env.TSLAB_COMPILE_CACHE;
  else process.env.TSLAB_COMPILE_CACHE = before;
  fs.rmSync(root, { recursive: true, force: true });
});

function convert(src: string): Converted {
  const converter = createConverter();
  try {
    return converter.convert('', src);
  } finally {
    converter.close();
  }
}

const outsideJs = (c: Converted) => c.sideOutputs!.find((s) => s.path.endsWith('lib/outside.js'))!;

test('a dependency outside the notebook folder is emitted without checks and without the cell transformers', () => {
  const c = convert('import { f } from "../lib/outside";\nf();');
  expect(c.diagnostics).toEqual([]);
  expect(outsideJs(c).data).toContain('(0, exports.f)();');
  expect(outsideJs(c).data).not.toContain('tsLastExpr');
});

test('a dependency inside the notebook folder is still type-checked, every time', () => {
  for (let i = 0; i < 2; i++) {
    const c = convert('import { g } from "./local";\ng;');
    expect(c.diagnostics.map((d) => [d.fileName, d.messageText])).toEqual([
      ['local.ts', "Type 'string' is not assignable to type 'number'."],
    ]);
  }
});

test('a second kernel takes emitted dependencies from the cache; editing an imported file compiles again', () => {
  const cell = 'import { f } from "../lib/outside";\nf();';
  convert(cell);
  const entries = fs.readdirSync(cache).filter((f) => f.endsWith('.emit.json'));
  expect(entries.length).toBeGreaterThan(0);
  // Mark every cached emit: a converter that reads the cache returns the mark, one that compiles does not.
  for (const entry of entries) {
    const file = path.join(cache, entry);
    const side = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...side, data: `${side.data}\n// from the cache` }));
  }
  expect(outsideJs(convert(cell)).data).toContain('// from the cache');
  fs.appendFileSync(path.join(root, 'lib', 'outside.ts'), 'export const h = 1;\n');
  const edited = outsideJs(convert(cell)).data;
  expect(edited).not.toContain('// from the cache');
  expect(edited).toContain('exports.h = 1');
});
