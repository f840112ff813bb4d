import { OFFLINE_LABEL, offlineExplanation } from '../../src/explain/offline-explanation';
import { EXPLANATION } from './fixture';

test('the offline text is labelled, deterministic and names the largest effects with their direction', () => {
  const text = offlineExplanation(EXPLANATION);
  expect(text).toBe(
    `${OFFLINE_LABEL} The model gives this track a 70.1% promotion probability (likely to be promoted). ` +
      'The largest effects: danceability = 0.810 raises the score by 1.60 log-odds; energy = 0.400 lowers the ' +
      'score by 0.30 log-odds; year = 2001 raises the score by 0.05 log-odds. Together the features move the ' +
      'score up from the baseline of -0.50 to 0.85 log-odds.',
  );
  expect(offlineExplanation(EXPLANATION, { topContributions: 1 })).not.toContain('energy');
});
