/**
 * Small track tables for the analysis tests, and the same rows loaded into an in-memory DuckDB table
 * `relation` with the loader's contract schema (DOUBLE numerics, VARCHAR text, VARCHAR[] artists, BOOLEAN explicit).
 */
import { DuckDBInstance, VARCHAR, LIST, type DuckDBConnection } from '@duckdb/node-api';
import type { ListColumn, NumericColumn, TextColumn, TrackTable } from '../../src/data/schema';
import { createRandom } from '../../src/util/random';

/** `n` seeded tracks over 1958–2021 with plausible feature ranges and some collaborations. */
export function randomTracks(n: number, seed = 7, withGenre = false): TrackTable {
  const rng = createRandom(seed);
  const unit = () => Float64Array.from({ length: n }, () => rng.next());
  const numeric: Partial<Record<NumericColumn, Float64Array>> = {
    danceability: unit(),
    energy: unit(),
    speechiness: unit(),
    acousticness: unit(),
    instrumentalness: unit(),
    liveness: unit(),
    valence: unit(),
    loudness: Float64Array.from({ length: n }, () => -30 + 28 * rng.next()),
    tempo: Float64Array.from({ length: n }, () => 60 + 140 * rng.next()),
    year: Float64Array.from({ length: n }, () => 1958 + rng.int(64)),
    duration_min: Float64Array.from({ length: n }, () => 1 + 6 * rng.next()),
  };
  const artistPool = ['Ana', 'Bo', 'Cé', 'Dee', 'Eve'];
  const artists = Array.from({ length: n }, () => {
    const first = artistPool[rng.int(artistPool.length)];
    return rng.next() < 0.3 ? [first, artistPool[rng.int(artistPool.length)]] : [first];
  });
  const albumIds = Array.from({ length: n }, () => `al${rng.int(6)}`);
  const text: Partial<Record<TextColumn, string[]>> = {
    id: Array.from({ length: n }, (_, i) => `t${i}`),
    name: Array.from({ length: n }, (_, i) => `Track ${i}`),
    album_id: albumIds,
    // al0 and al1 share a title on purpose: grouping by id must keep them apart.
    album: albumIds.map((id) => (id === 'al1' ? 'Album al0' : `Album ${id}`)),
  };
  if (withGenre) text.genre = Array.from({ length: n }, () => ['pop', 'rock', 'jazz'][rng.int(3)]);
  const lists: Partial<Record<ListColumn, string[][]>> = { artists };
  const explicit = Uint8Array.from({ length: n }, () => (rng.next() < 0.25 ? 1 : 0));
  return { length: n, numeric, text, lists, explicit };
}

/** An in-memory DuckDB holding `table` as `relation`, rows in table order (rowid = row index). */
export async function duckdbWith(table: TrackTable, relation = 'relation'): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const numeric = Object.keys(table.numeric) as NumericColumn[];
  const text = Object.keys(table.text) as TextColumn[];
  const lists = Object.keys(table.lists) as ListColumn[];
  const columns = [
    ...numeric.map((c) => `"${c}" DOUBLE`),
    ...text.map((c) => `"${c}" VARCHAR`),
    ...lists.map((c) => `"${c}" VARCHAR[]`),
    ...(table.explicit ? ['explicit BOOLEAN'] : []),
  ];
  await connection.run(`CREATE TABLE ${relation} (${columns.join(', ')})`);
  const appender = await connection.createAppender(relation);
  for (let i = 0; i < table.length; i++) {
    for (const c of numeric) appender.appendDouble(table.numeric[c]![i]);
    for (const c of text) appender.appendVarchar(table.text[c]![i]);
    for (const c of lists) appender.appendList(table.lists[c]![i], LIST(VARCHAR));
    if (table.explicit) appender.appendBoolean(table.explicit[i] === 1);
    appender.endRow();
  }
  appender.closeSync();
  return connection;
}

/** Deep equality where numbers agree within `tolerance` and NaN equals NaN. */
export function expectClose(actual: unknown, expected: unknown, tolerance = 1e-9, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected) || Number.isNaN(actual)) {
      if (!(Number.isNaN(expected) && Number.isNaN(actual)))
        throw new Error(`${path}: ${actual} vs ${expected}`);
      return;
    }
    if (Math.abs(actual - expected) > tolerance) throw new Error(`${path}: ${actual} vs ${expected}`);
    return;
  }
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const a = actual as ArrayLike<unknown>;
    const e = expected as ArrayLike<unknown>;
    if (a.length !== e.length) throw new Error(`${path}: length ${a.length} vs ${e.length}`);
    for (let i = 0; i < e.length; i++) expectClose(a[i], e[i], tolerance, `${path}[${i}]`);
    return;
  }
  if (expected && typeof expected === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual as object)]);
    for (const k of keys) {
      expectClose(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        tolerance,
        `${path}.${k}`,
      );
    }
    return;
  }
  if (actual !== expected) throw new Error(`${path}: ${String(actual)} vs ${String(expected)}`);
}
