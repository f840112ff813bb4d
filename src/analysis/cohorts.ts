/**
 * Cohort comparison (the original app's "coming soon"): split the tracks into segments — decade, explicit vs
 * clean, a cluster labelling, or genre where a layout has it — and compare every feature's segment mean with
 * the overall mean. The standardized effect is (segment mean − overall mean) / overall sd, so features on
 * different scales (tempo in BPM, valence 0–1) read on one axis.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUDIO_FEATURES, textColumn, type NumericColumn, type TrackTable } from '../data/schema';
import { compareCodePoints } from './compare-text';
import { assertFeatureList, finiteColumns } from './feature-columns';
import { assertCleanRelation, numberOf, queryRows, quoteIdentifier, quoteRelation } from './sql';

/** How to segment. Cluster labels align with row order (the TrackTable's, or the relation's in rowid order). */
export type CohortSplit =
  { kind: 'decade' } | { kind: 'explicit' } | { kind: 'genre' } | { kind: 'cluster'; labels: Int32Array };

export interface CohortOptions {
  /** Features to compare. Default: the 9 AUDIO_FEATURES. */
  features?: readonly NumericColumn[];
}

export const COHORT_DEFAULTS: Required<CohortOptions> = { features: AUDIO_FEATURES };

export interface CohortSegment {
  /** '1990' for a decade, 'explicit'/'clean', the cluster number, or the genre. */
  key: string;
  n: number;
  /** Per feature, aligned with `CohortComparison.features`. */
  mean: number[];
  /** mean − overall mean. */
  diff: number[];
  /** diff / overall sd. */
  effect: number[];
}

export interface CohortComparison {
  kind: CohortSplit['kind'];
  features: NumericColumn[];
  overall: { n: number; mean: number[]; sd: number[] };
  /** Decades and clusters ascending, clean before explicit, genres by size (largest first). */
  segments: CohortSegment[];
  /** Genres only: the smaller genres left out beyond MAX_GENRE_SEGMENTS (how many, and their tracks). */
  omitted?: { segments: number; n: number };
}

/** Genre segments shown, largest first: the 114k file has 114 genres, a heatmap row each would be unreadable. */
export const MAX_GENRE_SEGMENTS = 25;

/**
 * The genre a track is counted under: the first of a list ("rock, pop" in songs_normalize.csv, "hip hop,rap" in
 * Exportify's Genres), '' for none. Tracks with no genre (Exportify leaves many blank) form no segment.
 */
export function primaryGenre(genre: string | null | undefined): string {
  const first = (genre ?? '').split(',')[0].trim();
  return NO_GENRE.includes(first) ? '' : first;
}

/** What pandas writes for "no genre": songs_normalize.csv has `set()` (Python's empty set), others `nan`. */
const NO_GENRE = ['set()', '[]', 'nan', 'NaN', 'None'];

/** The same as primaryGenre, in SQL. */
const PRIMARY_GENRE_SQL = `(CASE WHEN trim(split_part(coalesce(genre, ''), ',', 1)) IN (${NO_GENRE.map((g) => `'${g}'`).join(', ')}) THEN '' ELSE trim(split_part(coalesce(genre, ''), ',', 1)) END)`;

interface GroupStats {
  key: string;
  order: number;
  n: number;
  mean: number[];
}

function resolve(options: CohortOptions, step: string): NumericColumn[] {
  const { features } = { ...COHORT_DEFAULTS, ...options };
  assertFeatureList(features, step);
  return [...features];
}

