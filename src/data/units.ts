/**
 * The unit of each numeric column, settled by its name (`Duration (ms)`, `danceability_%`) and, where the
 * name says nothing, by a sample of its values: durations in ms, seconds, minutes or `m:ss`; the 0–1 audio
 * features on 0–1 or 0–100; popularity on 0–100 or 0–1; loudness in dB (a 0–1 "loudness" is a rescaled
 * column that cannot be turned back into dB, so it is left out with a note). Each decision carries the line
 * the mapping report shows.
 */
import { UNIT_FEATURES } from './schema';
import type { ColumnMapping, SourcedColumn } from './layouts';

export interface UnitDecision {
  target: SourcedColumn;
  /** Multiply the parsed number by this (÷ 100 for percentages, × 1000 for seconds …). Default 1. */
  factor: number;
  /** Durations only: `m:ss` / `h:mm:ss` text is parsed too. */
  clock?: boolean;
  /** What the report says (e.g. 'percent ÷ 100', 'seconds → ms', 'm:ss → ms'); '' when taken as is. */
  note: string;
  /** Set when the column cannot be used in the schema's unit: why it is left out. */
  unusable?: string;
  /** Artists only: the character that joins several names in one plain-text cell (`;` or `,`). */
  separator?: ';' | ',';
}

/**
 * Share of a name column's cells holding a comma above which the commas are read as separators ("Latto,
 * Jung Kook" in spotify-2023.csv, "A-Reece, Fly Anakin" in the daily charts files). A one-artist column has
 * a comma in a rare name only ("Tyler, The Creator"), far below this; such a name is split in a
 * comma-separated column too, which the report's note makes visible.
 */
export const COMMA_LIST_SHARE = 0.1;

const UNIT = new Set<string>(UNIT_FEATURES);

function numbers(values: readonly string[]): number[] {
  return values
    .map((v) => Number(v.replace(/,/g, '').trim()))
    .filter((v, i) => values[i].trim() !== '' && Number.isFinite(v));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
}

function durationUnit(m: ColumnMapping, values: readonly string[]): UnitDecision {
  const text = values.filter((v) => v.trim() !== '');
  const clock = text.filter((v) => /^\d+:\d{1,2}(:\d{1,2})?(\.\d+)?$/.test(v.trim())).length;
  if (clock > 0 && clock >= text.length / 2)
    return { target: m.target, factor: 1000, clock: true, note: 'm:ss → ms' };
  const named = { ms: 1, s: 1000, min: 60000 } as Record<string, number>;
  if (m.nameUnit && named[m.nameUnit]) {
    const factor = named[m.nameUnit];
    const word = { 1: 'ms', 1000: 'seconds → ms', 60000: 'minutes → ms' }[factor]!;
    return { target: m.target, factor, clock: true, note: factor === 1 ? '' : `${word} (from the name)` };
  }
  // Songs last 0.5–20 minutes: a median above 20,000 can only be ms, 20–20,000 only seconds, below 20 minutes.
  const mid = median(numbers(values).filter((v) => v > 0));
  if (!(mid <= 20000)) return { target: m.target, factor: 1, clock: true, note: '' };
  if (mid >= 20) return { target: m.target, factor: 1000, clock: true, note: `seconds → ms (median ${mid})` };
  return { target: m.target, factor: 60000, clock: true, note: `minutes → ms (median ${mid})` };
}

/**
 * 0–1 features held as percentages: in a sample, most positive values exceed 1 (and none exceeds 100).
 * "Most", not "any": one corrupt 1.5 in a 0–1 column must be dropped as out of range, not rescale the column.
 */
function featureScale(m: ColumnMapping, values: readonly string[]): UnitDecision {
  if (m.nameUnit === 'percent')
    return { target: m.target, factor: 0.01, note: 'percent ÷ 100 (from the name)' };
  const positive = numbers(values).filter((v) => v > 0);
  const above = positive.filter((v) => v > 1).length;
  if (above > positive.length / 2 && positive.every((v) => v <= 100))
    return { target: m.target, factor: 0.01, note: 'percent ÷ 100' };
  return { target: m.target, factor: 1, note: '' };
}

/** Decide the unit of every mapped numeric column from `sample` (values per target, strings as in the file). */
export function decideUnits(
  mapped: readonly ColumnMapping[],
  sample: ReadonlyMap<SourcedColumn, readonly string[]>,
): Map<SourcedColumn, UnitDecision> {
  const out = new Map<SourcedColumn, UnitDecision>();
  for (const m of mapped) {
    const values = sample.get(m.target) ?? [];
    if (m.target === 'id' || m.target === 'album_id') {
      const uri = values.some((v) => /^(spotify:[a-z]+:|https?:\/\/open\.spotify\.com\/)/.test(v.trim()));
      if (uri) out.set(m.target, { target: m.target, factor: 1, note: 'spotify: URI / URL prefix stripped' });
    } else if (m.target === 'artists' || m.target === 'artist_ids') {
      const text = values.map((v) => v.trim()).filter(Boolean);
      const commas = text.filter((v) => v.includes(',')).length;
      if (text.some((v) => v.startsWith('[')))
        out.set(m.target, { target: m.target, factor: 1, note: 'Python list literal' });
      else if (text.some((v) => v.includes(';')))
        out.set(m.target, { target: m.target, factor: 1, note: "';'-separated names", separator: ';' });
      else if (text.length > 0 && commas >= COMMA_LIST_SHARE * text.length)
        out.set(m.target, { target: m.target, factor: 1, note: "','-separated names", separator: ',' });
    } else if (m.target === 'release_date') {
      // load-sql.ts reads every form per cell; the report says which non-ISO form the file uses.
      const text = values.map((v) => v.trim()).filter(Boolean);
      const note = text.some(
        (v) => /^\d{1,2}\/\d{1,2}\/\d{2}\b/.test(v) && !/^\d{1,2}\/\d{1,2}\/\d{4}/.test(v),
      )
        ? 'm/d/yy dates (yy 00–68 → 20yy, 69–99 → 19yy)'
        : text.some((v) => /^\d{1,2}\/\d{1,2}\/\d{4}/.test(v))
          ? 'm/d/yyyy dates'
          : text.some((v) => /^\d{1,2}\.\d{1,2}\.\d{4}/.test(v))
            ? 'd.m.yyyy dates'
            : '';
      if (note) out.set(m.target, { target: m.target, factor: 1, note });
    } else if (m.target === 'duration_ms') out.set(m.target, durationUnit(m, values));
    else if (UNIT.has(m.target)) out.set(m.target, featureScale(m, values));
    else if (m.target === 'popularity') {
      const v = numbers(values);
      const fraction = v.length > 0 && v.every((x) => x >= 0 && x <= 1) && v.some((x) => x > 0 && x < 1);
      out.set(m.target, { target: m.target, factor: fraction ? 100 : 1, note: fraction ? '0–1 × 100' : '' });
    } else if (m.target === 'loudness' || m.target === 'tempo') {
      const v = numbers(values);
      const rescaled = v.length >= 5 && v.every((x) => x >= 0 && x <= 1);
      const unit = m.target === 'loudness' ? 'dB' : 'BPM';
      out.set(
        m.target,
        rescaled
          ? {
              target: m.target,
              factor: 1,
              note: '',
              unusable: `values are all in 0–1, not ${unit} (rescaled?)`,
            }
          : { target: m.target, factor: 1, note: '' },
      );
    }
  }
  return out;
}
