/**
 * Everything the evaluation page shows, computed from labels and scores with one sort: ROC AUC with its interval
 * (DeLong's by default), average precision, confusion matrix and per-class scores at a threshold, curves,
 * calibration, sweep.
 * Nothing here is typed in; the original app's table was.
 */
import type { OnProgress } from '../../util/progress';
import { checkBinaryInput } from './binary-input';
import { descendingOrder, thresholdCounts } from './ranking';
import { aucFromCounts, rocCurveFromCounts, type RocCurve } from './roc';
import {
  averagePrecisionFromCounts,
  precisionRecallCurveFromCounts,
  type PrecisionRecallCurve,
} from './precision-recall';
import type { AucInterval, AucIntervalMethod } from './auc-interval';
import { aucBootstrapInterval, AUC_BOOTSTRAP_DEFAULTS } from './bootstrap';
import { aucDeLongInterval } from './delong';
import {
  classificationReport,
  confusionMatrix,
  type ClassificationReport,
  type ConfusionMatrix,
} from './confusion';
import { calibrationCurve, CALIBRATION_DEFAULTS, type CalibrationBin } from './calibration';
import { thresholdSweepFromCounts, THRESHOLD_SWEEP_DEFAULTS, type ThresholdPoint } from './threshold-sweep';

export interface EvaluateOptions {
  /** Decision threshold for the confusion matrix and per-class scores. Default 0.5. */
  threshold?: number;
  /**
   * The ROC AUC interval: 'delong' (analytic, no seed; pROC's default), 'bootstrap' (seeded percentile bootstrap,
   * `bootstrapReplicates` replicates) or 'none'. Default 'delong' — or, when only `bootstrapReplicates` is given,
   * what it asked for before DeLong was the default: 'bootstrap' (0: 'none').
   */
  aucInterval?: AucIntervalMethod | 'none';
  /** Replicates of the 'bootstrap' interval. Default 200. */
  bootstrapReplicates?: number;
  /** Seed of the bootstrap (only with aucInterval: 'bootstrap'). Default 42. */
  seed?: number;
  /** Calibration bins. Default 10. */
  calibrationBins?: number;
  /** Thresholds of the sweep. Default 0.01…0.99. */
  sweepThresholds?: number[];
  /** Most points kept per curve (evenly thinned, ends kept) so results stay small enough to save and draw. Default 201. */
  curvePoints?: number;
  /** Progress over bootstrap replicates (aucInterval: 'bootstrap'). */
  onProgress?: OnProgress;
}

export const EVALUATE_DEFAULTS = {
  threshold: 0.5,
  aucInterval: 'delong' as AucIntervalMethod | 'none',
  bootstrapReplicates: AUC_BOOTSTRAP_DEFAULTS.replicates,
  seed: AUC_BOOTSTRAP_DEFAULTS.seed,
  calibrationBins: CALIBRATION_DEFAULTS.bins,
  sweepThresholds: THRESHOLD_SWEEP_DEFAULTS.thresholds,
  curvePoints: 201,
} as const;

export interface ClassifierEvaluation {
  rows: number;
  /** Share of positive rows (the PR curve's no-skill line). */
  positiveRate: number;
  rocAuc: number;
  /** Absent when aucInterval = 'none'; `method` says how it was computed. */
  rocAucInterval?: AucInterval;
  averagePrecision: number;
  confusion: ConfusionMatrix;
  report: ClassificationReport;
  roc: RocCurve;
  precisionRecall: PrecisionRecallCurve;
  calibration: CalibrationBin[];
  sweep: ThresholdPoint[];
}

/** The interval method the options ask for; replicates beside another method are a contradiction. */
function intervalMethod(options: EvaluateOptions): AucIntervalMethod | 'none' {
  const { aucInterval, bootstrapReplicates } = options;
  if (aucInterval !== undefined && !['delong', 'bootstrap', 'none'].includes(aucInterval))
    throw new Error(`aucInterval must be 'delong', 'bootstrap' or 'none', got ${String(aucInterval)}`);
  if (bootstrapReplicates === undefined) return aucInterval ?? EVALUATE_DEFAULTS.aucInterval;
  const implied = bootstrapReplicates > 0 ? 'bootstrap' : 'none';
  if (aucInterval !== undefined && aucInterval !== implied)
    throw new Error(
      `bootstrapReplicates: ${bootstrapReplicates} contradicts aucInterval: '${aucInterval}'; replicates are the bootstrap's (aucInterval: 'bootstrap')`,
    );
  return implied;
}

export function evaluateClassifier(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: EvaluateOptions = {},
): ClassifierEvaluation {
  const o = { ...EVALUATE_DEFAULTS, ...options, aucInterval: intervalMethod(options) };
  if (!Number.isInteger(o.curvePoints) || o.curvePoints < 2)
    throw new Error(`curvePoints must be an integer ≥ 2, got ${o.curvePoints}`);
  const { positives } = checkBinaryInput(labels, scores, {
    needBothClasses: true,
    metric: 'classifier evaluation',
  });
  const order = descendingOrder(scores);
  const counts = thresholdCounts(order, labels, scores);
  const confusion = confusionMatrix(labels, scores, o.threshold);
  return {
    rows: labels.length,
    positiveRate: positives / labels.length,
    rocAuc: aucFromCounts(counts),
    rocAucInterval:
      o.aucInterval === 'delong'
        ? aucDeLongInterval(labels, scores, { order })
        : o.aucInterval === 'bootstrap'
          ? aucBootstrapInterval(labels, scores, {
              replicates: o.bootstrapReplicates,
              seed: o.seed,
              order,
              onProgress: o.onProgress,
            })
          : undefined,
    averagePrecision: averagePrecisionFromCounts(counts),
    confusion,
    report: classificationReport(confusion),
    roc: rocCurveFromCounts(counts, o.curvePoints),
    precisionRecall: precisionRecallCurveFromCounts(counts, o.curvePoints),
    calibration: calibrationCurve(labels, scores, { bins: o.calibrationBins }),
    sweep: thresholdSweepFromCounts(counts, o.sweepThresholds),
  };
}

/** The best a model can score against labels with known noise (from src/label's noise ceiling). */
export interface NoiseCeiling {
  auc: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CeilingComparisonRow {
  metric: 'ROC AUC' | 'precision' | 'recall' | 'F1';
  model: number;
  ceiling: number;
  /** model / ceiling: near 1 means the model has learned all that the noisy labels allow. */
  shareOfCeiling: number;
}

/** The model's scores beside the noise ceiling, metric by metric. */
export function compareWithCeiling(
  evaluation: ClassifierEvaluation,
  ceiling: NoiseCeiling,
): CeilingComparisonRow[] {
  const rows: [CeilingComparisonRow['metric'], number, number][] = [
    ['ROC AUC', evaluation.rocAuc, ceiling.auc],
    ['precision', evaluation.report.positive.precision, ceiling.precision],
    ['recall', evaluation.report.positive.recall, ceiling.recall],
    ['F1', evaluation.report.positive.f1, ceiling.f1],
  ];
  return rows.map(([metric, model, c]) => ({
    metric,
    model,
    ceiling: c,
    shareOfCeiling: c > 0 ? model / c : NaN,
  }));
}
