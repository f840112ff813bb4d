import { execFileSync } from 'child_process';
import { compareWithCeiling, evaluateClassifier } from '../../../src/model/metrics/evaluate';
import { thinnedIndices } from '../../../src/model/metrics/ranking';
import { createRandom } from '../../../src/util/random';

/** 3000 rows with scores rounded to 2 decimals, so there are many ties inside and across classes. */
function tiedCase(): { labels: number[]; scores: number[] } {
  const rng = createRandom(11);
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < 3000; i++) {
    const y = rng.next() < 0.3 ? 1 : 0;
    labels.push(y);
    scores.push(Math.round(Math.min(1, Math.max(0, 0.35 + 0.2 * y + 0.2 * rng.normal())) * 100) / 100);
  }
  return { labels, scores };
}

test('ROC AUC, AP, accuracy and F1 agree with scikit-learn run on the same rows', () => {
  const { labels, scores } = tiedCase();
  const script = [
    'import json, sys',
    'from sklearn.metrics import roc_auc_score, average_precision_score, accuracy_score, f1_score',
    'd = json.load(sys.stdin); y = d["y"]; s = d["s"]; p = [1 if v >= 0.5 else 0 for v in s]',
    'print(json.dumps([roc_auc_score(y, s), average_precision_score(y, s), accuracy_score(y, p), f1_score(y, p)]))',
  ].join('\n');
  const out = execFileSync('/usr/bin/python3', ['-c', script], {
    input: JSON.stringify({ y: labels, s: scores }),
  });
  const [auc, ap, acc, f1] = JSON.parse(out.toString()) as number[];
  const e = evaluateClassifier(labels, scores, { bootstrapReplicates: 0 });
  expect(e.rocAuc).toBeCloseTo(auc, 12);
  expect(e.averagePrecision).toBeCloseTo(ap, 12);
  expect(e.report.accuracy).toBeCloseTo(acc, 12);
  expect(e.report.positive.f1).toBeCloseTo(f1, 12);
  expect(e.rocAucInterval).toBeUndefined();
});

test('curves are thinned to curvePoints with both ends kept; the interval is there by default', () => {
  const { labels, scores } = tiedCase();
  const e = evaluateClassifier(labels, scores, { curvePoints: 11, bootstrapReplicates: 20 });
  expect(e.roc.fpr).toHaveLength(11);
  expect(e.roc.fpr[0]).toBe(0);
  expect(e.roc.fpr[10]).toBe(1);
  expect(e.precisionRecall.recall.at(-1)).toBe(1);
  expect(e.rocAucInterval!.lower).toBeLessThan(e.rocAuc);
  expect(e.positiveRate).toBeCloseTo(labels.filter((y) => y === 1).length / 3000, 12);
  expect(thinnedIndices(5, 3)).toEqual([0, 2, 4]);
  expect(thinnedIndices(2, 3)).toEqual([0, 1]);
});

test('one class only is a clear error', () => {
  expect(() => evaluateClassifier([0, 0, 0], [0.1, 0.2, 0.3])).toThrow(/only one class/);
  expect(() => evaluateClassifier([0, 1], [0.2, 0.8], { curvePoints: 1 })).toThrow(
    /curvePoints must be an integer ≥ 2, got 1/,
  );
});

test('the ceiling comparison puts each model metric beside its ceiling', () => {
  const e = evaluateClassifier([0, 0, 1, 1], [0.1, 0.6, 0.4, 0.9], { bootstrapReplicates: 0 });
  const rows = compareWithCeiling(e, { auc: 0.919, precision: 0.95, recall: 0.85, f1: 0.9 });
  expect(rows.map((r) => r.metric)).toEqual(['ROC AUC', 'precision', 'recall', 'F1']);
  expect(rows[0].model).toBe(0.75);
  expect(rows[0].shareOfCeiling).toBeCloseTo(0.75 / 0.919, 12);
  expect(rows[1].model).toBe(0.5);
});
