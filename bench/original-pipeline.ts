/**
 * The original app's work, and only that, on our stack — the TypeScript twin of bench/reference/original_pipeline.py,
 * which `npm run bench` and `npm run bench:scale` time side by side so the two sides do the same thing: load + clean, yearly
 * means and top artists, k-means (k = 6) on the standardized features, the rule labels with a seeded 5% flip,
 * a stratified 70/30 split, XGBoost (100 rounds, depth 6, eta 0.3, hist), test metrics, SHAP on 10k rows,
 * and saving the model. The full `lab run` does more (elbow, PCA map, bootstrap interval, uplift, …).
 *
 *   node bin/run-ts.js bench/original-pipeline.ts FILE [--seed 42] [--timings-json OUT.json]
 * prints the stage timings and headline metrics as JSON (and writes them to OUT.json).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { topArtistsSql, yearlyMeansSql } from '../src/analysis';
import { kmeans } from '../src/cluster/kmeans';
import { standardizedFeatureMatrix } from '../src/cluster/standardize';
import { loadTracks } from '../src/data/load';
import { MODEL_FEATURES } from '../src/data/schema';
import { shapValues } from '../src/explain/shap';
import { promotionLabels } from '../src/label/promotion-rule';
import { featureMatrix } from '../src/model/features';
import { saveModel } from '../src/model/model-store';
import { trainPromotionModel } from '../src/model/train-promotion-model';
import { parseArgs } from 'util';

interface ProfileResult {
  /** Seconds per stage, with the Python reference's stage names. */
  stages: Record<string, number>;
  total: number;
  rows_read: number;
  rows_clean: number;
  auc: number;
  f1: number;
  precision: number;
  recall: number;
  base_rate: number;
}

async function runOriginalProfile(
  file: string,
  options: { seed: number; modelDir?: string },
): Promise<ProfileResult> {
  const stages: Record<string, number> = {};
  const started = performance.now();
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = (now - t) / 1000;
    if (process.env.LAB_PROFILE_RSS)
      console.error(`${name}: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
    t = now;
  };
  // Cleaning happens inside the load (one DuckDB pass), so 'clean' is part of 'load' here; so is moving the
  // model's columns out of DuckDB into arrays, which pandas' read_csv has already done.
  // Cleaning reads name and album whatever is kept; only what later steps use stays in memory.
  const loaded = await loadTracks(file, { columns: [...MODEL_FEATURES, 'artists'] });
  try {
    const table = await loaded.toTable([...MODEL_FEATURES]);
    lap('load');
    stages.clean = 0;
    await yearlyMeansSql(loaded.connection, loaded.relation, { features: ['tempo', 'energy', 'valence'] });
    await topArtistsSql(loaded.connection, loaded.relation, { limit: 20 });
    const rowsRead = loaded.report.rowsRead;
    const rowsKept = loaded.rowCount;
    // Nothing below needs DuckDB: its memory goes back before the modelling steps allocate theirs.
    loaded.close();
    lap('aggregates');
    const { matrix } = standardizedFeatureMatrix(table);
    await kmeans(matrix, { k: 6, seed: options.seed });
    lap('kmeans');
    const labels = promotionLabels(table, { seed: options.seed, flipRate: 0.05 });
    lap('label_split');
    const model = await trainPromotionModel(table, labels.labels, {
      split: { seed: options.seed, validationFraction: 0 },
      earlyStoppingRounds: 0,
      bootstrapReplicates: 0,
      seed: options.seed,
    });
    lap('train');
    const testRows = model.test.rows.subarray(0, Math.min(10_000, model.test.rows.length));
    shapValues(model.booster, featureMatrix(table, model.meta.features, testRows));
    lap('shap');
    saveModel(options.modelDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lab-profile-')), model);
    model.booster.free();
    lap('save');
    const e = model.evaluation;
    return {
      stages,
      total: (performance.now() - started) / 1000,
      rows_read: rowsRead,
      rows_clean: rowsKept,
      auc: e.rocAuc,
      f1: e.report.positive.f1,
      precision: e.report.positive.precision,
      recall: e.report.positive.recall,
      base_rate: labels.labelBaseRate,
    };
  } finally {
    loaded.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '42' }, 'timings-json': { type: 'string' } },
  });
  if (positionals.length !== 1)
    throw new Error('usage: original-pipeline.ts FILE [--seed S] [--timings-json F]');
  const result = await runOriginalProfile(positionals[0], { seed: Number(values.seed) });
  const text = JSON.stringify(result, null, 2);
  if (values['timings-json']) fs.writeFileSync(values['timings-json'], `${text}\n`);
  console.log(text);
}

main().catch((err: Error) => {
  console.error(`original-pipeline: ${err.message}`);
  process.exit(1);
});
