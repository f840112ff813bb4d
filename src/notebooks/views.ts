/** Small tables and metric cards the notebooks show, built from step results (pure; the notebook displays them). */
import type { MetricCard } from '../viz/notebook';
import type { Lab } from '../pipeline/lab';
import type { Clusters } from '../pipeline/steps/clusters';
import type { Explanation } from '../pipeline/steps/explanation';
import type { Labels } from '../pipeline/steps/labels';
import type { TrainedModel } from '../pipeline/steps/model';
import type { Overview } from '../pipeline/steps/overview';
import type { UpliftStudy } from '../model/uplift/uplift-study';

/**
 * A number the overview may not have: NaN when the file lacks the column, and null once the overview has been
 * through the step cache's JSON (which writes NaN as null) — the notebooks read it from there.
 */
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export function sourceCards(lab: Lab, overview: Overview): MetricCard[] {
  const r = overview.report;
  return [
    { label: 'Data', value: lab.source.synthetic ? 'synthetic demo' : 'your file', note: lab.source.path },
    { label: 'Rows read', value: r.rowsRead.toLocaleString('en-US') },
    {
      label: 'Rows kept',
      value: r.rowsKept.toLocaleString('en-US'),
      note: `${r.rowsRejected} rejected by the reader, ${r.cleaning.dropped} dropped by cleaning`,
    },
    finite(overview.firstYear)
      ? { label: 'Years', value: `${overview.firstYear}–${overview.lastYear}` }
      : { label: 'Years', value: '—', note: 'no year in file' },
    {
      label: 'Explicit',
      value: overview.explicitShare === null ? '—' : `${(100 * overview.explicitShare).toFixed(1)} %`,
      note: overview.explicitShare === null ? 'no explicit column in file' : undefined,
    },
    finite(overview.meanDurationMin)
      ? { label: 'Mean duration', value: `${overview.meanDurationMin.toFixed(2)} min` }
      : { label: 'Mean duration', value: '—', note: 'no duration in file' },
  ];
}

/** Every row that did not make it into the table, by reason: nothing is lost silently. */
export function dropRows(overview: Overview): Record<string, unknown>[] {
  const r = overview.report;
  return [
    ...Object.entries(r.rejectedByType).map(([reason, rows]) => ({ stage: 'CSV reader', reason, rows })),
    ...Object.entries(r.cleaning.byReason).map(([reason, rows]) => ({ stage: 'cleaning', reason, rows })),
  ];
}

export function mappingRows(overview: Overview): Record<string, unknown>[] {
  return overview.report.mapped.map((m) => ({
    column: m.column,
    'from file column': m.source,
    conversion: m.note ?? '',
  }));
}

export function profileRows(clusters: Clusters): Record<string, unknown>[] {
  return clusters.profiles.map((p) => ({
    cluster: p.cluster + 1,
    name: p.name,
    tracks: p.size,
    share: p.share,
    ...Object.fromEntries(Object.entries(p.centroid).map(([k, v]) => [k, v])),
  }));
}

export function labelCards(labels: Labels): MetricCard[] {
  const p = labels.promotion;
  return [
    { label: 'Rule promotes', value: `${(100 * p.ruleBaseRate).toFixed(1)} %` },
    { label: 'Labels flipped', value: `${(100 * p.flipRate).toFixed(1)} %`, note: `seed ${p.options.seed}` },
    { label: 'Labelled promoted', value: `${(100 * p.labelBaseRate).toFixed(1)} %` },
    { label: 'Ceiling ROC AUC', value: labels.ceiling.auc, note: 'best any model can score on these labels' },
  ];
}

export function ceilingRows(labels: Labels): Record<string, unknown>[] {
  const c = labels.ceiling;
  const r = labels.realizedCeiling;
  return ['auc', 'precision', 'recall', 'f1', 'accuracy'].map((k) => ({
    metric: k,
    'ceiling (formula)': c[k as 'auc'],
    'ceiling (these labels)': r[k as 'auc'],
  }));
}

export function modelCards(model: TrainedModel): MetricCard[] {
  const e = model.evaluation;
  const c = model.meta.metrics.noiseCeiling;
  const ci = e.rocAucInterval;
  return [
    {
      label: 'ROC AUC',
      value: e.rocAuc,
      ceiling: c?.auc,
      note: ci ? `95% CI ${ci.lower.toFixed(3)}–${ci.upper.toFixed(3)}` : undefined,
    },
    { label: 'Precision', value: e.report.positive.precision, ceiling: c?.precision },
    { label: 'Recall', value: e.report.positive.recall, ceiling: c?.recall },
    { label: 'F1', value: e.report.positive.f1, ceiling: c?.f1 },
    { label: 'PR AUC', value: e.averagePrecision },
    { label: 'Test tracks', value: e.rows.toLocaleString('en-US') },
  ];
}

export function historyRows(model: TrainedModel): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const [set, metrics] of Object.entries(model.history)) {
    for (const [metric, values] of Object.entries(metrics)) {
      values.forEach((value, round) => rows.push({ round: round + 1, set, metric, value }));
    }
  }
  return rows.filter((r, i, all) => (r.round as number) % 10 === 1 || i === all.length - 1);
}

export function policyRows(uplift: UpliftStudy): Record<string, unknown>[] {
  return uplift.learners.flatMap((l) =>
    (l.policies ?? []).map((p) => ({
      learner: l.kind,
      budget: p.fraction,
      tracks: p.k,
      'uplift policy': p.upliftPolicy,
      'score policy': p.scorePolicy,
      random: p.random,
      oracle: p.oracle,
      'same picks': p.overlapShare,
    })),
  );
}

export function exampleRows(explanation: Explanation): Record<string, unknown>[] {
  return explanation.examples.map((x) => ({
    track: x.track.name,
    artists: x.track.artists.join(', '),
    probability: x.local.probability,
    why: x.why,
    explanation: x.text.text,
    source: x.text.source === 'offline' ? 'offline (from SHAP, not an LLM)' : `LLM (${x.text.model ?? ''})`,
  }));
}
