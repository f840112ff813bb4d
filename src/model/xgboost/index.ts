/**
 * XGBoost for TypeScript: a small typed binding to the real XGBoost C library (Debian `libxgboost0`, Homebrew
 * `xgboost`, or a Python xgboost's `lib/`; override with `XGBOOST_LIBRARY_PATH`) through koffi. Models are
 * XGBoost's own JSON, so Python's `xgboost` loads them and `src/model/scorer` scores them in a browser.
 *
 * @example
 * ```ts
 * import { Booster, DMatrix, train, trainInWorker, xgboostVersion } from './src/model/xgboost';
 *
 * console.log(xgboostVersion().text); // '1.7.4'
 * const rows = 1000, cols = 2;
 * const data = new Float32Array(rows * cols).map((_, i) => ((i * 7919) % 1000) / 1000); // NaN = missing
 * const labels = new Float32Array(rows).map((_, r) => (data[r * cols] > 0.5 ? 1 : 0));
 * const params = { objective: 'binary:logistic', tree_method: 'hist', max_depth: 3, eta: 0.3, eval_metric: 'auc' };
 *
 * // Small data: synchronous.
 * const { booster, history } = train({ data, rows, cols, labels }, { params, rounds: 20, seed: 7,
 *   evals: [{ name: 'train', matrix: { data, rows, cols, labels } }] });
 * const dtest = DMatrix.fromDense({ data, rows, cols });
 * const probability = booster.predict(dtest);             // Float32Array, one per row
 * const shap = booster.contributions(dtest);               // rows × (cols + 1), last column = bias
 * const gain = booster.featureScore('gain');               // { f0: …, f1: … }
 * booster.save('model.json');                              // Python: xgb.Booster(model_file='model.json')
 * dtest.free(); booster.free();                            // or leave it to the finalizer
 *
 * // Big data: in a worker, with progress; the Float32Array buffers are transferred, not copied.
 * const result = await trainInWorker({ data, rows, cols, labels }, { params, rounds: 200, nthread: 2,
 *   onProgress: (done, total) => console.log(`${done}/${total}`) });
 * const model = Booster.fromJson(result.model);
 * ```
 */
export { Booster, PREDICT_DEFAULTS, parseEvalLine } from './booster';
export type {
  ContributionOptions,
  EvalResult,
  EvalSet,
  ImportanceType,
  PredictOptions,
  ShapMatrix,
  XGBoostParams,
} from './booster';
export { DMatrix, DMATRIX_DEFAULTS, validateDenseMatrix } from './dmatrix';
export type { DMatrixOptions, DenseMatrix } from './dmatrix';
export { findXGBoostLibrary, libraryCandidates } from './find-library';
export { QuantileDMatrix, QUANTILE_DMATRIX_DEFAULTS } from './quantile-dmatrix';
export type { BatchSource, DenseBatch, QuantileDMatrixOptions } from './quantile-dmatrix';
export { xgboostLibraryPath, xgboostVersion } from './native';
export { TRAIN_DEFAULTS, isMaximizedMetric, train } from './train';
export type { EvalHistory, RoundInfo, TrainOptions, TrainResult, TrainSettings } from './train';
export { KeptDataMissingError, TrainingSession, TrainingWorker, trainInWorker } from './train-in-worker';
export type { TrainInWorkerOptions, WorkerTrainResult } from './train-in-worker';
