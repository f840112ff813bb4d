/**
 * A live classic Jupyter Notebook (Debian's `jupyter-notebook`, Notebook 6) on 127.0.0.1, driven in real
 * headless Chromium (playwright-core + /usr/bin/chromium), for tests that judge the kernel and its display
 * the way a user meets them.
 *
 *   const server = await startClassicNotebook();
 *   try {
 *     server.writeNotebook('a.ipynb', notebookOf(['console.log(1)', '1 + 1']), { trusted: true });
 *     const nb = await server.open('a.ipynb');
 *     await nb.runAll();                       // Cell > Run All, then waits until every cell is done
 *     const cells = await nb.cells();           // nbformat outputs + rendered text of each code cell
 *   } finally {
 *     await server.stop();                      // closes the browser, the kernels and the server
 *   }
 *
 * Each server gets a random free port, a random token, its own temporary notebook folder and its own
 * Jupyter config/data/runtime folders (so a user's kernels, extensions and trust database stay out of it),
 * and JUPYTER_PATH = <project>/jupyter only: the committed kernelspec must start the kernel by itself, so
 * node_modules/.bin is deliberately not put on PATH. A notebook is untrusted unless written with
 * `{ trusted: true }`, which signs it with `jupyter trust` (python3 -m nbformat.sign) against this server's own secret.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/report/chromium';

export interface ClassicNotebookOptions {
  /** Project whose jupyter/ folder is put on JUPYTER_PATH. Default: this repository. */
  projectRoot?: string;
  /** The server command. Default: $LAB_JUPYTER_NOTEBOOK or `jupyter-notebook`. */
  command?: string;
  /** Extra environment for the server and its kernels. Default: none. */
  env?: Record<string, string>;
  /** Browser binary. Default: $CHROMIUM_PATH or /usr/bin/chromium. */
  executablePath?: string;
  /** Milliseconds for the server to answer and for page waits. Default: 60,000. */
  timeoutMs?: number;
  /** Viewport. Default: 1280 × 1000. */
  viewport?: { width: number; height: number };
}

export const CLASSIC_NOTEBOOK_DEFAULTS = {
  command: 'jupyter-notebook',
  timeoutMs: 60_000,
  viewport: { width: 1280, height: 1000 },
} as const;

/** A minimal nbformat 4 notebook. */
export interface NotebookJson {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: 4;
  nbformat_minor: number;
}

export interface NotebookCell {
  id?: string;
  cell_type: 'code' | 'markdown';
  source: string;
  metadata: Record<string, unknown>;
  outputs?: unknown[];
  execution_count?: number | null;
}

