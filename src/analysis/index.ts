/** Trends and exploration: one import for notebooks and the pipeline; each step lives in its own file. */
export * from './periodMeans';
export * from './histograms';
export * from './correlation';
export * from './topEntities';
export * from './filters';
export * from './cohorts';
export { compareCodePoints } from './compareText';
export { finiteColumns } from './featureColumns';
export { assertCleanRelation, describeRelation, quoteIdentifier, quoteRelation } from './sql';
