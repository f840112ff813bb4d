/**
 * The lab's options: a part of the one RunConfig (./config), as the CLI, the notebooks and the dashboard
 * pass it. Kept as names of their own because callers say "options" where they mean "what I set".
 */
import { resolveConfig, type PartialRunConfig, type RunConfig } from './config';

/** What a caller sets; everything else takes `DEFAULTS` (./config). Paths may be relative to the user's cwd. */
export type LabOptions = PartialRunConfig;

/** Every option with its value: the RunConfig. */
export type ResolvedLabOptions = RunConfig;

export function resolveLabOptions(options: LabOptions = {}): ResolvedLabOptions {
  return resolveConfig(options);
}
