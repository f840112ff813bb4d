/**
 * The whole lab on real public data: the 20,311-track file in the layout of Kaggle's "Spotify Dataset
 * 1921–2020" (2000–2020, with a real popularity column). Prints the real-target AUC, so a run of
 * `npm run test:real` shows it; the assertions check what must hold whatever the exact numbers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openLab, type Lab } from '../../src/pipeline/lab';

const FILE = path.resolve(__dirname, '../../../shared/data/spotify_600k_format_20k_real.csv');
let lab: Lab;

beforeAll(async () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-real-'));
  lab = await openLab({ data: FILE, outDir, quiet: true, offline: true, seed: 42 });
});
afterAll(() => lab.close());

test('clusters the real tracks into six named moods', async () => {
  const clusters = await lab.clusters();
  expect(clusters.profiles).toHaveLength(6);
  expect(new Set(clusters.profiles.map((p) => p.name)).size).toBe(6);
  expect(clusters.labels.length).toBe((await lab.overview()).rows);
});

test('the rule-label model reaches, and cannot beat, the noise ceiling; the real target is much harder', async () => {
  const models = await lab.models();
  const labels = await lab.labels();
  const promotion = models.promotion.evaluation;
  const ceiling = models.promotion.meta.metrics.noiseCeiling!;
  const popularity = models.popularity!.evaluation;
  console.log(
    [
      `real data: ${FILE}`,
      `rule labels: test ROC AUC ${promotion.rocAuc.toFixed(4)} (ceiling on the same rows ${ceiling.auc.toFixed(4)})`,
      `popularity (top ${(100 * (1 - labels.popularity!.quantile)).toFixed(0)}% within year, base rate ${(100 * labels.popularity!.baseRate).toFixed(1)}%): ` +
        `test ROC AUC ${popularity.rocAuc.toFixed(4)} [${popularity.rocAucInterval!.lower.toFixed(3)}–${popularity.rocAucInterval!.upper.toFixed(3)}], ` +
        `PR AUC ${popularity.averagePrecision.toFixed(4)} on ${popularity.rows} test tracks`,
    ].join('\n'),
  );
  expect(promotion.rocAuc).toBeGreaterThan(ceiling.auc - 0.03);
  expect(promotion.rocAuc).toBeLessThan(ceiling.auc + 0.01);
  expect(popularity.rocAuc).toBeGreaterThan(0.5);
  expect(popularity.rocAuc).toBeLessThan(promotion.rocAuc);
});

test('uplift learners recover the simulated effect better than targeting by promotion score', async () => {
  const uplift = await lab.uplift();
  for (const learner of uplift.learners) expect(learner.pehe).toBeLessThan(0.2);
  const best = uplift.learners.map((l) => l.policies!.find((p) => p.fraction === 0.2)!);
  expect(Math.max(...best.map((p) => p.upliftPolicy))).toBeGreaterThan(best[0].scorePolicy);
});