/** Builds a tslab notebook from code cell sources; `{ tags: ['raises-exception'] }` style metadata per cell. */
export function notebookOf(sources: (string | { source: string; tags?: string[] })[]): NotebookJson {
  return {
    cells: sources.map((cell, i) => {
      const { source, tags } = typeof cell === 'string' ? { source: cell, tags: undefined } : cell;
      return {
        // nbformat 4.5 requires ids; without them the server adds some on load and the signature no longer matches.
        id: `cell-${i}`,
        cell_type: 'code',
        source,
        metadata: tags ? { tags } : {},
        outputs: [],
        execution_count: null,
      };
    }),
    metadata: {
      kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab)', language: 'typescript' },
      language_info: { name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** One code cell as the live page holds it after running. */
export interface LiveCell {
  /** Position among all cells (0-based). */
  index: number;
  source: string;
  /** The In [n] prompt's number; null when the cell did not run (or was aborted). */
  executionCount: number | null;
  /** The outputs in nbformat JSON (`output_type` stream / execute_result / display_data / error). */
  outputs: Record<string, unknown>[];
  /** What the reader sees in the output area (innerText). */
  text: string;
  /** Rendered output height in pixels (0: nothing visible). */
  outputHeight: number;
}

export interface LiveNotebook {
  page: Page;
  /** Whether the Notebook considers the file trusted (scripts and HTML outputs run). */
  trusted(): Promise<boolean>;
  /** Cell > Run All through the menu, then waits until no cell is queued or running and the kernel is idle. */
  runAll(): Promise<void>;
  /** Waits until no cell shows `In [*]` and the kernel is idle. */
  waitUntilIdle(): Promise<void>;
  /** Every code cell's prompt, outputs and rendered text. */
  cells(): Promise<LiveCell[]>;
  close(): Promise<void>;
}

export interface ClassicNotebookServer {
  url: string;
  token: string;
  port: number;
  notebookDir: string;
  /** Environment the server runs with (use it for `jupyter trust`, nbconvert, … against this server). */
  env: NodeJS.ProcessEnv;
  /** Everything the server printed (for failure messages). */
  log(): string;
  /** Writes `name` into the notebook folder; `trusted` signs it with `jupyter trust`. Returns its path. */
  writeNotebook(name: string, notebook: NotebookJson | string, options?: { trusted?: boolean }): string;
  /** Signs an existing notebook of the folder with `jupyter trust`. */
  trust(name: string): void;
  /** Opens `name` in a fresh page and waits until its kernel is connected and idle. */
  open(name: string): Promise<LiveNotebook>;
  stop(): Promise<void>;
}

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** Debian's Python, which holds the Debian Jupyter packages (a python3 earlier on PATH, e.g. pyenv's, may not). */
export const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(
  url: string,
  token: string,
  child: ChildProcess,
  deadline: number,
  log: () => string,
) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`jupyter-notebook exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}api/status`, { headers: { Authorization: `token ${token}` } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`jupyter-notebook did not answer at ${url} in time:\n${log()}`);
}

/** Starts the server and a headless browser; `stop()` ends both. */
export async function startClassicNotebook(
  options: ClassicNotebookOptions = {},
): Promise<ClassicNotebookServer> {
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const timeoutMs = options.timeoutMs ?? CLASSIC_NOTEBOOK_DEFAULTS.timeoutMs;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-classic-nb-'));
  const notebookDir = path.join(home, 'notebooks');
  for (const dir of ['notebooks', 'config', 'data', 'runtime']) fs.mkdirSync(path.join(home, dir));
  const port = await freePort();
  const token = crypto.randomBytes(24).toString('hex');
  const url = `http://127.0.0.1:${port}/`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // npm scripts put node_modules/.bin on PATH; a user's Jupyter does not have it.
    PATH: (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => !dir.endsWith(path.join('node_modules', '.bin')))
      .join(path.delimiter),
    JUPYTER_PATH: path.join(projectRoot, 'jupyter'),
    JUPYTER_CONFIG_DIR: path.join(home, 'config'),
    JUPYTER_DATA_DIR: path.join(home, 'data'),
    JUPYTER_RUNTIME_DIR: path.join(home, 'runtime'),
    ...options.env,
  };
  const command = options.command ?? process.env.LAB_JUPYTER_NOTEBOOK ?? CLASSIC_NOTEBOOK_DEFAULTS.command;
  const args = [
    '--no-browser',
    '--ip=127.0.0.1',
    `--port=${port}`,
    '--port-retries=0',
    `--notebook-dir=${notebookDir}`,
    `--NotebookApp.token=${token}`,
    '--NotebookApp.password=',
    // Kernels and the server run as whoever runs the tests; in CI containers that is root.
    ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
  ];
  const child = spawn(command, args, { env, cwd: notebookDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const log = () => output.replaceAll(token, '<token>');
  const pages: LiveNotebook[] = [];
  let browser: Browser | null = null;

  async function stop(): Promise<void> {
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    browser = null;
    if (child.exitCode === null) {
      // The server shuts its kernels down on SIGTERM; give it a moment before insisting.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(home, { recursive: true, force: true });
  }

  try {
    await waitForServer(url, token, child, Date.now() + timeoutMs, log);
    browser = await chromium.launch({
      executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      timeout: timeoutMs,
    });
  } catch (error) {
    await stop();
    throw error;
  }

  function trust(name: string): void {
    // `jupyter trust` is nbformat's TrustNotebookApp; Debian ships no `jupyter-trust` wrapper, so run its module.
    const file = path.join(notebookDir, name);
    const run = spawnSync(PYTHON, ['-m', 'nbformat.sign', file], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`jupyter trust ${name} failed: ${run.stderr}${run.stdout}`);
  }

  function writeNotebook(name: string, notebook: NotebookJson | string, opts: { trusted?: boolean } = {}) {
    const file = path.join(notebookDir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof notebook === 'string' ? notebook : JSON.stringify(notebook, null, 1));
    if (opts.trusted) trust(name);
    return file;
  }

  async function open(name: string): Promise<LiveNotebook> {
    if (!browser) throw new Error('classic notebook: the server is stopped');
    const page = await browser.newPage({ viewport: options.viewport ?? CLASSIC_NOTEBOOK_DEFAULTS.viewport });
    page.setDefaultTimeout(timeoutMs);
    const notebookUrl = `${url}notebooks/${name.split('/').map(encodeURIComponent).join('/')}?token=${token}`;
    await page.goto(notebookUrl, { waitUntil: 'load' });
    const live = liveNotebook(page, timeoutMs);
    await page.waitForFunction(
      () => {
        const jupyter = (window as any).Jupyter;
        return Boolean(jupyter?.notebook?._fully_loaded && jupyter.notebook.kernel?.is_connected());
      },
      undefined,
      { timeout: timeoutMs },
    );
    await live.waitUntilIdle();
    pages.push(live);
    return live;
  }

  return { url, token, port, notebookDir, env, log, writeNotebook, trust, open, stop };
}

function liveNotebook(page: Page, timeoutMs: number): LiveNotebook {
  async function waitUntilIdle(): Promise<void> {
    await page.waitForFunction(
      () => {
        const notebook = (window as any).Jupyter.notebook;
        const busy = notebook
          .get_cells()
          .some(
            (cell: any) => cell.cell_type === 'code' && (cell.input_prompt_number === '*' || cell.running),
          );
        const icon = document.querySelector('#kernel_indicator_icon');
        // A cell's execute_reply (shell) can reach the page before its execute_result (iopub): the server relays
        // the two channels separately. Notebook 6 marks a request iopub_done on its own idle status, which iopub
        // sends after its outputs; every request done on both channels = every output is in.
        const callbacks = Object.values(notebook.kernel?._msg_callbacks ?? {}) as any[];
        const pending = callbacks.filter((c) => !(c.shell_done && c.iopub_done)).length;
        return !busy && pending === 0 && Boolean(icon?.classList.contains('kernel_idle_icon'));
      },
      undefined,
      { timeout: timeoutMs, polling: 200 },
    );
  }

  return {
    page,
    trusted: () => page.evaluate(() => Boolean((window as any).Jupyter.notebook.trusted)),
    async runAll() {
      // The menu a user clicks: Cell > Run All. (A cell tagged `raises-exception` lets the run go on past
      // its error; any other error stops the cells queued after it, as Jupyter's stop_on_error asks.)
      await page.click('#celllink');
      await page.click('#run_all_cells > a');
      // Run All marks every queued cell `*` synchronously; wait for the first reply before polling for idle.
      await page.waitForTimeout(100);
      await waitUntilIdle();
    },
    waitUntilIdle,
    cells: () =>
      page.evaluate(() => {
        const notebook = (window as any).Jupyter.notebook;
        return notebook
          .get_cells()
          .map((cell: any, index: number) => ({ cell, index }))
          .filter(({ cell }: any) => cell.cell_type === 'code')
          .map(({ cell, index }: any) => {
            const area = cell.output_area.element[0] as HTMLElement;
            const prompt = cell.input_prompt_number;
            return {
              index,
              source: cell.get_text(),
              executionCount: typeof prompt === 'number' ? prompt : null,
              outputs: JSON.parse(JSON.stringify(cell.output_area.toJSON())),
              text: area.innerText,
              outputHeight: area.getBoundingClientRect().height,
            };
          });
      }),
    close: () => page.close(),
  };
}
