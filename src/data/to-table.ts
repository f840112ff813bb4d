/**
 * Read columns of a DuckDB relation into a columnar TrackTable: numeric columns as Float64Array (NULL → NaN),
 * text as string[] ('' for NULL), lists as string[][], `explicit` as Uint8Array. Chunks are streamed so
 * no row objects are built.
 */
import { DuckDBConnection, DuckDBDoubleVector, DuckDBListValue } from '@duckdb/node-api';
import { copyDoubles } from './copy-doubles';
import { FILE_NUMERIC_COLUMNS, ListColumn, NumericColumn, TextColumn, TrackTable } from './schema';

const NUMERIC = new Set<string>([...FILE_NUMERIC_COLUMNS, 'duration_min', 'popularity']);
const TEXT = new Set<string>(['id', 'name', 'album', 'album_id', 'release_date', 'genre']);
const LISTS = new Set<string>(['artists', 'artist_ids']);
/** Columns a TrackTable can hold. */
export const TABLE_COLUMNS: readonly string[] = [...NUMERIC, ...TEXT, ...LISTS, 'explicit'];

/** Read `columns` of `relation`; columns a TrackTable cannot hold (release_year, …) are skipped when defaulted. */
export async function readTrackTable(
  connection: DuckDBConnection,
  relation: string,
  columns: readonly string[],
): Promise<TrackTable> {
  const unknown = columns.filter((c) => !TABLE_COLUMNS.includes(c) && !c.startsWith('release_'));
  if (unknown.length)
    throw new Error(
      `cannot put column(s) ${unknown.join(', ')} in a TrackTable; expected some of: ${TABLE_COLUMNS.join(', ')}`,
    );
  const chosen = columns.filter((c) => TABLE_COLUMNS.includes(c));
  const count = Number(
    (await connection.runAndReadAll(`SELECT count(*) FROM "${relation}"`)).getRows()[0][0],
  );
  const numeric: Partial<Record<NumericColumn, Float64Array>> = {};
  const text: Partial<Record<TextColumn, string[]>> = {};
  const lists: Partial<Record<ListColumn, string[][]>> = {};
  let explicit: Uint8Array | undefined;
  for (const c of chosen) {
    if (NUMERIC.has(c)) numeric[c as NumericColumn] = new Float64Array(count);
    else if (TEXT.has(c)) text[c as TextColumn] = new Array<string>(count);
    else if (LISTS.has(c)) lists[c as ListColumn] = new Array<string[]>(count);
    else explicit = new Uint8Array(count);
  }
  if (chosen.length === 0) return { length: count, numeric, text, lists, explicit };
  const result = await connection.stream(
    `SELECT ${chosen.map((c) => `"${c}"`).join(', ')} FROM "${relation}"`,
  );
  let offset = 0;
  // The next chunk is fetched (on DuckDB's side) while this one is copied: measured 0.59 → 0.37 s for the 11
  // model columns of 1.2M rows, with reading each vector's items in place of `getColumnValues`, which builds a
  // JS array per column and chunk first (same `getItem` values either way).
  let pending = result.fetchChunk();
  for (;;) {
    const chunk = await pending;
    if (!chunk || chunk.rowCount === 0) break;
    pending = result.fetchChunk();
    const n = chunk.rowCount;
    chosen.forEach((c, j) => {
      const vector = chunk.getColumnVector(j);
      if (NUMERIC.has(c)) {
        const out = numeric[c as NumericColumn]!;
        if (vector instanceof DuckDBDoubleVector) copyDoubles(vector, out, offset);
        else
          for (let i = 0; i < n; i++) {
            const value = vector.getItem(i);
            out[offset + i] = value === null ? NaN : Number(value);
          }
      } else if (TEXT.has(c)) {
        const out = text[c as TextColumn]!;
        for (let i = 0; i < n; i++) {
          const value = vector.getItem(i);
          out[offset + i] = value === null ? '' : String(value);
        }
      } else if (LISTS.has(c)) {
        const out = lists[c as ListColumn]!;
        for (let i = 0; i < n; i++) {
          const value = vector.getItem(i);
          out[offset + i] = value === null ? [] : (value as DuckDBListValue).items.map(String);
        }
      } else {
        for (let i = 0; i < n; i++) explicit![offset + i] = vector.getItem(i) === true ? 1 : 0;
      }
    });
    offset += n;
  }
  return { length: offset, numeric, text, lists, explicit };
}
