/** The lab's options: one object shared by the CLI, the notebooks and the dashboard, with documented defaults. */
import * as path from 'path';
import { projectRoot } from './data-source';

export interface LabOptions {
  /** Data file (CSV or Parquet). Default: LAB_DATA, then data/tracks_features.csv, then generated demo data. */
  data?: string;
  /** Rows of the generated demo file. Default: LAB_ROWS or 50,000. */
  demoRows?: number;
  /** The one seed of every random step (demo data, flips, splits, k-means++, samples). Default: 42. */
  seed?: number;
  /** Mood clusters. Default: 6 (the original app's). */
  k?: number;
  /** Share of promotion labels flipped at random. Default: 0.05 (the original app's). */
  flipRate?: number;
  /** Boosting rounds of the promotion model. Default: 100 (the original app's). */
  rounds?: number;
  /** Folder of the step cache. Default: data/.cache. */
  cacheDir?: string;
  /** Ignore cached step results. Default: false. */
  refresh?: boolean;
  /** Where outputs go: models/, figures/, reports/ below it. Default: the project root. */
  outDir?: string;
  /** Explain tracks without calling the LLM even when HF_TOKEN is set. Default: false. */
  offline?: boolean;
  /** No progress output. Default: false. */
  quiet?: boolean;
}

export type ResolvedLabOptions = Required<Omit<LabOptions, 'data' | 'demoRows'>> &
  Pick<LabOptions, 'data' | 'demoRows'>;

export function resolveLabOptions(options: LabOptions = {}): ResolvedLabOptions {
  const root = projectRoot();
  const outDir = path.resolve(options.outDir ?? root);
  const resolved: ResolvedLabOptions = {
    data: options.data,
    demoRows: options.demoRows,
    seed: options.seed ?? 42,
    k: options.k ?? 6,
    flipRate: options.flipRate ?? 0.05,
    rounds: options.rounds ?? 100,
    cacheDir: path.resolve(options.cacheDir ?? path.join(outDir, 'data', '.cache')),
    refresh: options.refresh ?? false,
    outDir,
    offline: options.offline ?? false,
    quiet: options.quiet ?? false,
  };
  if (!Number.isInteger(resolved.seed)) throw new Error(`seed must be an integer, got ${resolved.seed}`);
  if (!Number.isInteger(resolved.k) || resolved.k < 2)
    throw new Error(`k must be an integer ≥ 2, got ${resolved.k}`);
  if (!(resolved.flipRate >= 0 && resolved.flipRate < 0.5))
    throw new Error(`flipRate must be in [0, 0.5), got ${resolved.flipRate}`);
  if (!Number.isInteger(resolved.rounds) || resolved.rounds < 1)
    throw new Error(`rounds must be a positive integer, got ${resolved.rounds}`);
  return resolved;
}
