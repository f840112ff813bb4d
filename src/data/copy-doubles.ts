/**
 * Copy a DOUBLE vector of a chunk into `out` at `offset`, NULL → NaN: one TypedArray.set over DuckDB's buffer,
 * then NaN only where the validity mask says NULL (a NULL's slot holds 0 or NaN, depending on where it came from).
 * `getTypedArray`, `getValidity` and `allValid` come from our patch of @duckdb/node-api (patches/). In place of
 * `getItem` per value: toTable of the 11 model columns of 1.2M rows 351 → 326 ms (median of 7, alternated);
 * the rest is waiting for DuckDB's chunks.
 */
import { DuckDBDoubleVector } from '@duckdb/node-api';

export function copyDoubles(vector: DuckDBDoubleVector, out: Float64Array, offset: number): void {
  out.set(vector.getTypedArray(), offset);
  const validity = vector.getValidity();
  if (validity.allValid()) return;
  const n = vector.itemCount;
  for (let i = 0; i < n; i++) if (!validity.itemValid(i)) out[offset + i] = NaN;
}
