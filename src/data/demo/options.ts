/** Options of the demo generator, their defaults, and their validation at the door. */
import type { OnProgress } from '../../util/progress';
import { DEFAULT_SEED } from '../../util/random';

export interface DemoOptions {
  /** Rows to generate (the real file has 1,204,025). Default: 100_000. */
  rows?: number;
  /** Seed of every random step; same seed + rows → byte-identical file. An integer 0..2^32−1. Default: 42. */
  seed?: number;
  /** Plant the real file's dirt (empty names/albums, year 0, tempo 0) at its real rates. Default: true. */
  dirt?: boolean;
  /** Called with (rows done, rows total) as the work advances. */
  onProgress?: OnProgress;
}

export const DEMO_DEFAULTS = { rows: 100_000, seed: DEFAULT_SEED, dirt: true } as const;

/** Upper bound on rows: ~250 bytes a row, so 50M rows is ~12 GB of CSV — beyond that is a typo. */
export const MAX_DEMO_ROWS = 50_000_000;

export interface ResolvedDemoOptions {
  rows: number;
  seed: number;
  dirt: boolean;
  onProgress?: OnProgress;
}

export function resolveDemoOptions(options: DemoOptions = {}): ResolvedDemoOptions {
  const rows = options.rows ?? DEMO_DEFAULTS.rows;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const dirt = options.dirt ?? DEMO_DEFAULTS.dirt;
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_DEMO_ROWS) {
    throw new Error(`demo rows must be an integer in 1..${MAX_DEMO_ROWS}, got ${rows}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`demo seed must be an integer in 0..4294967295, got ${seed}`);
  }
  if (typeof dirt !== 'boolean') throw new Error(`demo dirt must be true or false, got ${String(dirt)}`);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new Error('demo onProgress must be a function (done, total) => void');
  }
  return { rows, seed, dirt, onProgress: options.onProgress };
}
