/** Binary-classification metrics, all computed from labels and scores. */
export * from './binary-input';
export * from './ranking';
export * from './roc';
export * from './precision-recall';
export * from './auc-interval';
export * from './bootstrap';
export * from './delong';
export * from './normal-quantile';
export * from './confusion';
export * from './calibration';
export * from './threshold-sweep';
export * from './evaluate';
export * from './interval-width';
export * from './above-ceiling';
