/**
 * The Track Explorer's filtering and sorting, apart from the DOM: which sample rows pass the year range,
 * the feature ranges and the search text, in which order. Pure, so it is tested in Node.
 */
import type { SampleColumn, TrackSample } from '../types';

export interface ExplorerFilter {
  /** Inclusive [min, max] per numeric column key. */
  ranges: Record<string, [number, number]>;
  /** Case-insensitive substring matched against `searchColumns`. */
  search: string;
  searchColumns: string[];
}

export interface ExplorerSort {
  column: number;
  descending: boolean;
}

type Row = TrackSample['rows'][number];

const cellText = (value: Row[number]): string =>
  value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);

/** Indices of the rows that pass `filter`. A missing (null) value fails a range filter. */
export function filterRows(columns: SampleColumn[], rows: Row[], filter: ExplorerFilter): number[] {
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const ranges = Object.entries(filter.ranges).map(([key, [lo, hi]]) => ({
    i: index.get(key) ?? -1,
    lo,
    hi,
  }));
  const searched = filter.searchColumns.map((key) => index.get(key) ?? -1).filter((i) => i >= 0);
  const needle = filter.search.trim().toLowerCase();
  const kept: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let ok = true;
    for (const { i, lo, hi } of ranges) {
      const v = row[i];
      if (typeof v !== 'number' || v < lo || v > hi) {
        ok = false;
        break;
      }
    }
    if (ok && needle) ok = searched.some((i) => cellText(row[i]).toLowerCase().includes(needle));
    if (ok) kept.push(r);
  }
  return kept;
}

/** `indices` sorted by one column (numbers numerically, text by locale; missing last), stable. */
export function sortRows(rows: Row[], indices: number[], sort: ExplorerSort): number[] {
  const sign = sort.descending ? -1 : 1;
  return indices
    .map((r, order) => ({ r, order, v: rows[r][sort.column] }))
    .sort((a, b) => {
      const aMissing = a.v === null || (typeof a.v === 'number' && Number.isNaN(a.v));
      const bMissing = b.v === null || (typeof b.v === 'number' && Number.isNaN(b.v));
      if (aMissing || bMissing) return aMissing === bMissing ? a.order - b.order : aMissing ? 1 : -1;
      const cmp =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : cellText(a.v).localeCompare(cellText(b.v));
      return cmp !== 0 ? sign * cmp : a.order - b.order;
    })
    .map((x) => x.r);
}

/** [min, max] of a numeric column over the sample (the slider's bounds); [0, 0] when it has no numbers. */
export function columnExtent(rows: Row[], column: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    const v = row[column];
    if (typeof v === 'number' && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}
