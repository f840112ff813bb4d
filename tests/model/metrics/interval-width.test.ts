import {
  aboveCeilingNote,
  evaluateClassifier,
  metricIntervals,
  smallTestSetWarning,
  wilsonInterval,
} from '../../../src/model/metrics';

test('Wilson interval: the textbook value for 8 of 10 (z = 1.96), and honest at 0 and n', () => {
  // Wilson (1927) / Newcombe (1998), method 3: 8/10 → 0.4902–0.9433.
  const [lo, hi] = wilsonInterval(8, 10);
  expect(lo).toBeCloseTo(0.4902, 4);
  expect(hi).toBeCloseTo(0.9433, 4);
  const [lo0, hi0] = wilsonInterval(0, 10);
  expect(lo0).toBe(0);
  expect(hi0).toBeGreaterThan(0.25);
  expect(wilsonInterval(0, 0)).toEqual([0, 1]);
});

/** Seeded scores that separate the classes imperfectly. */
function evaluation(n: number) {
  const labels = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const scores = labels.map((y, i) => (y ? 0.6 : 0.4) + 0.3 * Math.sin(i * 12.9898));
  return evaluateClassifier(labels, scores, { bootstrapReplicates: 200 });
}

test('a 15-row test set gets the small-test-set warning; 20,000 rows do not', () => {
  const small = evaluation(15);
  expect(smallTestSetWarning(small)).toMatch(
    /^small test set: 95 % intervals wider than 0.2 — ROC AUC [\d.]+–[\d.]+ on 15 test tracks/,
  );
  expect(metricIntervals(small).map((m) => m.metric)).toEqual(['ROC AUC', 'precision', 'recall']);
  expect(smallTestSetWarning(evaluation(20000))).toBeUndefined();
});

test('above the ceiling is explained as sampling noise, only when it happens', () => {
  const e = evaluation(300);
  const below = { auc: 1, precision: 1, recall: 1, f1: 1 };
  expect(aboveCeilingNote(e, below)).toBeUndefined();
  const note = aboveCeilingNote(e, { ...below, auc: e.rocAuc - 0.01 });
  expect(note).toMatch(
    /^above the ceiling on ROC AUC [\d.]+ vs [\d.]+: sampling noise, not skill — on 300 test tracks \(ROC AUC 95 % interval/,
  );
});
