/**
 * What each step needs from the file. People bring the CSV they have (Top 50, top-10s, playlist exports …),
 * and most lack a column or two: no `explicit`, no `album_id`, no `instrumentalness`, no `year`. A step runs on
 * what is there: it is `ok`, `reduced` (runs on the available subset and says which columns are missing), or
 * `skipped` (one line saying why). The CLI, the dashboard and the notebooks print these lines as they are.
 */
import type { LoadReport } from '../data/load-report';
import { AUDIO_FEATURES, MODEL_FEATURES } from '../data/schema';

/** The parts of the run that depend on columns; each has one line to say when it is reduced or skipped. */
export type StepId =
  | 'distributions'
  | 'correlation'
  | 'yearly_trends'
  | 'top_artists'
  | 'top_albums'
  | 'cohort_decade'
  | 'cohort_explicit'
  | 'cohort_genre'
  | 'clusters'
  | 'promotion_labels'
  | 'popularity_target'
  | 'model';

export interface StepRequirement {
  /** What the user loses when the step is skipped, as a noun phrase ("top albums"). */
  title: string;
  /** Every one of these, or the step is skipped. */
  required: readonly string[];
  /** At least one of these, or the step is skipped (the first present one is used). */
  anyOf?: readonly string[];
  /** Used when present; a missing one reduces the step. */
  optional?: readonly string[];
  /** At least this many of `optional`, or the step is skipped. Default: 0. */
  minOptional?: number;
}

/** Features a step may use: the 9 audio features (clusters, correlation, histograms, trends). */
const FEATURES = AUDIO_FEATURES as readonly string[];

export const STEP_REQUIREMENTS: Readonly<Record<StepId, StepRequirement>> = {
  distributions: { title: 'histograms', required: [], optional: FEATURES, minOptional: 1 },
  correlation: { title: 'correlation matrix', required: [], optional: FEATURES, minOptional: 2 },
  yearly_trends: {
    title: 'yearly trends',
    required: ['year'],
    optional: FEATURES,
    minOptional: 1,
  },
  top_artists: { title: 'top artists', required: ['artists'] },
  top_albums: { title: 'top albums', required: [], anyOf: ['album_id', 'album'] },
  cohort_decade: { title: 'decade cohorts', required: ['year'], optional: FEATURES, minOptional: 1 },
  cohort_explicit: {
    title: 'explicit cohort',
    required: ['explicit'],
    optional: FEATURES,
    minOptional: 1,
  },
  cohort_genre: { title: 'genre cohorts', required: ['genre'], optional: FEATURES, minOptional: 1 },
  clusters: { title: 'mood clusters', required: [], optional: FEATURES, minOptional: 2 },
  promotion_labels: {
    title: 'promotion labels (and so no model)',
    required: ['valence', 'energy', 'danceability'],
  },
  popularity_target: { title: 'popularity target', required: ['popularity'], optional: ['year'] },
  model: {
    title: 'promotion model',
    required: [],
    optional: MODEL_FEATURES as readonly string[],
    minOptional: 1,
  },
};

/**
 * `note`/`reason` are the full line ("mood clusters on 8 of 9 features (instrumentalness not in file)");
 * `how` is the same without the title, so lines of several steps with one cause can be merged.
 */
export type Availability =
  | { step: StepId; status: 'ok'; columns: string[] }
  | { step: StepId; status: 'reduced'; columns: string[]; missing: string[]; note: string; how: string }
  | { step: StepId; status: 'skipped'; missing: string[]; reason: string; how: string };

const list = (names: readonly string[]) =>
  names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * Whether `step` can run on a file with the canonical columns `available`, and on which of them.
 * `unusable` are present columns the step must leave out anyway (constant on these rows), with why.
 */
