/**
 * Every chart of the run, by name: the notebooks, the dashboard and figures/NAME.html draw the same figures.
 * Each builder takes one step's result, so a notebook can build just the ones it shows.
 */
import { elbowFigure, clusterMapFigure, clusterProfileFigure } from '../viz/clusters';
import { cohortFigure } from '../viz/cohorts';
import { correlationHeatmapFigure, histogramFigure } from '../viz/distributions';
import {
  featureImportanceFigure,
  meanAbsShapFigure,
  shapBeeswarmFigure,
  shapWaterfallFigure,
} from '../viz/explain';
import { labelSummaryFigure } from '../viz/labels';
import {
  calibrationFigure,
  confusionMatrixFigure,
  metricsVersusCeilingFigure,
  precisionRecallFigure,
  rocFigure,
  thresholdSweepFigure,
} from '../viz/model';
import { topEntitiesFigure } from '../viz/rankings';
import { themedLayout } from '../viz/theme';
import { decadeBarsFigure, yearlyTrendFigure } from '../viz/trends';
import { wrapText } from '../viz/wrap-text';
import type { Figure } from '../viz/types';
import { policyComparisonFigure, upliftCurvesFigure } from '../viz/uplift';
import { compareWithCeiling } from '../model/metrics';
import type { UpliftCurves } from '../model/uplift/uplift-curves';
import type { UpliftStudy } from '../model/uplift/uplift-study';
import type { Clusters } from './steps/clusters';
import type { Explanation } from './steps/explanation';
import type { Labels } from './steps/labels';
import type { ModelStep } from './steps/model';
import type { StepId } from './requirements';
import type { Trends } from './steps/trends';

export type Figures = Record<string, Figure>;

/**
 * A chart that cannot be drawn on this file (its columns are missing or constant): no traces, the reason in
 * the middle, and the reason in `layout.meta.note` so the dashboard shows it as a note instead of a chart.
 */
export function noteFigure(title: string, note: string): Figure {
  return {
    data: [],
    layout: themedLayout(title, {
      height: 220,
      xaxis: { visible: false },
      yaxis: { visible: false },
      meta: { note },
      annotations: [
        {
          text: wrapText(note, 90),
          xref: 'paper',
          yref: 'paper',
          x: 0.5,
          y: 0.5,
          showarrow: false,
          font: { size: 14 },
        },
      ],
    }),
  };
}

/** The note of a figure made by noteFigure, or undefined for a real chart. */
export function figureNote(figure: Figure | undefined): string | undefined {
  const meta = figure?.layout.meta as { note?: unknown } | undefined;
  return typeof meta?.note === 'string' ? meta.note : undefined;
}

export function trendFigures(t: Trends): Figures {
  // Results cached before steps could be skipped have no `skipped`: everything ran.
  const skipped = t.skipped ?? {};
  const part = (step: StepId, title: string, draw: () => Figure): Figure =>
    skipped[step] ? noteFigure(title, skipped[step]!) : draw();
  const top = (step: StepId, entities: Trends['topArtists'], title: string): Figure =>
    part(step, title, () =>
      entities.rows.length > 0
        ? topEntitiesFigure(entities)
        : noteFigure(title, `no ${title.toLowerCase()}: every ${entities.kind} name in the file is empty`),
    );
  const figures: Figures = {
    yearly_trends: part('yearly_trends', 'Yearly means', () => yearlyTrendFigure(t.yearly)),
    decade_means: part('yearly_trends', 'Decade means', () => decadeBarsFigure(t.decades)),
    distributions: part('distributions', 'Distributions', () => histogramFigure(t.histograms)),
    correlation: part('correlation', 'Correlations', () => correlationHeatmapFigure(t.correlation)),
    top_artists: top('top_artists', t.topArtists, 'Top artists'),
    top_albums: top('top_albums', t.topAlbums, 'Top albums'),
    cohort_decade: part('cohort_decade', 'Decade cohorts', () => cohortFigure(t.byDecade)),
    cohort_explicit: part('cohort_explicit', 'Explicit vs clean', () => cohortFigure(t.byExplicit)),
  };
  if (t.byGenre) figures.cohort_genre = cohortFigure(t.byGenre);
  return figures;
}

