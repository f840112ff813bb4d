/**
 * Runs the lab's notebooks (`NN_name.ipynb`) in order, each to HTML, stopping at the first that fails:
 * later notebooks read what earlier ones computed (through the step cache), so going on would only bury
 * the first error under consequences of it.
 */
import * as fs from 'fs';
import * as os from 'os';
import { declaredParameters, type NotebookJson } from './parameters';
import { precompileCells, type PrecompileReport } from './precompile-cells';
import * as path from 'path';
import {
  executeNotebook,
  jupyterCommand,
  nbconvertEnv,
  PROJECT_ROOT,
  type ExecuteNotebookOptions,
  type NotebookRun,
} from './execute-notebook';
import { jupyterPython, NbconvertLane } from './nbconvert-lane';
import { hugePageEnv } from './huge-pages';
import { sideBySideThreadEnv } from './thread-wait-policy';

export interface RunNotebooksOptions extends ExecuteNotebookOptions {
  /** Folder holding the notebooks. Default: <project>/notebooks. */
  dir?: string;
  /** Number prefixes to run (e.g. ["01", "3"]); a notebook runs if its NN equals one. Default: all. */
  only?: string[];
  /** Called before each notebook starts. */
  onStart?: (notebook: string, index: number, total: number) => void;
  /** Called after each notebook ran to the end. */
  onDone?: (run: NotebookRun, index: number, total: number) => void;
  onProgress?: (done: number, total: number) => void;
  /**
   * Compile every notebook's cells in one process before the kernels start (./precompile-cells.ts), so no
   * kernel builds a TypeScript program for them. Skipped when TSLAB_COMPILE_CACHE is off. Default: true.
   */
  precompile?: boolean;
  /** Called once the cells are compiled, or with why they could not be (the kernels then compile them). */
  onPrecompiled?: (result: PrecompileReport | { error: string }) => void;
  /**
   * Work every kernel will need, done in this process while the cells compile (one core) and before the kernels
   * start: e.g. opening the lab's data, which parses a new file into the track store on the other core. A
   * failure does not stop the run: the first notebook meets it again and reports it in its cell. Default: none.
   */
  prepare?: () => Promise<unknown>;
  /**
   * Whether the kernels draw each chart's static PNG (src/viz/figure-image.ts). The HTML export draws every chart
   * with the plotly.js it inlines, so a PNG there only shows where scripts do not run, and drawing the seven
   * notebooks' 32 charts costs about 23 s of Chromium's CPU. Default: false (the kernels get
   * LAB_FIGURE_IMAGES=off), unless LAB_FIGURE_IMAGES is set in the environment or `env`.
   */
  figureImages?: boolean;
  /** Names the user set explicitly (`--set`): each must be declared by some notebook of the run. */
  set?: readonly string[];
  /**
   * Notebooks executing at once. Each is one kernel, mostly on one core, and a step two of them need is
   * computed once (the step cache's lock), so two use both cores of a small machine. Default: 2 on machines
   * with 2 or more cores, else 1. Above 1, the kernels' OpenMP threads wait passively
   * (./thread-wait-policy.ts) unless OMP_WAIT_POLICY or GOMP_SPINCOUNT is set. At any number, the kernels'
   * malloc uses transparent huge pages (./huge-pages.ts) unless GLIBC_TUNABLES sets glibc.malloc.hugetlb.
   */
  parallel?: number;
}

export const RUN_NOTEBOOKS_DEFAULTS = { parallel: Math.min(2, os.availableParallelism()) } as const;

const NOTEBOOK_NAME = /^(\d+)_.+\.ipynb$/;

