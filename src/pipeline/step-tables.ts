/**
 * Step results as tables for `lab.sql`: one row per track (`row` = the track's position, `tracks.rowid`), so a
 * question joins them to the cleaned data: `select mood, avg(energy) from tracks join clusters on
 * clusters.row = tracks.rowid group by mood`.
 */
import type { ColumnSpec } from './temp-table';
import type { Lab } from './lab';

export const STEP_TABLE_NAMES = ['clusters', 'labels', 'scores'] as const;
export type StepTableName = (typeof STEP_TABLE_NAMES)[number];

function rowsOf(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

export const stepTables: Record<
  StepTableName,
  (lab: Lab, parameters: Record<string, unknown>) => Promise<ColumnSpec[]>
> = {
  /** clusters(row, cluster, mood): the mood cluster of every track. */
  clusters: async (lab, p) => {
    const c = await lab.clusters(p);
    const names = c.profiles.map((x) => x.name);
    return [
      { name: 'row', type: 'INTEGER', values: rowsOf(c.labels.length) },
      { name: 'cluster', type: 'INTEGER', values: c.labels },
      { name: 'mood', type: 'VARCHAR', values: Array.from(c.labels, (l) => names[l]) },
    ];
  },
  /** labels(row, rule, label, flipped): the rule's label, the label trained on (after flips), and which flipped. */
  labels: async (lab, p) => {
    const l = (await lab.labels(p)).promotion;
    const flipped = new Uint8Array(l.labels.length);
    for (const r of l.flipped) flipped[r] = 1;
    return [
      { name: 'row', type: 'INTEGER', values: rowsOf(l.labels.length) },
      { name: 'rule', type: 'INTEGER', values: l.ruleLabels },
      { name: 'label', type: 'INTEGER', values: l.labels },
      { name: 'flipped', type: 'BOOLEAN', values: flipped },
    ];
  },
  /** scores(row, score, test): the promotion model's probability for every track, and whether it was a test row. */
  scores: async (lab, p) => {
    const m = await lab.train(p);
    const scores = await lab.scores(p);
    const test = new Uint8Array(scores.length);
    for (const r of m.test.rows) test[r] = 1;
    return [
      { name: 'row', type: 'INTEGER', values: rowsOf(scores.length) },
      { name: 'score', type: 'DOUBLE', values: scores },
      { name: 'test', type: 'BOOLEAN', values: test },
    ];
  },
};
