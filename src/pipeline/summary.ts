/** The run's results in words and small tables, for the terminal (the CLI prints these to stdout). */
import { formatLoadReport } from '../data/load-report';
import { aboveCeilingNote } from '../model/metrics';
import type { UpliftStudy } from '../model/uplift/uplift-study';
import type { Clusters } from './steps/clusters';
import type { Explanation } from './steps/explanation';
import type { Labels } from './steps/labels';
import type { ModelStep, TrainedModel } from './steps/model';
import type { Overview } from './steps/overview';
import type { Trends } from './steps/trends';

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export function overviewText(o: Overview, description: string): string {
  const facts = [
    plural(o.rows, 'track'),
    Number.isFinite(o.firstYear) ? `${o.firstYear}–${o.lastYear}` : 'no year in file',
    Number.isFinite(o.artists) ? plural(o.artists, 'artist') : '',
    o.albums === null ? 'no album in file' : plural(o.albums, 'album'),
    o.explicitShare === null ? 'no explicit flag in file' : `${pct(o.explicitShare)} explicit`,
    Number.isFinite(o.meanDurationMin) ? `mean duration ${o.meanDurationMin.toFixed(2)} min` : '',
  ];
  return [`Data: ${description}`, formatLoadReport(o.report), facts.filter(Boolean).join(', ')].join('\n');
}

/** Reduced and skipped parts of a step, one line each, indented under the step's result. */
export function notesText(notes: readonly string[]): string[] {
  return notes.map((note) => `  note: ${note}`);
}

/** A step that could not run on this file: its one line. */
export function skippedText(reason: string): string {
  return `Skipped — ${reason}`;
}

export function trendsText(t: Trends): string {
  const lines: string[] = [];
  const first = t.decades.periods[0];
  const last = t.decades.periods[t.decades.periods.length - 1];
  if (t.decades.periods.length > 0) {
    lines.push(`Decade means (${first}s → ${last}s):`);
    for (const trend of t.decades.features) {
      const a = trend.mean[0];
      const b = trend.mean[trend.mean.length - 1];
      lines.push(`  ${trend.feature.padEnd(17)} ${f3(a).padStart(9)} → ${f3(b).padStart(9)}`);
    }
  }
  if (t.topArtists.rows.length > 0) {
    lines.push(`Top artists (${t.topArtists.note})`);
    t.topArtists.rows
      .slice(0, 10)
      .forEach((r, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${r.name} — ${n(r.tracks)} tracks`));
  }
  if (lines.length === 0) lines.push('Trends:');
  lines.push(...notesText(t.notes));
  return lines.join('\n');
}

export function clustersText(c: Clusters): string {
  const lines = [
    `Mood clusters: k = ${c.k}, inertia ${c.inertia.toFixed(0)}, silhouette ${f3(c.silhouette)} (sample), ${c.iterations} iterations`,
  ];
  for (const p of c.profiles)
    lines.push(`  ${p.cluster + 1}. ${p.name.padEnd(34)} ${pct(p.share).padStart(6)}  (${n(p.size)} tracks)`);
  lines.push(...notesText(c.notes));
  return lines.join('\n');
}

export function labelsText(l: Labels): string {
  const p = l.promotion;
  const c = l.ceiling;
  const lines = [
    `Promotion labels: ${p.rule}`,
    `  rule promotes ${pct(p.ruleBaseRate)}; ${pct(p.flipRate)} of labels flipped (seed ${p.options.seed}) → ${pct(p.labelBaseRate)} labelled promoted`,
    `  noise ceiling (best any model can score against these labels): AUC ${f3(c.auc)}, precision ${f3(c.precision)}, recall ${f3(c.recall)}, F1 ${f3(c.f1)}`,
  ];
  if (l.popularity)
    lines.push(
      `Real target: popularity in the top quarter of its ${l.popularityScope === 'file' ? 'file' : 'year'}, base rate ${pct(l.popularity.baseRate)}`,
    );
  lines.push(
    `Simulated campaign: ${pct(l.campaign.treatedRate)} treated, true average effect ${f3(l.campaign.averageEffect)}, observed uplift ${f3(l.campaign.observedUplift)}`,
  );
  lines.push(...notesText(l.notes));
  return lines.join('\n');
}

function modelLines(name: string, m: TrainedModel): string[] {
  const e = m.evaluation;
  const r = e.report.positive;
  const ci = e.rocAucInterval ? ` (95% CI ${f3(e.rocAucInterval.lower)}–${f3(e.rocAucInterval.upper)})` : '';
  return [
    `${name}: test ROC AUC ${f3(e.rocAuc)}${ci}, PR AUC ${f3(e.averagePrecision)}, precision ${f3(r.precision)}, recall ${f3(r.recall)}, F1 ${f3(r.f1)} on ${n(e.rows)} test tracks`,
  ];
}

export function modelText(models: ModelStep, labels: Labels): string {
  const c = models.promotion.meta.metrics.noiseCeiling ?? labels.ceiling;
  const lines = modelLines('Promotion model (rule labels)', models.promotion);
  lines.push(
    `  ceiling from ${pct(labels.promotion.flipRate, 0)} label noise, on the same test rows: AUC ${f3(c.auc)}, precision ${f3(c.precision)}, recall ${f3(c.recall)}, F1 ${f3(c.f1)} — near the ceiling means "learned the rule", not "predicts promotion"`,
  );
  const above = aboveCeilingNote(models.promotion.evaluation, c);
  if (above) lines.push(`  ${above}`);
  if (models.popularity) lines.push(...modelLines('Popularity model (real target)', models.popularity));
  lines.push(...notesText(models.notes));
  return lines.join('\n');
}

export function explanationText(e: Explanation): string {
  const lines = [
    `Importance (gain share): ${e.importance
      .slice(0, 5)
      .map((i) => `${i.feature} ${pct(i.gainShare, 0)}`)
      .join(', ')}`,
  ];
  for (const x of e.examples) {
    lines.push(
      `  ${x.why}: "${x.track.name}" — p = ${f3(x.local.probability)} [${x.text.source}${x.text.fallbackReason ? `: ${x.text.fallbackReason}` : ''}]`,
    );
  }
  return lines.join('\n');
}

export function upliftText(u: UpliftStudy): string {
  const lines = [
    `Uplift (held-out half of the campaign, true average effect ${f3(u.averageEffect ?? NaN)}):`,
  ];
  for (const l of u.learners) {
    lines.push(
      `  ${l.kind}: Qini coefficient ${f3(l.curves.qiniCoefficient)}, AUUC ${f3(l.curves.auuc)}${l.pehe !== undefined ? `, PEHE ${f3(l.pehe)}` : ''}`,
    );
    const at10 = l.policies?.find((p) => Math.abs(p.fraction - 0.1) < 1e-9);
    if (at10) {
      lines.push(
        `    promoting 10%: uplift policy gains ${at10.upliftPolicy.toFixed(1)}, score policy ${at10.scorePolicy.toFixed(1)}, random ${at10.random.toFixed(1)}, oracle ${at10.oracle.toFixed(1)}; overlap ${pct(at10.overlapShare, 0)}`,
      );
    }
  }
  return lines.join('\n');
}
