import { aucBootstrapInterval } from '../../../src/model/metrics/bootstrap';
import { aucDeLongInterval } from '../../../src/model/metrics/delong';
import { evaluateClassifier } from '../../../src/model/metrics/evaluate';
import { rocAuc } from '../../../src/model/metrics/roc';
import { createRandom } from '../../../src/util/random';

const Z95 = 1.959963984540054;

test('the hand-computed example: 3 positives, 4 negatives, one tie', () => {
  // Positives 0.9, 0.7, 0.5; negatives 0.8, 0.5, 0.3, 0.1. Placements of the positives (share of negatives
  // outscored, the tie counting 1/2): 4/4, 3/4, 2.5/4; of the negatives (share of positives above them):
  // 1/3, 2.5/3, 3/3, 3/3. AUC = 19/24. S10 = (5² + 1² + 4²)/24² / 2 = 21/576, S01 = (11² + 1² + 5² + 5²)/24² / 3
  // = 172/1728, Var = S10/3 + S01/4 = 64/1728 = 1/27.
  const labels = [1, 0, 1, 1, 0, 0, 0];
  const scores = [0.9, 0.8, 0.7, 0.5, 0.5, 0.3, 0.1];
  const ci = aucDeLongInterval(labels, scores);
  expect(ci.method).toBe('delong');
  expect(ci.auc).toBeCloseTo(19 / 24, 14);
  expect(ci.standardError).toBeCloseTo(1 / Math.sqrt(27), 14);
  expect(ci.lower).toBeCloseTo(19 / 24 - Z95 / Math.sqrt(27), 8);
  // 19/24 + 0.377 is past 1: clipped, as pROC does.
  expect(ci.upper).toBe(1);
  expect(ci.level).toBe(0.95);
  expect(ci.replicates).toBeUndefined();
});

/** DeLong's variance the slow way: every positive against every negative (the oracle for ties and order). */
function bruteForceVariance(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? pos : neg).push(scores[i]);
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = pos.map((x) => neg.reduce((s, y) => s + psi(x, y), 0) / neg.length);
  const v01 = neg.map((y) => pos.reduce((s, x) => s + psi(x, y), 0) / pos.length);
  const auc = v10.reduce((a, b) => a + b, 0) / pos.length;
  const s10 = v10.reduce((s, v) => s + (v - auc) ** 2, 0) / (pos.length - 1);
  const s01 = v01.reduce((s, v) => s + (v - auc) ** 2, 0) / (neg.length - 1);
  return s10 / pos.length + s01 / neg.length;
}

function noisyCase(n: number, seed: number, round = false): { labels: Uint8Array; scores: Float64Array } {
  const rng = createRandom(seed);
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rng.next() < 0.4 ? 1 : 0;
    const s = labels[i] + rng.normal();
    scores[i] = round ? Math.round(s * 4) / 4 : s;
  }
  return { labels, scores };
}

test('equals the all-pairs definition, with many ties, and takes a given order', () => {
  const { labels, scores } = noisyCase(400, 3, true);
  const ci = aucDeLongInterval(labels, scores, { level: 0.9 });
  expect(ci.auc).toBeCloseTo(rocAuc(labels, scores), 12);
  expect(ci.standardError! ** 2).toBeCloseTo(bruteForceVariance(labels, scores), 12);
  expect(ci.upper - ci.auc).toBeCloseTo(1.6448536269514722 * ci.standardError!, 8);
  const f32 = Float32Array.from(scores);
  expect(aucDeLongInterval(labels, f32)).toEqual(aucDeLongInterval(Array.from(labels), Array.from(f32)));
});

test('close to the seeded percentile bootstrap on 5,000 rows (not equal: a different method)', () => {
  const { labels, scores } = noisyCase(5000, 1);
  const delong = aucDeLongInterval(labels, scores);
  const boot = aucBootstrapInterval(labels, scores, { replicates: 1000, seed: 7 });
  const se = delong.standardError!;
  expect(se).toBeGreaterThan(0.004);
  expect(se).toBeLessThan(0.01);
  expect(Math.abs(delong.lower - boot.lower)).toBeLessThan(0.2 * se);
  expect(Math.abs(delong.upper - boot.upper)).toBeLessThan(0.2 * se);
  expect(delong.lower).not.toBe(boot.lower);
  // Binormal with unit shift: AUC = Φ(1/√2) ≈ 0.760, inside the interval.
  expect(delong.lower).toBeLessThan(0.7602);
  expect(delong.upper).toBeGreaterThan(0.7602);
});

test('evaluateClassifier: DeLong by default; bootstrapReplicates alone still asks for the bootstrap', () => {
  const { labels, scores: margins } = noisyCase(300, 2);
  const scores = margins.map((s) => 1 / (1 + Math.exp(-s)));
  expect(evaluateClassifier(labels, scores).rocAucInterval).toEqual(aucDeLongInterval(labels, scores));
  const boot = evaluateClassifier(labels, scores, { bootstrapReplicates: 30 }).rocAucInterval!;
  expect(boot).toEqual(aucBootstrapInterval(labels, scores, { replicates: 30, seed: 42 }));
  expect(boot.method).toBe('bootstrap');
  expect(evaluateClassifier(labels, scores, { aucInterval: 'bootstrap' }).rocAucInterval!.replicates).toBe(
    200,
  );
  expect(evaluateClassifier(labels, scores, { bootstrapReplicates: 0 }).rocAucInterval).toBeUndefined();
  expect(evaluateClassifier(labels, scores, { aucInterval: 'none' }).rocAucInterval).toBeUndefined();
  expect(() =>
    evaluateClassifier(labels, scores, { aucInterval: 'delong', bootstrapReplicates: 50 }),
  ).toThrow(/bootstrapReplicates: 50 contradicts aucInterval: 'delong'/);
  expect(() => evaluateClassifier(labels, scores, { aucInterval: 'wald' as unknown as 'delong' })).toThrow(
    /aucInterval must be 'delong', 'bootstrap' or 'none', got wald/,
  );
});
