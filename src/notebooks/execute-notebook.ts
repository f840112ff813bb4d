/**
 * Executes one notebook headless with Jupyter's own machinery (`jupyter nbconvert --execute --to html`) on
 * the project's tslab kernel, writing only the HTML export: the .ipynb is read, never written, so notebooks
 * stay stripped in git. The kernelspec (jupyter/kernels/tslab) and the offline HTML template
 * (jupyter/nbconvert/templates/lab-offline) are found through JUPYTER_PATH; `tslab` through node_modules/.bin.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseNbconvertFailure, type NbconvertFailure } from './nbconvert-failure';
import type { NbconvertResult } from './nbconvert-lane';
import { injectParameters, type NotebookJson, type ParameterValue } from './parameters';

export interface ExecuteNotebookOptions {
  /** Folder for the HTML export. Default: <project>/reports/notebooks. */
  outDir?: string;
  /** Seconds one cell may run. Default: 600. */
  cellTimeoutSeconds?: number;
  /** Extra environment for the kernel (it also inherits this process's, so LAB_DATA/LAB_ROWS pass through). */
  env?: Record<string, string>;
  /** The `jupyter` command. Default: $LAB_JUPYTER or `jupyter`. */
  jupyter?: string;
  /** The project whose kernelspec, template and node_modules are used. Default: this repository. */
  projectRoot?: string;
  /**
   * Values for the notebook's parameters cell (papermill's convention): those it declares are assigned in an
   * `injected-parameters` cell after it; the others are ignored. Default: none.
   */
  parameters?: Record<string, ParameterValue>;
  /**
   * Runs `jupyter nbconvert ARGV` with the environment of `nbconvertEnv(options)`. Default: the `jupyter` command
   * in a new process; runNotebooks passes a lane that keeps one Python process for its notebooks
   * (./nbconvert-lane.ts).
   */
  nbconvert?: (argv: string[]) => Promise<NbconvertResult>;
}

export const EXECUTE_DEFAULTS = {
  cellTimeoutSeconds: 600,
  template: 'lab-offline',
  kernel: 'tslab',
} as const;

export interface NotebookRun {
  notebook: string;
  htmlPath: string;
  seconds: number;
  /** The parameters injected into this notebook (empty when it ran with its own defaults). */
  injected: Record<string, ParameterValue>;
}

/** A notebook that did not run to the end: which cell, its source, and the kernel's error text. */
export class NotebookRunError extends Error {
  constructor(
    readonly notebook: string,
    readonly failure: NbconvertFailure & { cellNumber: number },
  ) {
    super(describeFailure(notebook, failure));
    this.name = 'NotebookRunError';
  }
}

