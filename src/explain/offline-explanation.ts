/**
 * The explanation written without an LLM, from the SHAP values alone: deterministic, always available, and
 * labelled so nobody mistakes it for model-written prose.
 */
import type { LocalExplanation } from './local-explanation';

export const OFFLINE_LABEL = 'Generated from SHAP values (not from an LLM).';

export interface OfflineOptions {
  /** Contributions named. Default 3. */
  topContributions?: number;
}

export const OFFLINE_DEFAULTS = { topContributions: 3 } as const;

const formatValue = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(3));

export function offlineExplanation(explanation: LocalExplanation, options: OfflineOptions = {}): string {
  const { topContributions } = { ...OFFLINE_DEFAULTS, ...options };
  const pct = (explanation.probability * 100).toFixed(1);
  const verdict = explanation.probability >= 0.5 ? 'likely' : 'unlikely';
  const top = explanation.contributions.slice(0, topContributions).filter((c) => c.contribution !== 0);
  const reasons = top.map(
    (c) =>
      `${c.feature} = ${formatValue(c.value)} ${c.contribution > 0 ? 'raises' : 'lowers'} the score by ` +
      `${Math.abs(c.contribution).toFixed(2)} log-odds`,
  );
  const because =
    reasons.length > 0 ? ` The largest effects: ${reasons.join('; ')}.` : ' No feature moves the score.';
  const start = explanation.baseMargin >= explanation.margin ? 'down' : 'up';
  return (
    `${OFFLINE_LABEL} The model gives this track a ${pct}% promotion probability (${verdict} to be promoted).` +
    because +
    ` Together the features move the score ${start} from the baseline of ${explanation.baseMargin.toFixed(2)} ` +
    `to ${explanation.margin.toFixed(2)} log-odds.`
  );
}
