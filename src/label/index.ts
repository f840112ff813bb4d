/** Promotion labels, their noise ceiling, a real target and the simulated uplift campaign, in one import. */
export * from './promotion-rule';
export * from './noise-ceiling';
export * from './popularity-target';
export * from './uplift-campaign';
