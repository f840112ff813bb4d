/**
 * One run configuration. The CLI's flags, the LAB_CONFIG / LAB_* environment and a notebook cell's
 * `notebookLab({...})` all produce a `RunConfig` here, from one `DEFAULTS`; `configToEnv` hands it to the
 * notebook kernels of a run, so `lab run --k 8` reaches every executed notebook.
 *
 * Precedence, lowest first: DEFAULTS < LAB_CONFIG (JSON) < LAB_* variables < CLI flags / cell options.
 * Relative paths resolve against the directory the user ran the command from (npm's INIT_CWD under
 * `npm run …`, whose own working directory is the project root), never against notebooks/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SEED } from '../util/random';

/** Everything a run depends on. Serialisable: plain numbers, booleans and absolute paths. */
export interface RunConfig {
  /** Data file (CSV or Parquet), absolute. Undefined: data/tracks_features.csv if present, else demo data. */
  data?: string;
  /** Rows of the generated demo file. Undefined: DEFAULTS.demoRows. */
  demoRows?: number;
  /** The one seed; every random step draws from its own stream derived from it (util/random STREAMS). */
  seed: number;
  /** Mood clusters. */
  k: number;
  /** Share of promotion labels flipped at random. */
  flipRate: number;
  /** Boosting rounds of the promotion model. */
  rounds: number;
  /** Folder of the step cache, absolute. */
  cacheDir: string;
  /** Ignore cached step results. */
  refresh: boolean;
  /** Where outputs go (models/, figures/, reports/ below it), absolute. */
  outDir: string;
  /** Explain tracks without calling the LLM even when HF_TOKEN is set. */
  offline: boolean;
  /** No progress output. */
  quiet: boolean;
}

/** Any part of a RunConfig; what is left out takes its default. Paths may be relative (to the user's cwd). */
export type PartialRunConfig = Partial<RunConfig>;

/** The defaults, in one place. cacheDir and outDir default relative to the project root (see resolveConfig). */
export const DEFAULTS = {
  seed: DEFAULT_SEED,
  /** The original app's k. */
  k: 6,
  /** The original app's 5% label noise. */
  flipRate: 0.05,
  /** The original app's 100 rounds. */
  rounds: 100,
  demoRows: 50_000,
  refresh: false,
  offline: false,
  quiet: false,
} as const;

const KEYS: readonly (keyof RunConfig)[] = [
  'data',
  'demoRows',
  'seed',
  'k',
  'flipRate',
  'rounds',
  'cacheDir',
  'refresh',
  'outDir',
  'offline',
  'quiet',
];
const PATH_KEYS = ['data', 'cacheDir', 'outDir'] as const;
const INTEGER_KEYS = ['demoRows', 'seed', 'k', 'rounds'] as const;
const BOOLEAN_KEYS = ['refresh', 'offline', 'quiet'] as const;

/** The LAB_* variable of each key (LAB_CONFIG holds them all as JSON). */
export const ENV_NAMES: Record<keyof RunConfig, string> = {
  data: 'LAB_DATA',
  demoRows: 'LAB_ROWS',
  seed: 'LAB_SEED',
  k: 'LAB_K',
  flipRate: 'LAB_FLIP_RATE',
  rounds: 'LAB_ROUNDS',
  cacheDir: 'LAB_CACHE_DIR',
  refresh: 'LAB_FRESH',
  outDir: 'LAB_OUT_DIR',
  offline: 'LAB_OFFLINE',
  quiet: 'LAB_QUIET',
};

export function isConfigKey(name: string): name is keyof RunConfig {
  return (KEYS as readonly string[]).includes(name);
}

/** The project root: the folder of package.json above this file (works from src/, tslab and jest alike). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** The directory the user ran the command from: npm sets INIT_CWD (its scripts run in the project root). */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

/** Parses one setting from text (a LAB_* variable, `--set k=4`), checking its type; `what` names the source. */
export function parseSetting(key: keyof RunConfig, text: string, what: string): RunConfig[keyof RunConfig] {
  if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
    if (['1', 'true', 'yes'].includes(text.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(text.toLowerCase())) return false;
    throw new Error(`${what} must be 1/true or 0/false, got '${text}'`);
  }
  if (key === 'flipRate' || (INTEGER_KEYS as readonly string[]).includes(key)) {
    const x = Number(text);
    if (text.trim() === '' || !Number.isFinite(x)) throw new Error(`${what} must be a number, got '${text}'`);
    return x;
  }
  return text;
}

