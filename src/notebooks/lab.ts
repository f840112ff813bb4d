/**
 * The lab as the notebooks open it: options from the environment (so `npm start -- --data X` and
 * `LAB_DATA=X npm run notebooks` reach every notebook), one lab per kernel, results from the shared step cache.
 *   LAB_DATA  data file (default: demo data)   LAB_ROWS  demo rows   LAB_SEED  seed   LAB_OFFLINE=1  no LLM
 */
import { openLab, type Lab } from '../pipeline/lab';
import type { LabOptions } from '../pipeline/options';

let current: Promise<Lab> | null = null;

/** Lab options from LAB_* environment variables (unset ones keep the lab's defaults). */
export function labOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LabOptions {
  const int = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got '${value}'`);
    return n;
  };
  return {
    data: env.LAB_DATA || undefined,
    demoRows: int('LAB_ROWS'),
    seed: int('LAB_SEED'),
    offline: env.LAB_OFFLINE === '1' || undefined,
  };
}

/** The kernel's lab (opened on first call). Progress is off: notebook outputs show results, not bars. */
export function notebookLab(options: LabOptions = {}): Promise<Lab> {
  current ??= openLab({ ...labOptionsFromEnv(), quiet: true, ...options });
  return current;
}
