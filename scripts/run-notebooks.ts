/**
 * Executes the notebooks headless and exports each to HTML (reports/notebooks/NN_name.html).
 *
 *   node bin/run-ts.js scripts/run-notebooks.ts [--only 01[,02]] [--timeout SECONDS] [--dir DIR] [--out DIR]
 *
 * The run configuration (LAB_CONFIG, LAB_DATA, LAB_ROWS, …; see src/pipeline/config.ts) is resolved here, with
 * relative paths against the directory the command was run from, and handed to every kernel as LAB_CONFIG.
 * Exit code 1 on the first failing cell, after printing the notebook, the cell's source and the error.
 */
import * as path from 'path';
import { NotebookRunError } from '../src/notebooks/execute-notebook';
import { configParameters, parseSetting, type ParameterValue } from '../src/notebooks/parameters';
import {
  configFromEnv,
  configToEnv,
  isConfigKey,
  mergeConfig,
  resolveConfig,
  type PartialRunConfig,
} from '../src/pipeline/config';
import { runNotebooks, type RunNotebooksOptions } from '../src/notebooks/run-notebooks';
import { openLab } from '../src/pipeline/lab';

const USAGE = `usage: run-notebooks [--only NN[,NN…]] [--set name=value]… [--parallel N] [--timeout SECONDS] [--dir DIR] [--out DIR] [--figure-images]
  --only     run only these notebook numbers (repeatable), e.g. --only 01 --only 05
  --set      a notebook parameter (repeatable), e.g. --set k=4 --set flipRate=0.1: injected after each
             notebook's parameters cell (papermill's convention); k, flipRate, rounds and seed also set the
             lab's run configuration
  --parallel notebooks executing at once (default 2 with 2 or more cores); a step two of them need is
             computed once, the other waits for it
  --timeout  seconds one cell may take (default 600)
  --dir      folder of NN_name.ipynb notebooks (default notebooks/)
  --out      folder for the HTML exports (default reports/notebooks/)
  --figure-images
             also draw each chart's static PNG (headless Chromium), shown where scripts do not run; the
             HTML draws every chart with its inlined plotly.js, so they are off by default`;

/** How often a running notebook reports that it is still running. */
const HEARTBEAT_MS = 30_000;

export interface RunNotebooksArgs extends RunNotebooksOptions {
  /** --set values, in order (later wins). */
  settings?: Record<string, ParameterValue>;
}

export function parseArgs(argv: string[]): RunNotebooksArgs | 'help' {
  const options: RunNotebooksArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--figure-images') {
      options.figureImages = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--only') options.only = [...(options.only ?? []), ...value.split(',').filter(Boolean)];
    else if (flag === '--timeout') {
      const seconds = Number(value);
      if (!(seconds > 0)) throw new Error(`--timeout takes a positive number of seconds, got "${value}"`);
      options.cellTimeoutSeconds = seconds;
    } else if (flag === '--parallel') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`--parallel takes a positive whole number, got "${value}"`);
      options.parallel = n;
    } else if (flag === '--set') {
      const [name, setting] = parseSetting(value);
      options.settings = { ...options.settings, [name]: setting };
    } else if (flag === '--dir') options.dir = path.resolve(value);
    else if (flag === '--out') options.outDir = path.resolve(value);
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const heartbeats = new Map<string, NodeJS.Timeout>();
  const { settings = {}, ...rest } = parsed;
  // --set values that are run settings (k, rounds, …) configure the lab too, so every step agrees with them.
  const fromSet = Object.fromEntries(Object.entries(settings).filter(([name]) => isConfigKey(name)));
  const config = resolveConfig(mergeConfig(configFromEnv(), fromSet as PartialRunConfig));
  const parameters = { ...configParameters(config), ...settings };
  if (Object.keys(parameters).length > 0)
    console.log(
      `parameters: ${Object.entries(parameters)
        .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
        .join(', ')}`,
    );
  const runs = await runNotebooks({
    ...rest,
    parameters,
    set: Object.keys(settings),
    env: { ...configToEnv(config), ...rest.env },
    // The first notebooks would parse a new data file while the others wait on the store's lock: parsed here
    // instead, on the core the cell compiler leaves free.
    prepare: async () => {
      const opened = performance.now();
      let parsed = false;
      const lab = await openLab(
        { ...config, quiet: true },
        { onCompute: (what) => (parsed ||= what === 'load') },
      );
      lab.close();
      if (parsed)
        console.log(
          `data parsed into the track store for the kernels in ${((performance.now() - opened) / 1000).toFixed(1)} s`,
        );
    },
    onPrecompiled: (r) =>
      console.log(
        'error' in r
          ? `cells not compiled ahead (each kernel compiles its own): ${r.error}`
          : `cells compiled ahead: ${r.cells} cells of ${r.notebooks} notebook(s) in ${r.seconds.toFixed(1)} s`,
      ),
    onStart: (notebook, i, total) => {
      console.log(`▸ [${i + 1}/${total}] ${path.basename(notebook)} …`);
      // nbconvert says nothing until a notebook ends; a line now and then shows a long one is alive.
      const notebookStarted = performance.now();
      const timer = setInterval(() => {
        const seconds = Math.round((performance.now() - notebookStarted) / 1000);
        console.log(`  … ${path.basename(notebook)} still running (${seconds} s)`);
      }, HEARTBEAT_MS);
      heartbeats.set(notebook, timer);
    },
    onDone: (run) => {
      clearInterval(heartbeats.get(run.notebook));
      console.log(
        `✓ ${path.basename(run.notebook)}  ${run.seconds.toFixed(1)} s  → ${path.relative(process.cwd(), run.htmlPath)}`,
      );
    },
  }).finally(() => heartbeats.forEach((timer) => clearInterval(timer)));
  const total = (performance.now() - started) / 1000;
  console.log(`${runs.length} notebook(s) executed in ${total.toFixed(1)} s`);
  return 0;
}

// bin/run-ts.js loads this file with require(), so require.main is run-ts.js: compare the script path instead.
if (path.resolve(process.argv[1] ?? '') === __filename) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof NotebookRunError) console.error(`✗ ${error.message}`);
      else console.error(`run-notebooks: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
