/** Promotion labels, their noise ceiling, a real target and the simulated uplift campaign, in one import. */
export * from './promotionRule';
export * from './noiseCeiling';
export * from './popularityTarget';
export * from './upliftCampaign';