function assemble(
  kind: CohortSplit['kind'],
  features: NumericColumn[],
  overall: CohortComparison['overall'],
  groups: GroupStats[],
  step: string,
): CohortComparison {
  overall.sd.forEach((sd, f) => {
    if (!(sd > 0))
      throw new Error(`${step}: column '${features[f]}' is constant, so no standardized effect exists`);
  });
  let ordered =
    kind === 'genre'
      ? groups.filter((g) => g.key !== '').sort((a, b) => b.n - a.n || compareCodePoints(a.key, b.key))
      : groups.sort((a, b) => a.order - b.order);
  let omitted: CohortComparison['omitted'];
  if (kind === 'genre' && ordered.length > MAX_GENRE_SEGMENTS) {
    const rest = ordered.slice(MAX_GENRE_SEGMENTS);
    omitted = { segments: rest.length, n: rest.reduce((sum, g) => sum + g.n, 0) };
    ordered = ordered.slice(0, MAX_GENRE_SEGMENTS);
  }
  return {
    kind,
    features,
    overall,
    ...(omitted && { omitted }),
    segments: ordered.map(({ key, n, mean }) => {
      const diff = mean.map((m, f) => m - overall.mean[f]);
      return { key, n, mean, diff, effect: diff.map((d, f) => d / overall.sd[f]) };
    }),
  };
}

function meanAndSd(values: Float64Array): { mean: number; sd: number } {
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / values.length;
  let squares = 0;
  for (const x of values) squares += (x - mean) ** 2;
  return { mean, sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : NaN };
}

function checkLabels(labels: Int32Array, rows: number, step: string): void {
  if (!(labels instanceof Int32Array) || labels.length !== rows) {
    throw new Error(
      `${step}: cluster labels must be an Int32Array with one label per row (${rows}), got ${labels?.length}`,
    );
  }
}

/** Per row, a segment value: a number (decade, 0/1, cluster) or a string (genre). */
function segmentValues(table: TrackTable, split: CohortSplit, step: string): ArrayLike<number> | string[] {
  switch (split.kind) {
    case 'decade': {
      const [year] = finiteColumns(table, ['year'], step);
      return Float64Array.from(year, (y) => Math.floor(y / 10) * 10);
    }
    case 'explicit':
      if (!table.explicit) throw new Error(`${step}: the table has no explicit column`);
      return table.explicit;
    case 'genre':
      return textColumn(table, 'genre').map(primaryGenre);
    case 'cluster':
      checkLabels(split.labels, table.length, step);
      return split.labels;
    default:
      throw new Error(`${step}: split kind must be decade, explicit, genre or cluster`);
  }
}

function keyOf(kind: CohortSplit['kind'], value: number | string): { key: string; order: number } {
  if (typeof value === 'string') return { key: value, order: 0 };
  return { key: kind === 'explicit' ? (value ? 'explicit' : 'clean') : String(value), order: value };
}

/** Cohort comparison over a TrackTable (the reference for `compareCohortsSql`). */
export function compareCohorts(
  table: TrackTable,
  split: CohortSplit,
  options: CohortOptions = {},
): CohortComparison {
  const step = 'compareCohorts';
  const features = resolve(options, step);
  const columns = finiteColumns(table, features, step);
  const values = segmentValues(table, split, step);
  // Rows → group index first, then one tight pass per feature: no per-row objects on 1.2M rows.
  const groupOf = new Map<number | string, number>();
  const groups: (GroupStats & { sums: number[] })[] = [];
  const index = new Int32Array(table.length);
  for (let i = 0; i < table.length; i++) {
    let g = groupOf.get(values[i]);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(values[i], g);
      groups.push({
        ...keyOf(split.kind, values[i]),
        n: 0,
        mean: [],
        sums: new Array<number>(features.length).fill(0),
      });
    }
    index[i] = g;
    groups[g].n++;
  }
  columns.forEach((column, f) => {
    const sums = new Float64Array(groups.length);
    for (let i = 0; i < column.length; i++) sums[index[i]] += column[i];
    groups.forEach((g, k) => (g.sums[f] = sums[k]));
  });
  const stats = columns.map(meanAndSd);
  const overall = { n: table.length, mean: stats.map((s) => s.mean), sd: stats.map((s) => s.sd) };
  const list = groups.map(({ key, order, n, sums }) => ({ key, order, n, mean: sums.map((s) => s / n) }));
  return assemble(split.kind, features, overall, list, step);
}

