/**
 * The real file's dirt, planted at its real rates: empty names and albums, year 0 (release_date `0000`) and
 * tempo 0. Rows are chosen up front by a seeded shuffle, so the kinds never overlap and the counts are exact.
 */
import { shuffledIndices } from '../../util/random';
import { DIRT_KINDS, REAL_DIRT_COUNTS, REAL_ROW_COUNT, type DirtKind } from './rates';

/** Dirt planted per kind, in rows. */
export type DirtCounts = Record<DirtKind, number>;

export interface DirtPlan {
  /** 0 = clean, else 1 + index of the kind in DIRT_KINDS, per row. */
  kindByRow: Uint8Array;
  counts: DirtCounts;
}

/** Rows of each kind for a file of `rows` rows: the real rate, rounded up so a small file still has some. */
export function dirtCountsFor(rows: number): DirtCounts {
  const counts = {} as DirtCounts;
  for (const kind of DIRT_KINDS) counts[kind] = Math.ceil((rows * REAL_DIRT_COUNTS[kind]) / REAL_ROW_COUNT);
  return counts;
}

/** Which rows get which dirt; `enabled: false` plans a clean file. */
export function planDirt(rows: number, seed: number, enabled = true): DirtPlan {
  const kindByRow = new Uint8Array(rows);
  const counts = { emptyName: 0, emptyAlbum: 0, yearZero: 0, tempoZero: 0 } as DirtCounts;
  if (!enabled || rows === 0) return { kindByRow, counts };
  // A stream apart from the catalog's, so turning dirt off leaves every other value unchanged.
  const order = shuffledIndices(rows, (seed ^ 0x6a09e667) >>> 0);
  const wanted = dirtCountsFor(rows);
  let next = 0;
  DIRT_KINDS.forEach((kind, k) => {
    const take = Math.min(wanted[kind], rows - next);
    for (let i = 0; i < take; i++) kindByRow[order[next + i]] = k + 1;
    counts[kind] = take;
    next += take;
  });
  return { kindByRow, counts };
}

/** The dirt kind planted on `row`, or null. */
export function dirtAt(plan: DirtPlan, row: number): DirtKind | null {
  const code = plan.kindByRow[row];
  return code === 0 ? null : DIRT_KINDS[code - 1];
}
