/**
 * The lab as the notebooks open it: the run configuration from the environment (LAB_CONFIG, LAB_* — so
 * `lab run --k 8` and `LAB_DATA=x npm run notebooks` reach every notebook) under the cell's own options, one
 * lab per configuration, results from the shared step cache.
 *
 *   const lab = await notebookLab();            // the environment's configuration, demo data by default
 *   const lab4 = await notebookLab({ k: 4 });    // a different configuration: a new lab, and a line saying so
 */
import { openLab, type Lab } from '../pipeline/lab';
import {
  configFromEnv,
  mergeConfig,
  resolveConfig,
  resultSettings,
  type PartialRunConfig,
  type RunConfig,
} from '../pipeline/config';
import type { LabOptions } from '../pipeline/options';
import { prepareFigures } from '../viz/notebook';

let current: { key: string; config: RunConfig; lab: Promise<Lab> } | null = null;

/**
 * Where relative paths of a kernel's environment point: the user's shell directory (INIT_CWD under npm, else
 * PWD, which Jupyter passes on from the shell that started it) — the kernel's own cwd is notebooks/.
 */
export function kernelCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || env.PWD || process.cwd();
}

/** The configuration a notebook cell asks for: environment under the cell's options. */
export function notebookConfig(options: LabOptions = {}, env: NodeJS.ProcessEnv = process.env): RunConfig {
  return resolveConfig(mergeConfig(configFromEnv(env), { quiet: true }, options as PartialRunConfig), {
    cwd: kernelCwd(env),
  });
}

/** What differs between two configurations, e.g. "k 6 → 4". */
export function configChanges(before: RunConfig, after: RunConfig): string {
  const a = resultSettings(before) as Record<string, unknown>;
  const b = resultSettings(after) as Record<string, unknown>;
  return Object.keys({ ...a, ...b })
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => `${key} ${JSON.stringify(a[key]) ?? 'default'} → ${JSON.stringify(b[key]) ?? 'default'}`)
    .join(', ');
}

/**
 * The kernel's lab for these options. The same configuration returns the same lab (and its in-memory
 * results); a different one opens a new lab and says what changed — never the old lab under new options.
 * The earlier lab stays open, so variables of earlier cells that hold it keep working.
 */
export function notebookLab(options: LabOptions = {}): Promise<Lab> {
  const config = notebookConfig(options);
  const key = JSON.stringify(resultSettings(config));
  if (current?.key === key) return current.lab;
  if (current)
    console.log(
      `notebookLab: new configuration (${configChanges(current.config, config)}): opened a new lab`,
    );
  // New results mean new figures: the renderer starts while they are computed (nothing to draw otherwise).
  current = {
    key,
    config,
    lab: openLab(config, { onCompute: prepareFigures, keepTrainingData: true, columnCache: true }),
  };
  const opened = current;
  // A lab that failed to open is not kept: the next call tries again (after the user fixed LAB_DATA, say).
  opened.lab.catch(() => {
    if (current === opened) current = null;
  });
  return opened.lab;
}
