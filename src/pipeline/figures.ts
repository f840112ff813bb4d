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
import { decadeBarsFigure, yearlyTrendFigure } from '../viz/trends';
import type { Figure } from '../viz/types';
import { policyComparisonFigure, upliftCurvesFigure } from '../viz/uplift';
import { compareWithCeiling } from '../model/metrics';
import type { UpliftCurves } from '../model/uplift/uplift-curves';
import type { UpliftStudy } from '../model/uplift/uplift-study';
import type { Clusters } from './steps/clusters';
import type { Explanation } from './steps/explanation';
import type { Labels } from './steps/labels';
import type { ModelStep } from './steps/model';
import type { Trends } from './steps/trends';

export type Figures = Record<string, Figure>;

export function trendFigures(t: Trends): Figures {
  const figures: Figures = {
    yearly_trends: yearlyTrendFigure(t.yearly),
    decade_means: decadeBarsFigure(t.decades),
    distributions: histogramFigure(t.histograms),
    correlation: correlationHeatmapFigure(t.correlation),
    top_artists: topEntitiesFigure(t.topArtists),
    top_albums: topEntitiesFigure(t.topAlbums),
    cohort_decade: cohortFigure(t.byDecade),
    cohort_explicit: cohortFigure(t.byExplicit),
  };
  if (t.byGenre) figures.cohort_genre = cohortFigure(t.byGenre);
  return figures;
}

export function clusterFigures(c: Clusters): Figures {
  return {
    cluster_elbow: elbowFigure(c.elbow, { chosenK: c.k }),
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
