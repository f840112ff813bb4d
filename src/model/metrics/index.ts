/** Binary-classification metrics, all computed from labels and scores. */
export * from './binaryInput';
export * from './ranking';
export * from './roc';
export * from './precisionRecall';
export * from './bootstrap';
export * from './confusion';
export * from './calibration';
export * from './thresholdSweep';
export * from './evaluate';