/** The part of a config that LAB_CONFIG and the LAB_* variables set (unset and empty ones are left out). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PartialRunConfig {
  const out: Record<string, unknown> = {};
  if (env.LAB_CONFIG) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.LAB_CONFIG);
    } catch (error) {
      throw new Error(`LAB_CONFIG is not valid JSON: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('LAB_CONFIG must be a JSON object such as {"k": 8}');
    for (const [key, value] of Object.entries(parsed)) {
      if (!isConfigKey(key))
        throw new Error(`LAB_CONFIG: unknown setting '${key}'; known: ${KEYS.join(', ')}`);
      if (value !== null) out[key] = value;
    }
  }
  for (const key of KEYS) {
    const text = env[ENV_NAMES[key]];
    if (text !== undefined && text !== '') out[key] = parseSetting(key, text, ENV_NAMES[key]);
  }
  return out as PartialRunConfig;
}

/** Later parts win; keys whose value is undefined are skipped (so an unset flag keeps the env's value). */
export function mergeConfig(...parts: PartialRunConfig[]): PartialRunConfig {
  const out: Record<string, unknown> = {};
  for (const part of parts)
    for (const [key, value] of Object.entries(part)) if (value !== undefined) out[key] = value;
  return out as PartialRunConfig;
}

/** Defaults filled in, types and ranges checked, paths made absolute against `cwd` (default: the user's). */
export function resolveConfig(partial: PartialRunConfig = {}, options: { cwd?: string } = {}): RunConfig {
  for (const key of Object.keys(partial))
    if (!isConfigKey(key)) throw new Error(`unknown setting '${key}'; known: ${KEYS.join(', ')}`);
  const cwd = options.cwd ?? userCwd();
  const abs = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
  const outDir = abs(partial.outDir) ?? projectRoot();
  const config: RunConfig = {
    data: abs(partial.data),
    demoRows: partial.demoRows,
    seed: partial.seed ?? DEFAULTS.seed,
    k: partial.k ?? DEFAULTS.k,
    flipRate: partial.flipRate ?? DEFAULTS.flipRate,
    rounds: partial.rounds ?? DEFAULTS.rounds,
    cacheDir: abs(partial.cacheDir) ?? path.join(outDir, 'data', '.cache'),
    refresh: partial.refresh ?? DEFAULTS.refresh,
    outDir,
    offline: partial.offline ?? DEFAULTS.offline,
    quiet: partial.quiet ?? DEFAULTS.quiet,
  };
  validateConfig(config);
  return config;
}

/** Largest seed: an unsigned 32-bit integer. */
export const MAX_SEED = 0xffffffff;
/** Most mood clusters a run accepts. */
export const MAX_K = 50;

export function validateConfig(c: RunConfig): void {
  const int = (name: string, x: unknown, min: number) => {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min)
      throw new Error(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(x)}`);
  };
  int('seed', c.seed, 0);
  // Checked here, before any work: past 2^32 the demo generator refuses the seed deep in the run.
  if (c.seed > MAX_SEED)
    throw new Error(
      `seed must be at most ${MAX_SEED} (2^32 − 1, the demo generator's and NumPy-style seeds' range), got ${c.seed}`,
    );
  int('k', c.k, 2);
  if (c.k > MAX_K)
    throw new Error(
      `k must be at most ${MAX_K}, got ${c.k}: a mood map of more clusters is unreadable, and k-means time grows with k (--k 500 ran 196 s on 50,000 rows)`,
    );
  int('rounds', c.rounds, 1);
  if (c.demoRows !== undefined) int('demoRows', c.demoRows, 1);
  if (typeof c.flipRate !== 'number' || !(c.flipRate >= 0 && c.flipRate < 0.5))
    throw new Error(`flipRate must be a number in [0, 0.5), got ${JSON.stringify(c.flipRate)}`);
  for (const key of BOOLEAN_KEYS)
    if (typeof c[key] !== 'boolean')
      throw new Error(`${key} must be true or false, got ${JSON.stringify(c[key])}`);
  for (const key of PATH_KEYS)
    if (c[key] !== undefined && typeof c[key] !== 'string')
      throw new Error(`${key} must be a path, got ${JSON.stringify(c[key])}`);
}

/** The settings that define results (what a cache key or a second lab must agree on); not quiet/refresh. */
export function resultSettings(c: RunConfig): Omit<RunConfig, 'quiet' | 'refresh'> {
  const { quiet: _q, refresh: _r, ...rest } = c;
  return rest;
}

/**
 * The environment that makes a child process (a notebook kernel) open the same run: LAB_CONFIG with absolute
 * paths, and every LAB_* variable restated (or blanked) so a relative one inherited from the user's shell
 * cannot override it.
 * quiet and refresh stay with the parent: a kernel reads what the run already computed.
 */
export function configToEnv(c: RunConfig): Record<string, string> {
  const { quiet: _q, refresh: _r, ...rest } = c;
  const env: Record<string, string> = { LAB_CONFIG: JSON.stringify(rest) };
  // Each variable restated with the resolved value (paths absolute), so what the kernel reads is consistent.
  for (const key of KEYS) {
    const value = key === 'quiet' || key === 'refresh' ? undefined : c[key];
    env[ENV_NAMES[key]] = value === undefined ? '' : String(value);
  }
  return env;
}
