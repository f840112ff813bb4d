import type { FeatureMatrix } from '../../../src/model/features';
import { fitUpliftLearner } from '../../../src/model/uplift/uplift-learners';
import { upliftStudy } from '../../../src/model/uplift/uplift-study';
import { createRandom } from '../../../src/util/random';

/** Effect grows with x0, baseline success with x1: ranking by likely success is not ranking by effect. */
function simulated(n: number) {
  const rng = createRandom(21);
  const data = new Float32Array(n * 3);
  const treatment = new Uint8Array(n);
  const outcome = new Uint8Array(n);
  const trueEffect = new Float64Array(n);
  const baseline = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) data[i * 3 + j] = rng.next();
    baseline[i] = 0.1 + 0.5 * data[i * 3 + 1];
    trueEffect[i] = 0.4 * data[i * 3] * (1 - data[i * 3 + 1]);
    treatment[i] = rng.next() < 0.5 ? 1 : 0;
    outcome[i] = rng.next() < baseline[i] + treatment[i] * trueEffect[i] ? 1 : 0;
  }
  const matrix: FeatureMatrix = { data, rows: n, cols: 3, features: ['x0', 'x1', 'x2'] };
  return { matrix, campaign: { treatment, outcome, trueEffect }, baseline };
}

const { matrix, campaign, baseline } = simulated(6000);
// Shallow trees: on 3000 noisy training rows a T-learner's two deeper models overfit (PEHE 0.13 at depth 4).
const learner = { rounds: 40, nthread: 1, params: { max_depth: 2 } };

test('both learners beat the constant (average-effect) guess in PEHE and rank better than random', () => {
  const study = upliftStudy(matrix, campaign, baseline, { learner });
  expect(Math.abs(study.testRows.length - 3000)).toBeLessThanOrEqual(2); // rounded per arm × outcome stratum
  const truth = Array.from(study.testRows, (r) => campaign.trueEffect[r]);
  const ate = study.averageEffect!;
  const constantPehe = Math.sqrt(truth.reduce((s, t) => s + (t - ate) ** 2, 0) / truth.length);
  expect(study.learners.map((l) => l.kind)).toEqual(['t-learner', 's-learner']);
  for (const l of study.learners) {
    expect(l.pehe!).toBeLessThan(constantPehe);
    expect(l.curves.auuc).toBeGreaterThan(l.curves.randomAuuc);
    // Targeting by uplift delivers more true lift at 20% than targeting the likeliest successes.
    const at20 = l.policies!.find((p) => p.fraction === 0.2)!;
    expect(at20.upliftPolicy).toBeGreaterThan(at20.scorePolicy);
    expect(at20.oracle).toBeGreaterThanOrEqual(at20.upliftPolicy);
  }
  const t = study.learners[0];
  expect(t.curves.auuc).toBeGreaterThan(study.scoreCurves!.auuc);
});

test('a learner refuses a matrix with other features; the study is reproducible', () => {
  const small = simulated(800);
  const fitted = fitUpliftLearner('t-learner', small.matrix, small.campaign, { rounds: 5, nthread: 1 });
  expect(() => fitted.predict({ ...small.matrix, features: ['a', 'b', 'c'] })).toThrow(
    /trained on features x0, x1, x2/,
  );
  fitted.free();
  const a = upliftStudy(small.matrix, small.campaign, undefined, {
    learners: ['s-learner'],
    learner: { rounds: 5, nthread: 1 },
  });
  const b = upliftStudy(small.matrix, small.campaign, undefined, {
    learners: ['s-learner'],
    learner: { rounds: 5, nthread: 1 },
  });
  expect(Array.from(a.learners[0].predicted)).toEqual(Array.from(b.learners[0].predicted));
  expect(a.learners[0].policies).toBeUndefined();
});
