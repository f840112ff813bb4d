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

describe('a cell converted before is taken from the cache without building a TypeScript program', () => {
  // A program parses TypeScript's lib files; the converter reads every file through ts.sys (this same module
  // instance), so counting reads of lib.*.d.ts counts the programs built.
  const ts = require('typescript');
  let programs = 0;
  const readFile = ts.sys.readFile;
  beforeAll(() => {
    ts.sys.readFile = (file: string, encoding?: string) => {
      if (/[\\/]lib\.es5\.d\.ts$/.test(file)) programs++;
      return readFile(file, encoding);
    };
    fs.writeFileSync(
      path.join(root, 'lib', 'thing.ts'),
      'export interface Thing { a: number; b(): string }\nexport function make(): Thing { return { a: 1, b: () => "x" }; }\n',
    );
  });
  afterAll(() => {
    ts.sys.readFile = readFile;
  });

  /** One kernel: each cell sees the declarations the cells before it left, as tslab's executor passes them. */
  function kernel(cells: string[]): Converted[] {
    const converter = createConverter();
    let prevDecl = '';
    try {
      return cells.map((src) => {
        const c = converter.convert(prevDecl, src) as Converted & { declOutput?: string };
        if (c.diagnostics.length === 0) prevDecl = c.declOutput ?? '';
        return c;
      });
    } finally {
      converter.close();
    }
  }
  const cells = ['import { make } from "../lib/thing";\nconst t = make();', 't.b();'];

  test('the second kernel builds no program and gets the same output and the imported file', () => {
    programs = 0;
    const first = kernel(cells);
    expect(programs).toBe(1);
    const second = kernel(cells);
    expect(programs).toBe(1);
    expect(second.map((c) => c.diagnostics)).toEqual([[], []]);
    expect(second).toEqual(first);
    expect(second[0].sideOutputs!.map((s) => path.basename(s.path))).toEqual(['thing.js']);
  });

  test('a kernel whose cells all come from the cache never loads TypeScript (most of a kernel start)', () => {
    kernel(cells);
    // A new process, as a new kernel: the converter, the executor's metadata and kernel_info's version.
    const script = `
      const { createConverter } = require(${JSON.stringify(path.join(DIST, 'converter.js'))});
      const { getCodeMetadata } = require(${JSON.stringify(path.join(DIST, 'metadata.js'))});
      const { version } = require(${JSON.stringify(path.join(DIST, 'lazy-typescript.js'))});
      const converter = createConverter();
      let prevDecl = '';
      const diagnostics = ${JSON.stringify(cells)}.map((src) => {
        getCodeMetadata(src);
        const c = converter.convert(prevDecl, src);
        prevDecl = c.declOutput;
        return c.diagnostics.length;
      });
      converter.close();
      const loaded = Object.keys(require.cache).some((f) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f));
      console.log(JSON.stringify({ diagnostics, loaded, version: version() }));`;
    const out = require('child_process').execFileSync(process.execPath, ['-e', script], {
      cwd: nb,
      env: { ...process.env, TSLAB_COMPILE_CACHE: cache },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ diagnostics: [0, 0], loaded: false, version: ts.version });
  });

  test('a type change in a file the previous declarations name is checked again, not taken from the cache', () => {
    kernel(cells);
    const decl = 'declare const t: import("../lib/thing").Thing;\n';
    const converter = createConverter();
    try {
      expect(converter.convert(decl, 't.b();').diagnostics).toEqual([]);
    } finally {
      converter.close();
    }
    const file = path.join(root, 'lib', 'thing.ts');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\bb\b/g, 'c'));
    const again = createConverter();
    try {
      expect(
        again.convert(decl, 't.b();').diagnostics.map((d: { messageText: string }) => d.messageText),
      ).toEqual(["Property 'b' does not exist on type 'Thing'."]);
    } finally {
      again.close();
    }
  });

  test('a cell with an error is never cached: it is checked, and fails, every time', () => {
    for (let i = 0; i < 2; i++) {
      programs = 0;
      const [c] = kernel(['const n: number = "one";']);
      expect(programs).toBe(1);
      expect(c.diagnostics.map((d) => d.messageText)).toEqual([
        "Type 'string' is not assignable to type 'number'.",
      ]);
    }
  });

  test('in one kernel, a file edited between two cached cells is loaded again with its new text', () => {
    const file = path.join(root, 'lib', 'counter.ts');
    fs.writeFileSync(file, 'export const n = 1;\n');
    const a = 'import { n } from "../lib/counter";\nconst x = n;';
    const b = 'import { n as m } from "../lib/counter";\nconst y = m;';
    kernel([a, b]);
    const converter = createConverter();
    try {
      programs = 0;
      const first = converter.convert('', a);
      expect(first.sideOutputs.map((s: Side) => s.data).join()).toContain('exports.n = 1');
      fs.writeFileSync(file, 'export const n = 2;\n');
      const second = converter.convert(first.declOutput, b);
      expect(second.diagnostics).toEqual([]);
      expect(second.sideOutputs.map((s: Side) => s.data).join()).toContain('exports.n = 2');
    } finally {
      converter.close();
    }
  });
});