function describeFailure(notebook: string, failure: NbconvertFailure & { cellNumber: number }): string {
  const where = failure.cellNumber > 0 ? `cell ${failure.cellNumber}` : 'a cell';
  const head: Record<NbconvertFailure['kind'], string> = {
    'cell-error': `${path.basename(notebook)}: ${where} failed`,
    timeout: `${path.basename(notebook)}: ${where} timed out`,
    'kernel-died': `${path.basename(notebook)}: the kernel died`,
    other: `${path.basename(notebook)}: nbconvert failed`,
  };
  const source =
    failure.cellSource === null ? '' : `\n--- cell source ---\n${failure.cellSource}\n--- error ---`;
  return `${head[failure.kind]}${source}\n${failure.errorText}`;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** The environment that lets Jupyter find the project's kernel and template. */
export function jupyterEnv(projectRoot: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const jupyterPath = [path.join(projectRoot, 'jupyter'), base.JUPYTER_PATH]
    .filter(Boolean)
    .join(path.delimiter);
  const binPath = [path.join(projectRoot, 'node_modules', '.bin'), base.PATH]
    .filter(Boolean)
    .join(path.delimiter);
  return { ...base, JUPYTER_PATH: jupyterPath, PATH: binPath };
}

/** The environment nbconvert and its kernel run in: Jupyter finds the project's kernel and template. */
export function nbconvertEnv(
  options: Pick<ExecuteNotebookOptions, 'env' | 'projectRoot'>,
): NodeJS.ProcessEnv {
  return { ...jupyterEnv(options.projectRoot ?? PROJECT_ROOT), ...(options.env ?? {}) };
}

/** The `jupyter` command: the option, else $LAB_JUPYTER, else `jupyter` on the PATH. */
export function jupyterCommand(options: Pick<ExecuteNotebookOptions, 'jupyter'>): string {
  return options.jupyter ?? process.env.LAB_JUPYTER ?? 'jupyter';
}

/** Runs `notebookPath` top to bottom; resolves with the HTML path, rejects with a NotebookRunError. */
export async function executeNotebook(
  notebookPath: string,
  options: ExecuteNotebookOptions = {},
): Promise<NotebookRun> {
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const outDir = path.resolve(options.outDir ?? path.join(projectRoot, 'reports', 'notebooks'));
  const timeout = options.cellTimeoutSeconds ?? EXECUTE_DEFAULTS.cellTimeoutSeconds;
  if (!(timeout > 0)) throw new RangeError(`executeNotebook: cellTimeoutSeconds must be > 0, got ${timeout}`);
  const notebook = path.resolve(notebookPath);
  const { file: executed, injected, cleanup } = withParameters(notebook, options.parameters ?? {});
  try {
    return { ...(await execute(notebook, executed, outDir, timeout, options)), injected };
  } finally {
    cleanup();
  }
}

/**
 * The file nbconvert executes: the notebook itself, or a copy with the injected parameters beside it (same
 * folder, so its `../src/…` imports resolve), removed after the run.
 */
function withParameters(
  notebook: string,
  values: Record<string, ParameterValue>,
): { file: string; injected: Record<string, ParameterValue>; cleanup: () => void } {
  if (Object.keys(values).length === 0) return { file: notebook, injected: {}, cleanup: () => {} };
  const parsed = JSON.parse(fs.readFileSync(notebook, 'utf8')) as NotebookJson;
  const { notebook: withCell, injected } = injectParameters(parsed, values);
  if (Object.keys(injected).length === 0) return { file: notebook, injected, cleanup: () => {} };
  const file = path.join(
    path.dirname(notebook),
    `.${path.basename(notebook, '.ipynb')}.parameters-${process.pid}.ipynb`,
  );
  fs.writeFileSync(file, JSON.stringify(withCell, null, 1));
  return { file, injected, cleanup: () => fs.rmSync(file, { force: true }) };
}

async function execute(
  notebook: string,
  executed: string,
  outDir: string,
  timeout: number,
  options: ExecuteNotebookOptions,
): Promise<Omit<NotebookRun, 'injected'>> {
  const cellSources = codeCellSources(executed);
  fs.mkdirSync(outDir, { recursive: true });
  const args = [
    '--to',
    'html',
    '--template',
    EXECUTE_DEFAULTS.template,
    '--execute',
    `--ExecutePreprocessor.kernel_name=${EXECUTE_DEFAULTS.kernel}`,
    `--ExecutePreprocessor.timeout=${timeout}`,
    '--output-dir',
    outDir,
    '--output',
    path.basename(notebook, '.ipynb'),
    executed,
  ];
  const started = performance.now();
  const { code, stderr } = options.nbconvert
    ? await options.nbconvert(args)
    : await run(jupyterCommand(options), ['nbconvert', ...args], nbconvertEnv(options));
  const seconds = (performance.now() - started) / 1000;
  const htmlPath = path.join(outDir, `${path.basename(notebook, '.ipynb')}.html`);
  if (code !== 0) {
    const failure = parseNbconvertFailure(
      stderr,
      cellSources.map((c) => c.source),
    );
    const cellNumber = failure.cellIndex >= 0 ? cellSources[failure.cellIndex].number : 0;
    throw new NotebookRunError(notebook, { ...failure, cellNumber });
  }
  return { notebook, htmlPath, seconds };
}

/** Code cells' sources with their 1-based position among all cells (what a reader counts). */
function codeCellSources(notebook: string): { source: string; number: number }[] {
  let parsed: { cells?: { cell_type?: string; source?: string | string[] }[] };
  try {
    parsed = JSON.parse(fs.readFileSync(notebook, 'utf8'));
  } catch (error) {
    throw new Error(`executeNotebook: cannot read ${notebook} as a notebook (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed.cells)) throw new Error(`executeNotebook: ${notebook} has no "cells" array`);
  return parsed.cells.flatMap((cell, i) => {
    if (cell.cell_type !== 'code') return [];
    const source = Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '');
    return [{ source, number: i + 1 }];
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<NbconvertResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) =>
      reject(
        new Error(
          `cannot start \`${command}\` (${error.message}); install jupyter-nbconvert (scripts/setup-system.sh)`,
        ),
      ),
    );
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stderr: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}