const LABELS_TABLE = '__cohort_cluster_labels';

/**
 * Cohort comparison aggregated in DuckDB. Cluster labels are appended to a temporary table and joined on the
 * row's position in rowid order — the order a plain scan returns, so the order `toTable` hands to clustering.
 * Position, not rowid itself: the loader DELETEs dropped rows, and DuckDB leaves those rowids as gaps.
 * `relation` must therefore be a base table (views have no rowid).
 */
export async function compareCohortsSql(
  connection: DuckDBConnection,
  relation: string,
  split: CohortSplit,
  options: CohortOptions = {},
): Promise<CohortComparison> {
  const step = 'compareCohortsSql';
  const features = resolve(options, step);
  const keyColumn = { decade: 'year', explicit: 'explicit', genre: 'genre', cluster: null }[split.kind];
  if (keyColumn === undefined)
    throw new Error(`${step}: split kind must be decade, explicit, genre or cluster`);
  const numeric = split.kind === 'decade' ? [...features, 'year'] : features;
  const n = await assertCleanRelation(
    connection,
    relation,
    { numeric, other: keyColumn ? [keyColumn] : [] },
    step,
  );
  const from = quoteRelation(relation);
  const q = features.map(quoteIdentifier);
  const [whole] = await queryRows(
    connection,
    `SELECT ${q.map((x, i) => `avg(${x}) AS m${i}, stddev_samp(${x}) AS s${i}`).join(', ')} FROM ${from}`,
  );
  const overall = {
    n,
    mean: features.map((_, i) => numberOf(whole[`m${i}`])),
    sd: features.map((_, i) => numberOf(whole[`s${i}`])),
  };
  const means = q.map((x, i) => `avg(${x}) AS m${i}`).join(', ');
  let sql: string;
  if (split.kind === 'cluster') {
    checkLabels(split.labels, n, step);
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${LABELS_TABLE} (row_index INTEGER, cluster INTEGER)`);
    const appender = await connection.createAppender(LABELS_TABLE, 'main', 'temp');
    split.labels.forEach((label, i) => {
      appender.appendInteger(i);
      appender.appendInteger(label);
      appender.endRow();
    });
    appender.closeSync();
    sql = `SELECT l.cluster::VARCHAR AS key, l.cluster::DOUBLE AS ord, count(*)::DOUBLE AS n, ${means}
           FROM (SELECT *, row_number() OVER (ORDER BY rowid) - 1 AS __row_index FROM ${from}) r
           JOIN temp.main.${LABELS_TABLE} l ON l.row_index = r.__row_index GROUP BY l.cluster`;
  } else {
    const key = {
      decade: ['(floor(year / 10) * 10)::BIGINT::VARCHAR', 'floor(year / 10) * 10'],
      explicit: [`CASE WHEN explicit THEN 'explicit' ELSE 'clean' END`, 'explicit::DOUBLE'],
      genre: [PRIMARY_GENRE_SQL, '0::DOUBLE'],
    }[split.kind];
    sql = `SELECT ${key[0]} AS key, any_value(${key[1]}) AS ord, count(*)::DOUBLE AS n, ${means} FROM ${from} GROUP BY 1`;
  }
  try {
    const rows = await queryRows(connection, sql);
    if (split.kind === 'cluster') {
      const joined = rows.reduce((sum, row) => sum + numberOf(row.n), 0);
      if (joined !== n)
        throw new Error(`${step}: only ${joined} of ${n} rows matched a cluster label by row position`);
    }
    const groups = rows.map((row) => ({
      key: String(row.key),
      order: numberOf(row.ord),
      n: numberOf(row.n),
      mean: features.map((_, i) => numberOf(row[`m${i}`])),
    }));
    return assemble(split.kind, features, overall, groups, step);
  } finally {
    if (split.kind === 'cluster') await connection.run(`DROP TABLE IF EXISTS temp.main.${LABELS_TABLE}`);
  }
}
