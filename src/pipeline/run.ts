/**
 * `lab run`: every step in order with progress, results printed as they come, then the outputs a user opens:
 * models/, figures/, reports/dashboard/ and the executed notebooks in reports/notebooks/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { exportDashboard } from '../report/export-dashboard';
import { exportFigures } from '../report/export-figures';
import { configParameters } from '../notebooks/parameters';
import { runNotebooks } from '../notebooks/run-notebooks';
import { startStep } from '../util/progress';
import { buildDashboardInput } from './dashboard';
import { configToEnv } from './config';
import { allFigures } from './figures';
import { openLab, type Lab } from './lab';
import { beginOutputSet } from './outputs';
import type { LabOptions } from './options';
import { NOTEBOOK_STEPS, notebookPlan, runSteps, type StepResults } from './run-steps';

export interface RunOutputs {
  /** Execute the notebooks after the pipeline. Default: true. */
  notebooks?: boolean;
  /** Write figures/ and reports/dashboard/. Default: true. */
  dashboard?: boolean;
  /** Write stage timings and headline metrics here as JSON. */
  timingsJson?: string;
  /** Also render figures/NAME.png with headless Chromium ('auto': when Chromium is found). Default: 'auto'. */
  figurePng?: boolean | 'auto';
}

export interface RunResult {
  ok: boolean;
  lab: Lab;
}

/** The environment that makes notebooks open the same data and parameters as this run (LAB_CONFIG). */
export function labEnv(lab: Lab): Record<string, string> {
  return configToEnv({ ...lab.options, data: lab.source.synthetic ? lab.options.data : lab.source.path });
}

export async function runLab(options: LabOptions, outputs: RunOutputs = {}): Promise<RunResult> {
  const started = performance.now();
  const lab = await openLab(options);
  const say = (text: string) => console.log(`\n${text}`);
  // One run's outputs as one set: locked against a concurrent run, the previous set back if this one fails.
  const set = await beginOutputSet(lab.options.outDir).catch((error) => {
    lab.close();
    throw error;
  });
  try {
    await writeOutputs(lab, outputs, started, say);
    set.commit();
  } catch (error) {
    set.rollback();
    throw error;
  }
  return { ok: true, lab };
}

async function writeOutputs(
  lab: Lab,
  outputs: RunOutputs,
  started: number,
  say: (text: string) => void,
): Promise<void> {
  let results: StepResults | undefined;
  try {
    results = await runSteps(lab, say);

    if (outputs.dashboard ?? true) {
      const figures = allFigures(results);
      const figureStep = startStep(`figures (${Object.keys(figures).length})`, { quiet: lab.options.quiet });
      const written = await exportFigures(figures, path.join(lab.options.outDir, 'figures'), {
        onProgress: figureStep.update,
        ...(outputs.figurePng !== undefined && { png: outputs.figurePng }),
      });
      lab.timings.figures = figureStep.finish(`${written.files.length} files in figures/`);
      const dashStep = startStep('dashboard', { quiet: lab.options.quiet });
      const input = await buildDashboardInput(lab, figures, results);
      const site = path.join(lab.options.outDir, 'reports', 'dashboard');
      await exportDashboard(input, site, { onProgress: dashStep.update });
      lab.timings.dashboard = dashStep.finish(`open ${path.join(site, 'index.html')}`);
    }
    lab.timings.total = (performance.now() - started) / 1000;
    if (outputs.timingsJson) writeTimings(lab, outputs.timingsJson, results);
  } finally {
    lab.close();
  }
  const plan = notebookPlan(results.skipped);
  if ((outputs.notebooks ?? true) && plan.left.length > 0) say(`Notebooks not run: ${plan.left.join('; ')}`);
  if ((outputs.notebooks ?? true) && plan.only.length > 0) {
    const nbStep = startStep('notebooks (Jupyter, nbconvert)', { quiet: lab.options.quiet });
    const runs = await runNotebooks({
      only: plan.only.length < NOTEBOOK_STEPS.length ? plan.only : undefined,
      env: labEnv(lab),
      parameters: configParameters(lab.options),
      outDir: path.join(lab.options.outDir, 'reports', 'notebooks'),
      onProgress: nbStep.update,
      onPrecompiled: (r) => {
        if ('error' in r) say(`notebook cells not compiled ahead (each kernel compiles its own): ${r.error}`);
      },
    });
    lab.timings.notebooks = nbStep.finish(`${runs.length} notebooks → reports/notebooks/`);
  }
}

/** Stage timings (seconds) and headline metrics, for `npm run bench` to compare with the Python reference. */
function writeTimings(lab: Lab, file: string, results: StepResults): void {
  const e = results.models?.promotion.evaluation;
  const json = {
    stages: { ...lab.timings },
    total: lab.timings.total,
    rows_read: results.overview.report.rowsRead,
    rows_clean: results.overview.rows,
    auc: e?.rocAuc ?? null,
    f1: e?.report.positive.f1 ?? null,
    precision: e?.report.positive.precision ?? null,
    recall: e?.report.positive.recall ?? null,
    base_rate: e?.positiveRate ?? null,
  };
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
