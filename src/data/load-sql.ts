/**
 * The SQL of the loading scan: how each source column is read (`read_csv` with explicit types and dialect,
 * `auto_detect = false`, reject tables on) and the converted expression of every column of the loaded table.
 */
import { FILE_NUMERIC_COLUMNS } from './schema';
import { Layout, readAs } from './layouts';
import type { UnitDecision } from './units';
import { nameListSql } from './python-list';
import type { LoadedColumn } from './load';

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * `trim(e)` without the copy when there is nothing to trim (`e` a column or other cheap expression: it is
 * repeated). DuckDB's trim removes Unicode space separators only (of ASCII just ' '; tests check it), so an
 * all-ASCII value (as many bytes as characters) that neither starts nor ends with ' ' is its own trim. The
 * copy was 0.2 s of CPU on the 1.2M ids.
 */
export function trimSql(e: string): string {
  return `CASE WHEN NOT starts_with(${e}, ' ') AND NOT ends_with(${e}, ' ') AND strlen(${e}) = length(${e}) THEN ${e} ELSE trim(${e}) END`;
}

/**
 * `spotify:track:ID` and `https://open.spotify.com/track/ID?si=…` → `ID` (Exportify and API exports write URIs).
 * Both prefixes hold a ':', so a cell without one skips the regex (it could not match): 0.49 → 0.11 s of CPU
 * for the 1.2M ids, with the trim guard.
 */
export function spotifyIdSql(cell: string): string {
  const stripped = `regexp_replace(trim(${cell}), '^(spotify:[a-z]+:|https?://open\\.spotify\\.com/[a-z]+/)([^?#]*).*$', '\\2')`;
  return `CASE WHEN contains(${cell}, ':') THEN ${stripped} ELSE ${trimSql(cell)} END`;
}

const PITCH_CLASSES: Record<string, number> = {
  C: 0,
  'C#': 1,
  DB: 1,
  D: 2,
  'D#': 3,
  EB: 3,
  E: 4,
  F: 5,
  'F#': 6,
  GB: 6,
  G: 7,
  'G#': 8,
  AB: 8,
  A: 9,
  'A#': 10,
  BB: 10,
  B: 11,
};

/** A number read as text, the full parse: thousands separators dropped, trimmed; '' or junk → NULL. */
const parsedSql = (e: string) =>
  `TRY_CAST(CASE WHEN contains(${e}, ',') THEN replace(trim(${e}), ',', '') ELSE ${trimSql(e)} END AS DOUBLE)`;

/**
 * The cell cast as it stands when it holds no ','. Where this is not NULL every parse below gives the same
 * number: DuckDB's cast skips the ASCII spaces trim would remove, and no word (`C#`, `Major`) casts. Tried
 * first, it spares the plain cells (almost all) the trim, word match and replace: over the 1.2M file key
 * 0.16 → 0.12 s, duration 0.11 → 0.07 s of CPU. Tests compare with the full parse on tricky cells.
 */
const directSql = (e: string) => `CASE WHEN NOT contains(${e}, ',') THEN TRY_CAST(${e} AS DOUBLE) END`;

/** A number read as text: thousands separators dropped; '' or junk → NULL (counted by cleaning as missing). */
export const numberSql = (e: string) => `coalesce(${directSql(e)}, ${parsedSql(e)})`;

/** Text → DOUBLE for the columns some layouts write as words: key `C#`, mode `Major`, time signature `4/4`. */
export function parsedNumberSql(target: string, e: string): string {
  if (target === 'key') {
    const cases = Object.entries(PITCH_CLASSES).map(([k, v]) => `WHEN ${lit(k)} THEN ${v}`);
    return `coalesce(${directSql(e)}, CASE upper(${trimSql(e)}) ${cases.join(' ')} ELSE ${parsedSql(e)} END)`;
  }
  if (target === 'mode')
    return `coalesce(${directSql(e)}, CASE lower(${trimSql(e)}) WHEN 'major' THEN 1 WHEN 'minor' THEN 0 ELSE ${parsedSql(e)} END)`;
  // `4/4` → 4; a cell without '/' is its own first part, so split_part runs only where it changes something.
  if (target === 'time_signature')
    return `CASE WHEN contains(${e}, '/') THEN ${numberSql(`split_part(${e}, '/', 1)`)} ELSE ${numberSql(e)} END`;
  return numberSql(e);
}