export function stepAvailability(
  step: StepId,
  available: Iterable<string>,
  unusable: Readonly<Record<string, string>> = {},
): Availability {
  const req = STEP_REQUIREMENTS[step];
  if (!req) throw new Error(`stepAvailability: unknown step '${step}'`);
  const has = new Set(available);
  const usable = (c: string) => has.has(c) && !(c in unusable);
  const reasonOf = (c: string) => (has.has(c) ? unusable[c] : 'not in file');
  // Columns sharing a reason share its words: "speechiness and liveness not in file".
  const why = (cols: readonly string[]) => {
    const groups = new Map<string, string[]>();
    for (const c of cols) groups.set(reasonOf(c), [...(groups.get(reasonOf(c)) ?? []), c]);
    return [...groups].map(([reason, names]) => `${list(names)} ${reason}`).join('; ');
  };
  const missingRequired = req.required.filter((c) => !usable(c));
  const skip = (missing: string[], how: string): Availability => ({
    step,
    status: 'skipped',
    missing,
    how,
    reason: `no ${req.title}: ${how}`,
  });
  if (missingRequired.length > 0)
    return skip(missingRequired, `needs ${list(req.required)} (${why(missingRequired)})`);
  const columns = [...req.required];
  const missing: string[] = [];
  if (req.anyOf) {
    const first = req.anyOf.find(usable);
    if (first === undefined) return skip([...req.anyOf], `needs ${req.anyOf.join(' or ')} (none in file)`);
    columns.push(first);
    missing.push(...req.anyOf.slice(0, req.anyOf.indexOf(first)));
  }
  const optional = req.optional ?? [];
  const present = optional.filter(usable);
  const absent = optional.filter((c) => !usable(c));
  if (present.length < (req.minOptional ?? 0))
    return skip(
      absent,
      `needs at least ${req.minOptional} usable of ${list(optional)}, found ${present.length ? list(present) : 'none'}${absent.length ? ` (${why(absent)})` : ''}`,
    );
  columns.push(...present);
  missing.push(...absent);
  if (missing.length === 0) return { step, status: 'ok', columns };
  const detail = why(missing);
  const how =
    optional.length > 1 && absent.length > 0
      ? `on ${present.length} of ${optional.length} features (${detail})`
      : optional.length > 0 && absent.length > 0
        ? `without ${list(absent)} (${detail})`
        : `by ${columns[columns.length - 1]} (${detail})`;
  return { step, status: 'reduced', columns, missing, how, note: `${req.title} ${how}` };
}

/** The one line a user reads for a reduced or skipped step (undefined when it runs in full). */
export function availabilityLine(a: Availability): string | undefined {
  return a.status === 'ok' ? undefined : a.status === 'reduced' ? a.note : a.reason;
}

/**
 * One line per cause: steps skipped or reduced for the same reason share a line
 * ("no yearly trends, decade cohorts: needs year (year not in file)").
 */
export function availabilityLines(all: readonly Availability[]): string[] {
  const groups = new Map<string, string[]>();
  for (const a of all) {
    if (a.status === 'ok') continue;
    const key = `${a.status}\u0000${a.how}`;
    const titles = groups.get(key) ?? [];
    titles.push(STEP_REQUIREMENTS[a.step].title);
    groups.set(key, titles);
  }
  return [...groups].map(([key, titles]) => {
    const [status, how] = key.split('\u0000');
    return status === 'skipped' ? `no ${titles.join(', ')}: ${how}` : `${titles.join(', ')} ${how}`;
  });
}

/**
 * Canonical columns present in a loaded file: what the loader mapped, plus what it derives (`duration_min` from
 * a duration, `year` from a release date). Uses the loader's own `available` list when it reports one.
 */
export function availableColumns(loaded: {
  report: Pick<LoadReport, 'mapped'>;
  available?: Iterable<string>;
}): string[] {
  if (loaded.available) return [...loaded.available];
  const mapped = new Set(loaded.report.mapped.map((m) => m.column));
  if (mapped.has('duration_ms')) mapped.add('duration_min');
  if (mapped.has('release_date')) mapped.add('year');
  return [...mapped];
}

/**
 * Rows below which a step is skipped or warns. `clustersPerK`: k-means is skipped below this many tracks per
 * cluster. `silhouette`: below, clusters run with a note (a silhouette on a few hundred points swings by
 * ±0.05 between seeds). `model`: below, the model trains with a warning (a 30 % test set of < 60 tracks gives
 * 95 % intervals wider than 0.2). `modelHard`: below, or with fewer than `modelClass` tracks in either class,
 * the model is skipped (a stratified 70/30 split with a validation part cannot hold both classes).
 */
export const MINIMUM_ROWS = {
  clustersPerK: 5,
  silhouette: 2000,
  model: 200,
  modelHard: 30,
  modelClass: 10,
} as const;

/** A 95 % interval wider than this gets a "small test set" warning next to its metric. */
export const WIDE_INTERVAL = 0.2;

/**
 * A step that cannot run on this file (columns missing, too few rows, a degenerate label): its one-line
 * `reason` is what the user reads; the steps after it that need its result are skipped with the same line.
 */
export class StepSkipped extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'StepSkipped';
  }
}