export function clusterFigures(c: Clusters): Figures {
  return {
    cluster_elbow:
      c.elbow.length > 0
        ? elbowFigure(c.elbow, { chosenK: c.k })
        : noteFigure('Choosing k', `no elbow curve: ${c.labels.length} tracks are too few for k = 2..10`),
    cluster_map: clusterMapFigure({ ...c.map, pca: undefined as never }, c.profiles),
    cluster_profiles: clusterProfileFigure(c.profiles),
    cohort_cluster: cohortFigure(c.byCluster, {
      clusterNames: Object.fromEntries(c.profiles.map((p) => [p.cluster, p.name])),
    }),
  };
}

export function labelFigures(l: Labels, models?: ModelStep): Figures {
  const model = models?.promotion.evaluation;
  return {
    label_summary: labelSummaryFigure(l.promotion, l.ceiling, {
      model: model
        ? {
            auc: model.rocAuc,
            precision: model.report.positive.precision,
            recall: model.report.positive.recall,
            f1: model.report.positive.f1,
          }
        : undefined,
      modelName: "this run's model (test set)",
    }),
  };
}

export function modelFigures(m: ModelStep, l: Labels): Figures {
  const e = m.promotion.evaluation;
  const figures: Figures = {
    // The ceiling measured on the model's own test rows, as the metric cards show it.
    model_vs_ceiling: metricsVersusCeilingFigure(
      compareWithCeiling(e, m.promotion.meta.metrics.noiseCeiling ?? l.ceiling),
    ),
    roc: rocFigure(e),
    precision_recall: precisionRecallFigure(e),
    calibration: calibrationFigure(e.calibration),
    confusion: confusionMatrixFigure(e.confusion),
    threshold_sweep: thresholdSweepFigure(e.sweep),
  };
  if (m.popularity) {
    figures.popularity_roc = rocFigure(m.popularity.evaluation, {
      title: 'Popularity model (real target): ROC',
    });
    figures.popularity_precision_recall = precisionRecallFigure(m.popularity.evaluation, {
      title: 'Popularity model (real target): precision–recall',
    });
  }
  return figures;
}

export function explanationFigures(x: Explanation): Figures {
  const figures: Figures = {
    importance_gain: featureImportanceFigure(x.importance, { type: 'gainShare' }),
    shap_mean_abs: meanAbsShapFigure(x.meanAbsShap),
    shap_beeswarm: shapBeeswarmFigure(x.beeswarm),
  };
  x.examples.forEach((example, i) => {
    figures[`shap_waterfall_${i + 1}`] = shapWaterfallFigure(example.local, {
      title: `Why "${example.track.name}"? (${example.why})`,
    });
  });
  return figures;
}

export function upliftFigures(u: UpliftStudy): Figures {
  const series: { name: string; curves: UpliftCurves }[] = u.learners.map((l) => ({
    name: l.kind,
    curves: l.curves,
  }));
  if (u.scoreCurves) series.push({ name: 'promotion score (original policy)', curves: u.scoreCurves });
  const figures: Figures = {
    uplift_qini: upliftCurvesFigure(series, { kind: 'qini' }),
    uplift_curve: upliftCurvesFigure(series, { kind: 'uplift' }),
  };
  const policies = u.learners.find((l) => l.policies)?.policies;
  if (policies) figures.uplift_policies = policyComparisonFigure(policies);
  return figures;
}

/** Every figure of the run from the steps that ran (a skipped step draws nothing; the dashboard says why). */
export function allFigures(r: {
  trends: Trends;
  clusters?: Clusters;
  labels?: Labels;
  models?: ModelStep;
  explanation?: Explanation;
  uplift?: UpliftStudy;
}): Figures {
  return {
    ...trendFigures(r.trends),
    ...(r.clusters ? clusterFigures(r.clusters) : {}),
    ...(r.labels ? labelFigures(r.labels, r.models) : {}),
    ...(r.models && r.labels ? modelFigures(r.models, r.labels) : {}),
    ...(r.explanation ? explanationFigures(r.explanation) : {}),
    ...(r.uplift ? upliftFigures(r.uplift) : {}),
  };
}
