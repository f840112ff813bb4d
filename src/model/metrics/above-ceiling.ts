/**
 * A model "above the noise ceiling" has not beaten the labels: the ceiling is what the rule itself scores on
 * the same test rows, and a model that differs from the rule on a few borderline tracks can match some
 * flipped labels by chance. On a few hundred test rows that chance is large; the note says so where it happens.
 */
import type { ClassifierEvaluation, NoiseCeiling } from './evaluate';

/** One line when any metric exceeds its ceiling, explaining it as sampling noise; undefined otherwise. */
export function aboveCeilingNote(e: ClassifierEvaluation, ceiling: NoiseCeiling): string | undefined {
  const pairs: [string, number, number][] = [
    ['ROC AUC', e.rocAuc, ceiling.auc],
    ['precision', e.report.positive.precision, ceiling.precision],
    ['recall', e.report.positive.recall, ceiling.recall],
    ['F1', e.report.positive.f1, ceiling.f1],
  ];
  const above = pairs.filter(([, model, c]) => Number.isFinite(model) && Number.isFinite(c) && model > c);
  if (above.length === 0) return undefined;
  const list = above.map(([m, model, c]) => `${m} ${model.toFixed(3)} vs ${c.toFixed(3)}`).join(', ');
  const ci = e.rocAucInterval
    ? ` (ROC AUC 95 % interval ${e.rocAucInterval.lower.toFixed(3)}–${e.rocAucInterval.upper.toFixed(3)})`
    : '';
  return (
    `above the ceiling on ${list}: sampling noise, not skill — on ${e.rows.toLocaleString('en-US')} test tracks${ci} ` +
    `a model that differs from the rule on a few borderline tracks can match some flipped labels by chance`
  );
}
