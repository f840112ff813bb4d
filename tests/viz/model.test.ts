import { compareWithCeiling, evaluateClassifier } from '../../src/model/metrics/evaluate';
import {
  calibrationFigure,
  confusionMatrixFigure,
  metricsVersusCeilingFigure,
  precisionRecallFigure,
  rocFigure,
  thresholdSweepFigure,
} from '../../src/viz/model';

const labels = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0];
const scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2, 0.9, 0.6, 0.7];
const evaluation = evaluateClassifier(labels, scores, {
  bootstrapReplicates: 20,
  calibrationBins: 5,
  sweepThresholds: [0.25, 0.5, 0.75],
});

test('ROC and PR figures: the curve, the chance line, the AUC/AP in the legend', () => {
  const roc = rocFigure(evaluation);
  expect(roc.data[0].name).toMatch(/^model \(AUC 0.760, 95% CI /);
  expect(roc.data[0].x).toEqual([0, 0, 0, 0.2, 0.2, 0.6, 0.6, 0.8, 1]);
  expect(roc).toMatchSnapshot();
  const pr = precisionRecallFigure(evaluation);
  expect(pr.data[0].name).toBe('model (AP 0.789)');
  expect(pr.data[1].y).toEqual([0.5, 0.5]);
  expect(pr).toMatchSnapshot();
});

test('calibration, confusion matrix, threshold sweep and ceiling figures', () => {
  const calibration = calibrationFigure(evaluation.calibration);
  expect(calibration.data[0].y).toEqual([0, 0.5, 1, 0.5, 1]);
  expect(calibration).toMatchSnapshot();
  const confusion = confusionMatrixFigure(evaluation.confusion);
  expect(confusion.data[0].z).toEqual([
    [4, 1],
    [2, 3],
  ]);
  expect(confusion).toMatchSnapshot();
  expect(thresholdSweepFigure(evaluation.sweep, { threshold: 0.5 })).toMatchSnapshot();
  const ceiling = metricsVersusCeilingFigure(
    compareWithCeiling(evaluation, { auc: 0.9194, precision: 0.95, recall: 0.855, f1: 0.9 }),
  );
  expect(ceiling.data[1].y).toEqual([0.9194, 0.95, 0.855, 0.9]);
  expect(ceiling).toMatchSnapshot();
  expect(() => calibrationFigure([])).toThrow(/at least one bin/);
});
