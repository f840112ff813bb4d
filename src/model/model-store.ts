/**
 * The file edge of the promotion model: a directory holding promotion_model.json (XGBoost's own JSON, loadable
 * by Python's xgboost) and promotion_model.meta.json. Loading validates the meta; applying checks the data's
 * features against it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { TrackTable } from '../data/schema';
import { featureMatrix, type FeatureMatrix } from './features';
import { checkFeatureNames, validateMeta, type ModelMeta } from './meta';
import { predictDense } from './train-promotion-model';
import { Booster } from './xgboost';

export interface StoreOptions {
  /** File name stem. Default 'promotion_model'. */
  name?: string;
}

export const STORE_DEFAULTS = { name: 'promotion_model' } as const;

export interface ModelFiles {
  model: string;
  meta: string;
}

export function modelFiles(dir: string, options: StoreOptions = {}): ModelFiles {
  const name = options.name ?? STORE_DEFAULTS.name;
  return { model: path.join(dir, `${name}.json`), meta: path.join(dir, `${name}.meta.json`) };
}

/** Writes both files (creating `dir`); returns their paths. */
export function saveModel(
  dir: string,
  model: { modelJson: Uint8Array; meta: ModelMeta },
  options: StoreOptions = {},
): ModelFiles {
  fs.mkdirSync(dir, { recursive: true });
  const files = modelFiles(dir, options);
  fs.writeFileSync(files.model, model.modelJson);
  fs.writeFileSync(files.meta, `${JSON.stringify(model.meta, null, 2)}\n`);
  return files;
}

export interface LoadedModel {
  booster: Booster;
  meta: ModelMeta;
}

export function loadModel(dir: string, options: StoreOptions = {}): LoadedModel {
  const files = modelFiles(dir, options);
  for (const file of [files.model, files.meta]) {
    if (!fs.existsSync(file))
      throw new Error(`no saved promotion model: ${file} does not exist (train and save one first)`);
  }
  const meta = validateMeta(JSON.parse(fs.readFileSync(files.meta, 'utf8')));
  const booster = Booster.load(files.model);
  const modelFeatures = booster.numFeatures();
  if (modelFeatures !== meta.features.length) {
    booster.free();
    throw new Error(
      `${files.meta} lists ${meta.features.length} features but the model in ${files.model} has ${modelFeatures}`,
    );
  }
  return { booster, meta };
}

/** Promotion probabilities for a feature matrix whose feature names must equal the model's, in order. */
export function predictMatrix(model: LoadedModel, matrix: FeatureMatrix): Float32Array {
  checkFeatureNames(model.meta.features, matrix.features);
  return predictDense(model.booster, matrix, model.meta.iterationEnd);
}

/** Promotion probabilities for every row of a table (its columns are picked in the model's order). */
export function predictTable(model: LoadedModel, table: TrackTable): Float32Array {
  return predictMatrix(model, featureMatrix(table, model.meta.features));
}
