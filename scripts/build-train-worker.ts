/**
 * Builds the training worker bundle (src/model/xgboost/train-worker-bundle.ts) at install time, so the first
 * training after `npm ci` does not pay for it either. Run by postinstall: node bin/run-ts.js scripts/build-train-worker.ts
 */
import { trainWorkerBundle } from '../src/model/xgboost/train-worker-bundle';

const bundle = trainWorkerBundle();
console.log(
  bundle
    ? `training worker: ${bundle.file} (${bundle.built ? 'built' : 'up to date'})`
    : 'training worker: esbuild not installed; training compiles the worker through tsx',
);