/** A duration in ms from text: `m:ss` / `h:mm:ss` (when `clock`) or a number times `factor`. */
function durationSql(e: string, decision?: UnitDecision): string {
  const factor = decision?.factor ?? 1;
  const parts = `string_split(trim(${e}), ':')`;
  const clock = `1000 * list_reduce(list_transform(${parts}, p -> TRY_CAST(p AS DOUBLE)), (a, b) -> a * 60 + b)`;
  const plain = factor === 1 ? numberSql(e) : `(${numberSql(e)} * ${factor})`;
  return decision?.clock ? `CASE WHEN contains(${e}, ':') THEN ${clock} ELSE ${plain} END` : plain;
}

/** Two-digit years as Python's `%y` reads them: 00–68 → 2000–2068, 69–99 → 1969–1999. */
const TWO_DIGIT_PIVOT = 68;

/**
 * Year, month and day (INTEGER, NULL when absent) of a release-date cell in the forms public files use:
 * ISO `2023-10-20` / `2023-10` / `1928` (a time after the day is ignored), US `8/16/24` or `4/26/2024`
 * (month first, as Excel in the US writes them; day first when the first number is above 12) and European
 * `20.10.2023` (day first).
 */
export function releaseDateSql(e: string): { year: string; month: string; day: string } {
  const v = `trim(${e})`;
  const slash = `'^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})\\b'`;
  const dot = `'^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b'`;
  const group = (pattern: string, k: number) =>
    `TRY_CAST(nullif(regexp_extract(${v}, ${pattern}, ${k}), '') AS INTEGER)`;
  const iso = (k: number) =>
    `TRY_CAST(nullif(regexp_extract(${v}, '^(\\d{4})(?:-(\\d{1,2}))?(?:-(\\d{1,2}))?', ${k}), '') AS INTEGER)`;
  const y = group(slash, 3);
  const a = group(slash, 1);
  const b = group(slash, 2);
  const isSlash = `regexp_matches(${v}, ${slash})`;
  const isDot = `regexp_matches(${v}, ${dot})`;
  return {
    year:
      `CASE WHEN ${isSlash} THEN (CASE WHEN ${y} < 100 THEN ${y} + (CASE WHEN ${y} <= ${TWO_DIGIT_PIVOT} THEN 2000 ELSE 1900 END) ELSE ${y} END) ` +
      `WHEN ${isDot} THEN ${group(dot, 3)} ELSE ${iso(1)} END`,
    month: `CASE WHEN ${isSlash} THEN (CASE WHEN ${a} > 12 THEN ${b} ELSE ${a} END) WHEN ${isDot} THEN ${group(dot, 2)} ELSE ${iso(2)} END`,
    day: `CASE WHEN ${isSlash} THEN (CASE WHEN ${a} > 12 THEN ${a} ELSE ${b} END) WHEN ${isDot} THEN ${group(dot, 1)} ELSE ${iso(3)} END`,
  };
}

/**
 * The converted expression of every column the table can hold, over the mapped source columns. A column the
 * file does not have is NULL — never '' or false — so no step mistakes it for data; `available` lists the rest.
 */
