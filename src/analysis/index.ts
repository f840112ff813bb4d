/** Trends and exploration: one import for notebooks and the pipeline; each step lives in its own file. */
export * from './period-means';
export * from './histograms';
export * from './correlation';
export * from './top-entities';
export * from './filters';
export * from './cohorts';
export { compareCodePoints } from './compare-text';
export { finiteColumns } from './feature-columns';
export { assertCleanRelation, describeRelation, quoteIdentifier, quoteRelation } from './sql';
export * from './constant-columns';
