/**
 * Every step in order, each result printed as it comes; a step that cannot run on this file (StepSkipped)
 * prints its one line, and the steps that need its result are skipped with the same line, not a crash.
 */
import type { UpliftStudy } from '../model/uplift/uplift-study';
import type { Lab } from './lab';
import { StepSkipped } from './requirements';
import type { Clusters } from './steps/clusters';
import type { Explanation } from './steps/explanation';
import type { Labels } from './steps/labels';
import type { ModelStep } from './steps/model';
import type { Overview } from './steps/overview';
import type { Trends } from './steps/trends';
import {
  clustersText,
  explanationText,
  labelsText,
  modelText,
  overviewText,
  skippedText,
  trendsText,
  upliftText,
} from './summary';

export interface StepResults {
  overview: Overview;
  trends: Trends;
  clusters?: Clusters;
  labels?: Labels;
  models?: ModelStep;
  explanation?: Explanation;
  uplift?: UpliftStudy;
  /** Steps that did not run, by name ('clusters', 'labels', 'model', 'explanation', 'uplift'): the one line. */
  skipped: Record<string, string>;
}

/** DuckDB's error classes ("Binder Error: …"): words for its developers, not for a user (left out). */
const ENGINE_ERROR =
  /\b(Binder|Catalog|Conversion|Invalid Input|Parser|Out of Range|Constraint|Internal) Error\b/;

/**
 * An unexpected failure inside a step, in words a user can act on: which step, which file, that it is a bug
 * to report — with the engine's own text kept after it (the part a maintainer needs), never in place of it.
 */
export function stepFailure(step: string, file: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const engine = ENGINE_ERROR.test(message) ? ' (database engine)' : '';
  const detail = message.split('\n')[0].replace(new RegExp(`${ENGINE_ERROR.source}:\\s*`, 'g'), '');
  const wrapped = new Error(
    `${file}: the ${step} step failed on this file${engine}; the other outputs were kept as they were. ` +
      `This is a bug of the lab — please report it with the file's header line. Detail: ${detail}`,
  );
  (wrapped as Error & { cause?: unknown }).cause = error;
  return wrapped;
}

/** A step's value; its failure (other than StepSkipped) becomes a stepFailure naming the step and file. */
async function guarded<T>(name: string, file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StepSkipped || (error as { name?: string })?.name === 'DataError') throw error;
    throw stepFailure(name, file, error);
  }
}

/** The value of a step, or undefined with its reason recorded when it is skipped; other errors propagate. */
async function optional<T>(
  name: string,
  run: () => Promise<T>,
  skipped: Record<string, string>,
  file = '',
): Promise<T | undefined> {
  try {
    return await guarded(name, file, run);
  } catch (error) {
    if (!(error instanceof StepSkipped)) throw error;
    skipped[name] = error.reason;
    return undefined;
  }
}

/** Runs every step; `say` prints a result (the CLI prints to stdout). */
export async function runSteps(lab: Lab, say: (text: string) => void): Promise<StepResults> {
  const skipped: Record<string, string> = {};
  const file = lab.source.path;
  const overview = await guarded('overview', file, () => lab.overview());
  say(overviewText(overview, lab.source.description));
  const trends = await guarded('trends', file, () => lab.trends());
  say(trendsText(trends));
  if (trends.skipped.yearly_trends) skipped.yearly_trends = trends.skipped.yearly_trends;
  const clusters = await optional('clusters', () => lab.clusters(), skipped, file);
  say(clusters ? clustersText(clusters) : skippedText(skipped.clusters));
  const labels = await optional('labels', () => lab.labels(), skipped, file);
  say(labels ? labelsText(labels) : skippedText(skipped.labels));
  const models = labels ? await optional('model', () => lab.models(), skipped, file) : undefined;
  if (labels) say(models ? modelText(models, labels) : skippedText(skipped.model));
  if (models)
    say(
      `Saved models/promotion_model.json (+ .meta.json)${models.popularity ? ' and models/popularity_model.json' : ''}`,
    );
  const explanation = models
    ? await optional('explanation', () => lab.explanation(), skipped, file)
    : undefined;
  if (models) say(explanation ? explanationText(explanation) : skippedText(skipped.explanation));
  const uplift = models ? await optional('uplift', () => lab.uplift(), skipped, file) : undefined;
  if (models) say(uplift ? upliftText(uplift) : skippedText(skipped.uplift));
  const cause = skipped.labels ?? skipped.model;
  if (cause) for (const name of ['model', 'explanation', 'uplift']) skipped[name] ??= cause;
  return { overview, trends, clusters, labels, models, explanation, uplift, skipped };
}

/** The steps each notebook shows (01_eda … 07_explanation): a notebook runs only when all of them ran. */
export const NOTEBOOK_STEPS: readonly { number: string; steps: readonly string[] }[] = [
  { number: '01', steps: [] },
  // 02 is yearly trends: on a file without years (Top 50, spotify-2023 without released_year) it would show
  // one blank "year" row, an empty line chart and an empty table.
  { number: '02', steps: ['yearly_trends'] },
  { number: '03', steps: ['clusters'] },
  { number: '04', steps: ['labels'] },
  { number: '05', steps: ['labels', 'model'] },
  { number: '06', steps: ['labels', 'model', 'uplift'] },
  { number: '07', steps: ['labels', 'model', 'explanation'] },
];

/** Notebooks to execute, and one line per notebook left out (its step's reason), from the skipped steps. */
export function notebookPlan(skipped: Readonly<Record<string, string>>): { only: string[]; left: string[] } {
  const only: string[] = [];
  const byReason = new Map<string, string[]>();
  for (const nb of NOTEBOOK_STEPS) {
    const missing = nb.steps.find((s) => skipped[s]);
    if (missing === undefined) only.push(nb.number);
    else byReason.set(skipped[missing], [...(byReason.get(skipped[missing]) ?? []), nb.number]);
  }
  return { only, left: [...byReason].map(([reason, numbers]) => `${numbers.join(', ')} — ${reason}`) };
}