/** `NN_*.ipynb` files of `dir` in numeric order, filtered by `only` (numbers compared as integers). */
export function listNotebooks(dir: string, only?: string[]): string[] {
  if (!fs.existsSync(dir)) throw new Error(`listNotebooks: no notebook folder at ${dir}`);
  const wanted = only?.map((n) => {
    if (!/^\d+$/.test(n))
      throw new Error(`listNotebooks: --only takes notebook numbers such as 01, got "${n}"`);
    return Number(n);
  });
  const found = fs
    .readdirSync(dir)
    .map((name) => ({ name, match: NOTEBOOK_NAME.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map((f) => ({ name: f.name, number: Number(f.match[1]) }))
    .filter((f) => wanted === undefined || wanted.includes(f.number))
    .sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
  if (wanted !== undefined) {
    const missing = wanted.filter((n) => !found.some((f) => f.number === n));
    if (missing.length > 0)
      throw new Error(`listNotebooks: no notebook numbered ${missing.join(', ')} in ${dir}`);
  }
  return found.map((f) => path.join(dir, f.name));
}

/** A name given with --set that no notebook of the run declares is a typo, not a no-op. */
function checkParameters(notebooks: string[], names: readonly string[]): void {
  if (names.length === 0) return;
  const declared = new Set(
    notebooks.flatMap((n) => declaredParameters(JSON.parse(fs.readFileSync(n, 'utf8')) as NotebookJson)),
  );
  const unknown = names.filter((n) => !declared.has(n));
  if (unknown.length > 0)
    throw new Error(
      `no notebook of this run has a parameter ${unknown.join(', ')}; their parameters cells declare: ${[...declared].sort().join(', ') || '(none)'}`,
    );
}

/** LAB_FIGURE_IMAGES for the kernels: from `figureImages`, else as `env` or this process sets it, else off. */
function figureImagesSetting(options: RunNotebooksOptions): string {
  if (options.figureImages !== undefined) return options.figureImages ? 'on' : 'off';
  return options.env?.LAB_FIGURE_IMAGES ?? process.env.LAB_FIGURE_IMAGES ?? 'off';
}

/**
 * Executes the notebooks, `parallel` at a time in their order; resolves with their runs in that order. After a
 * failure no further notebook starts; those already running finish, and the first failing notebook (in order)
 * is the rejection.
 */
export async function runNotebooks(options: RunNotebooksOptions = {}): Promise<NotebookRun[]> {
  const dir = path.resolve(options.dir ?? path.join(options.projectRoot ?? PROJECT_ROOT, 'notebooks'));
  const notebooks = listNotebooks(dir, options.only);
  if (notebooks.length === 0) throw new Error(`runNotebooks: no NN_name.ipynb notebooks in ${dir}`);
  checkParameters(notebooks, options.set ?? []);
  const parallel = options.parallel ?? RUN_NOTEBOOKS_DEFAULTS.parallel;
  if (!Number.isInteger(parallel) || parallel < 1)
    throw new Error(`runNotebooks: parallel must be a positive integer, got ${parallel}`);
  const env: Record<string, string> = {
    ...sideBySideThreadEnv(parallel, { ...process.env, ...options.env }),
    ...options.env,
    ...hugePageEnv({ ...process.env, ...options.env }),
    LAB_FIGURE_IMAGES: figureImagesSetting(options),
  };
  // The kernels' environment: this process's, under the run's (as executeNotebook gives it to Jupyter).
  const kernelEnv = { ...process.env, ...env };
  const compiling =
    (options.precompile ?? true) && !['off', '0'].includes(kernelEnv.TSLAB_COMPILE_CACHE ?? '')
      ? precompileCells(notebooks, {
          cwd: dir,
          env: kernelEnv,
          projectRoot: options.projectRoot ?? PROJECT_ROOT,
          parameters: options.parameters,
        }).then(
          (report) => options.onPrecompiled?.(report),
          (error: Error) => options.onPrecompiled?.({ error: error.message }),
        )
      : null;
  // Each lane runs its notebooks' nbconvert in one Python process, found from the `jupyter` command's #! line,
  // started now so that Python's imports overlap the compiling and the parsing.
  const laneEnv = nbconvertEnv({ ...options, env });
  const python = jupyterPython(laneEnv, jupyterCommand(options));
  const lanes = Math.min(parallel, notebooks.length);
  const nbconverts = Array.from(
    { length: lanes },
    () => python && new NbconvertLane(python, laneEnv).start(),
  );
  await Promise.all([compiling, options.prepare?.().catch(() => undefined)]);
  const runs: NotebookRun[] = new Array(notebooks.length);
  const failures: { index: number; error: unknown }[] = [];
  let next = 0;
  let done = 0;
  const lane = async (nbconvert: NbconvertLane | null): Promise<void> => {
    try {
      while (next < notebooks.length && failures.length === 0) {
        const i = next++;
        options.onStart?.(notebooks[i], i, notebooks.length);
        try {
          runs[i] = await executeNotebook(notebooks[i], {
            ...options,
            env,
            nbconvert: nbconvert ? (argv) => nbconvert.run(argv) : undefined,
          });
        } catch (error) {
          failures.push({ index: i, error });
          continue;
        }
        options.onDone?.(runs[i], i, notebooks.length);
        options.onProgress?.(++done, notebooks.length);
      }
    } finally {
      nbconvert?.close();
    }
  };
  await Promise.all(nbconverts.map(lane));
  if (failures.length > 0) throw failures.sort((a, b) => a.index - b.index)[0].error;
  return runs;
}
