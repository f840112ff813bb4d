/** Pearson correlation matrix of the features, in DuckDB (`corr`) and plain TS. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUDIO_FEATURES, type NumericColumn, type TrackTable } from '../data/schema';
import { assertFeatureList, finiteColumns } from './feature-columns';
import { assertCleanRelation, numberOf, queryRows, quoteIdentifier, quoteRelation } from './sql';

export interface CorrelationOptions {
  /** Features, in matrix order. Default: the 9 AUDIO_FEATURES. */
  features?: readonly NumericColumn[];
}

export const CORRELATION_DEFAULTS: Required<CorrelationOptions> = { features: AUDIO_FEATURES };

export interface CorrelationMatrix {
  features: NumericColumn[];
  /** matrix[i][j] = Pearson r of features i and j; symmetric, 1 on the diagonal. */
  matrix: number[][];
  /** Rows used. */
  n: number;
}

function resolve(options: CorrelationOptions, step: string): NumericColumn[] {
  const { features } = { ...CORRELATION_DEFAULTS, ...options };
  assertFeatureList(features, step);
  return [...features];
}

function constantError(step: string, feature: string): Error {
  return new Error(`${step}: column '${feature}' is constant, so its correlation is undefined; leave it out`);
}

function fill(k: number, pair: (i: number, j: number) => number): number[][] {
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(1));
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) matrix[i][j] = matrix[j][i] = pair(i, j);
  }
  return matrix;
}

/** Pearson correlations over a TrackTable (the reference for `correlationMatrixSql`). */
export function correlationMatrix(table: TrackTable, options: CorrelationOptions = {}): CorrelationMatrix {
  const step = 'correlationMatrix';
  const features = resolve(options, step);
  const columns = finiteColumns(table, features, step);
  const n = table.length;
  // Centre first: products of raw tempo/loudness values would lose digits to cancellation.
  const centred = columns.map((values, f) => {
    let sum = 0;
    for (const x of values) sum += x;
    const mean = sum / n;
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = values[r] - mean;
    let squares = 0;
    for (const d of out) squares += d * d;
    if (squares === 0) throw constantError(step, features[f]);
    return { out, norm: Math.sqrt(squares) };
  });
  const matrix = fill(features.length, (i, j) => {
    const a = centred[i].out;
    const b = centred[j].out;
    let cross = 0;
    for (let r = 0; r < n; r++) cross += a[r] * b[r];
    return cross / (centred[i].norm * centred[j].norm);
  });
  return { features, matrix, n };
}

/** Pearson correlations computed by DuckDB over the cleaned `relation`, all pairs in one scan. */
export async function correlationMatrixSql(
  connection: DuckDBConnection,
  relation: string,
  options: CorrelationOptions = {},
): Promise<CorrelationMatrix> {
  const step = 'correlationMatrixSql';
  const features = resolve(options, step);
  const n = await assertCleanRelation(connection, relation, { numeric: features }, step);
  const q = features.map(quoteIdentifier);
  const spreads = q.map((x, i) => `stddev_pop(${x}) AS s${i}`);
  const pairs: string[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = i + 1; j < q.length; j++) pairs.push(`corr(${q[i]}, ${q[j]}) AS c${i}_${j}`);
  }
  const [row] = await queryRows(
    connection,
    `SELECT ${[...spreads, ...pairs].join(', ')} FROM ${quoteRelation(relation)}`,
  );
  features.forEach((feature, i) => {
    if (!(numberOf(row[`s${i}`]) > 0)) throw constantError(step, feature);
  });
  return { features, matrix: fill(features.length, (i, j) => numberOf(row[`c${i}_${j}`])), n };
}