export function columnExpressions(
  layout: Layout,
  units: ReadonlyMap<string, UnitDecision>,
  names: readonly string[],
): Map<LoadedColumn, string> {
  // SQL refers to columns by their unique scan name (a blank or repeated header cell gets one), not the header.
  const source = new Map(layout.mapped.map((m) => [m.target, { ...m, source: names[m.index] }]));
  const out = new Map<LoadedColumn, string>();
  for (const target of ['id', 'name', 'album', 'album_id', 'release_date', 'genre'] as const) {
    const m = source.get(target);
    if (!m) out.set(target, 'NULL::VARCHAR');
    else if (target === 'name' && m.fallbacks?.length) {
      const cells = [m.index, ...m.fallbacks.map((f) => f.index)].map(
        (i) => `nullif(trim(${q(names[i])}), '')`,
      );
      out.set(target, `coalesce(${cells.join(', ')}, '')`);
    } else if (target === 'id' || target === 'album_id')
      out.set(target, `coalesce(${spotifyIdSql(q(m.source))}, '')`);
    else out.set(target, `coalesce(${q(m.source)}, '')`);
  }
  for (const target of ['artists', 'artist_ids'] as const) {
    const m = source.get(target);
    if (!m) out.set(target, 'NULL::VARCHAR[]');
    else {
      const list = nameListSql(q(m.source));
      // Several names in one plain cell: the 114k layout joins them with ';' ("A;B"), spotify-2023 and the
      // daily charts files with ', ' ("A, B"; units.ts decides from the share of cells with a comma). List
      // literals and one plain name pass through.
      const separator = units.get(target)?.separator ?? ';';
      const split = `list_filter(list_transform(string_split(${q(m.source)}, ${lit(separator)}), x -> trim(x)), x -> x <> '')`;
      const names = `CASE WHEN contains(${q(m.source)}, ${lit(separator)}) AND NOT starts_with(ltrim(${q(m.source)}), '[') THEN ${split} ELSE ${list} END`;
      out.set(
        target,
        target === 'artist_ids' ? `list_transform(${names}, x -> ${spotifyIdSql('x')})` : names,
      );
    }
  }
  const explicit = source.get('explicit');
  out.set('explicit', explicit ? q(explicit.source) : 'NULL::BOOLEAN');
  for (const target of [...FILE_NUMERIC_COLUMNS, 'popularity'] as const) {
    const m = source.get(target);
    if (!m) {
      out.set(target, 'NULL::DOUBLE');
      continue;
    }
    const decision = units.get(target);
    let e = q(m.source);
    if (target === 'duration_ms') e = durationSql(e, decision);
    else if (readAs(m) === 'VARCHAR') e = parsedNumberSql(target, e);
    else if (decision && decision.factor < 1) e = `(${e} / ${Math.round(1 / decision.factor)})`;
    else if (decision && decision.factor !== 1) e = `(${e} * ${decision.factor})`;
    out.set(target, e);
  }
  const date = source.get('release_date');
  const parts = date ? releaseDateSql(q(date.source)) : undefined;
  out.set('release_year', parts ? parts.year : 'NULL::INTEGER');
  out.set('release_month', parts ? `coalesce(${parts.month}, 0)` : 'NULL::INTEGER');
  out.set('release_day', parts ? `coalesce(${parts.day}, 0)` : 'NULL::INTEGER');
  if (!source.has('year') && parts) out.set('year', `${parts.year}::DOUBLE`);
  out.set('duration_min', `(${out.get('duration_ms')} / 60000)`);
  return out;
}

export interface Source {
  /** SQL table expression reading the file. */
  sql: (extra?: string) => string;
  /** Reject tables to read afterwards (CSV only). */
  rejects?: { errors: string; scans: string };
}

/**
 * The name each file column gets in the scan: the header cell, or `column_N` for a blank one (DuckDB refuses an
 * empty name: "Need named argument for struct pack"), made unique with `_2`, `_3` for repeated names.
 */
export function scanColumnNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((name, i) => {
    const base = name.trim() === '' ? `column_${i + 1}` : name;
    let unique = base;
    for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${base}_${k}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}

export interface CsvSourceOptions {
  delimiter: string;
  /** Lines before the header line (title lines), skipped. */
  skip: number;
  tag: string;
}

export function csvSource(
  file: string,
  header: readonly string[],
  layout: Layout,
  o: CsvSourceOptions,
): Source {
  const names = scanColumnNames(header);
  const types = names.map((name, i) => {
    const m = layout.mapped.find((x) => x.index === i);
    return `${lit(name)}: ${lit(m ? readAs(m) : 'VARCHAR')}`;
  });
  const { delimiter, tag } = o;
  const rejects = { errors: `rejects_${tag}`, scans: `reject_scans_${tag}` };
  const base =
    `read_csv(${lit(file)}, columns = {${types.join(', ')}}, header = true, auto_detect = false, ` +
    `delim = ${lit(delimiter)}, quote = '"', escape = '"', encoding = 'utf-8', skip = ${o.skip}`;
  return {
    sql: (
      extra = `, store_rejects = true, rejects_table = ${lit(rejects.errors)}, rejects_scan = ${lit(rejects.scans)}`,
    ) => `${base}${extra})`,
    rejects,
  };
}

/**
 * Parquet columns carry their own types; cast each mapped column to the type a CSV would be read as.
 * TRY_CAST: a value that does not convert becomes NULL, which cleaning drops and counts as `missing:<col>`.
 */
export function parquetSource(file: string, layout: Layout): Source {
  const casts = layout.mapped.map((m) => `TRY_CAST(${q(m.source)} AS ${readAs(m)}) AS ${q(m.source)}`);
  return { sql: () => `(SELECT ${casts.join(', ')} FROM read_parquet(${lit(file)}))` };
}
