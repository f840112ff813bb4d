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
import {
  clusterFigures,
  explanationFigures,
  labelFigures,
  modelFigures,
  trendFigures,
  upliftFigures,
} from './figures';
import { configToEnv } from './config';
import { openLab, type Lab } from './lab';
import type { LabOptions } from './options';
import type { ModelStep } from './steps/model';
import type { Overview } from './steps/overview';
import {
  clustersText,
  explanationText,
  labelsText,
  modelText,
  overviewText,
  trendsText,
  upliftText,
} from './summary';

export interface RunOutputs {
  /** Execute the notebooks after the pipeline. Default: true. */
  notebooks?: boolean;
  /** Write figures/ and reports/dashboard/. Default: true. */
  dashboard?: boolean;
  /** Write stage timings and headline metrics here as JSON. */
  timingsJson?: string;
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
  try {
    const overview = await lab.overview();
    say(overviewText(overview, lab.source.description));
    const trends = await lab.trends();
    say(trendsText(trends));
    const clusters = await lab.clusters();
    say(clustersText(clusters));
    const labels = await lab.labels();
    say(labelsText(labels));
    const models = await lab.models();
    say(modelText(models, labels));
    say(
      `Saved models/promotion_model.json (+ .meta.json)${models.popularity ? ' and models/popularity_model.json' : ''}`,
    );
    const explanation = await lab.explanation();
    say(explanationText(explanation));
    const uplift = await lab.uplift();
    say(upliftText(uplift));

    if (outputs.dashboard ?? true) {
      const figures = {
        ...trendFigures(trends),
        ...clusterFigures(clusters),
        ...labelFigures(labels, models),
        ...modelFigures(models, labels),
        ...explanationFigures(explanation),
        ...upliftFigures(uplift),
      };
      const figureStep = startStep(`figures (${Object.keys(figures).length})`, { quiet: lab.options.quiet });
      const written = await exportFigures(figures, path.join(lab.options.outDir, 'figures'), {
        onProgress: figureStep.update,
      });
      lab.timings.figures = figureStep.finish(`${written.files.length} files in figures/`);
      const dashStep = startStep('dashboard', { quiet: lab.options.quiet });
      const input = await buildDashboardInput(lab, figures);
      const site = path.join(lab.options.outDir, 'reports', 'dashboard');
      await exportDashboard(input, site, { onProgress: dashStep.update });
      lab.timings.dashboard = dashStep.finish(`open ${path.join(site, 'index.html')}`);
    }
    lab.timings.total = (performance.now() - started) / 1000;
    if (outputs.timingsJson) writeTimings(lab, outputs.timingsJson, { overview, models });
  } finally {
    lab.close();
  }
  if (outputs.notebooks ?? true) {
    const nbStep = startStep('notebooks (Jupyter, nbconvert)', { quiet: lab.options.quiet });
    const runs = await runNotebooks({
      env: labEnv(lab),
      parameters: configParameters(lab.options),
      onProgress: nbStep.update,
    });
    lab.timings.notebooks = nbStep.finish(`${runs.length} notebooks → reports/notebooks/`);
  }
  return { ok: true, lab };
}

/** Stage timings (seconds) and headline metrics, for `npm run bench` to compare with the Python reference. */
function writeTimings(lab: Lab, file: string, results: { overview: Overview; models: ModelStep }): void {
  const e = results.models.promotion.evaluation;
  const json = {
    stages: { ...lab.timings },
    total: lab.timings.total,
    rows_read: results.overview.report.rowsRead,
    rows_clean: results.overview.rows,
    auc: e.rocAuc,
    f1: e.report.positive.f1,
    precision: e.report.positive.precision,
    recall: e.report.positive.recall,
    base_rate: e.positiveRate,
  };
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
