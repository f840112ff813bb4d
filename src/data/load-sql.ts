/**
 * The SQL of the loading scan: how each source column is read (`read_csv` with explicit types and dialect,
 * `auto_detect = false`, reject tables on) and the converted expression of every column of the loaded table.
 */
import { FILE_NUMERIC_COLUMNS } from './schema';
import { Layout, readAs } from './layouts';
import { nameListSql } from './python-list';
import type { LoadedColumn } from './load';

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The converted expression of every column the table can hold, over the mapped source columns. */
export function columnExpressions(layout: Layout, scaled: ReadonlySet<string>): Map<LoadedColumn, string> {
  const source = new Map(layout.mapped.map((m) => [m.target, m]));
  const out = new Map<LoadedColumn, string>();
  for (const target of ['id', 'name', 'album', 'album_id', 'release_date', 'genre'] as const) {
    const m = source.get(target);
    if (m) out.set(target, `coalesce(${q(m.source)}, '')`);
    else if (target !== 'genre') out.set(target, `''`);
  }
  for (const target of ['artists', 'artist_ids'] as const) {
    const m = source.get(target);
    out.set(target, m ? nameListSql(q(m.source)) : '[]::VARCHAR[]');
  }
  const explicit = source.get('explicit');
  out.set('explicit', explicit ? q(explicit.source) : 'NULL::BOOLEAN');
  for (const target of [...FILE_NUMERIC_COLUMNS, 'popularity'] as const) {
    const m = source.get(target);
    if (!m) {
      if (target !== 'popularity') out.set(target, 'NULL::DOUBLE');
      continue;
    }
    let e = q(m.source);
    if (target === 'duration_ms' && m.durationUnit === 's') e = `(${e} * 1000)`;
    if (target === 'duration_ms' && m.durationUnit === 'auto') {
      const parts = `string_split(${e}, ':')`;
      e = `CASE WHEN contains(${e}, ':') THEN 1000 * list_reduce(list_transform(${parts}, p -> TRY_CAST(p AS DOUBLE)), (a, b) -> a * 60 + b) ELSE TRY_CAST(${e} AS DOUBLE) END`;
    }
    if (scaled.has(target)) e = `(${e} / 100)`;
    out.set(target, e);
  }
  const date = source.get('release_date');
  const part = (k: number) => `TRY_CAST(nullif(split_part(${q(date!.source)}, '-', ${k}), '') AS INTEGER)`;
  out.set('release_year', date ? part(1) : 'NULL::INTEGER');
  out.set('release_month', date ? `coalesce(${part(2)}, 0)` : 'NULL::INTEGER');
  out.set('release_day', date ? `coalesce(${part(3)}, 0)` : 'NULL::INTEGER');
  if (!source.has('year') && date) out.set('year', `${part(1)}::DOUBLE`);
  out.set('duration_min', `(${out.get('duration_ms')} / 60000)`);
  return out;
}

export interface Source {
  /** SQL table expression reading the file. */
  sql: (extra?: string) => string;
  /** Reject tables to read afterwards (CSV only). */
  rejects?: { errors: string; scans: string };
}

export function csvSource(
  file: string,
  header: string[],
  layout: Layout,
  delimiter: string,
  encoding: string,
  tag: string,
): Source {
  const seen = new Set<string>();
  const types = header.map((name, i) => {
    let unique = name;
    for (let k = 2; seen.has(unique); k++) unique = `${name}_${k}`;
    seen.add(unique);
    const m = layout.mapped.find((x) => x.index === i);
    return `${lit(unique)}: ${lit(m ? readAs(m) : 'VARCHAR')}`;
  });
  const rejects = { errors: `rejects_${tag}`, scans: `reject_scans_${tag}` };
  const base =
    `read_csv(${lit(file)}, columns = {${types.join(', ')}}, header = true, auto_detect = false, ` +
    `delim = ${lit(delimiter)}, quote = '"', escape = '"', encoding = ${lit(encoding)}`;
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
