/** The first thing a user sees: what was read, what was dropped and why, and a few headline numbers (SQL). */
import type { LoadedTracks } from '../../data/load';
import type { LoadReport } from '../../data/load-report';
import { availableColumns } from '../requirements';

export interface Overview {
  report: LoadReport;
  rows: number;
  firstYear: number;
  lastYear: number;
  /** Share of tracks marked explicit; null when the file has no explicit column. */
  explicitShare: number | null;
  meanDurationMin: number;
  /** Distinct artist names (lists split into names). */
  artists: number;
  /** Distinct album ids (album names when the layout has no id); null when the file has neither. */
  albums: number | null;
  /** Whether the layout has popularity (a real prediction target) and genre. */
  hasPopularity: boolean;
  hasGenre: boolean;
  /** Canonical columns the file has (mapped or derived): what every later step can use. */
  available: string[];
}

export async function computeOverview(loaded: LoadedTracks): Promise<Overview> {
  const { connection, relation, report } = loaded;
  const columns = new Set(
    (await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE "${relation}")`))
      .getRows()
      .map((r) => String(r[0])),
  );
  const available = availableColumns(loaded);
  const has = (c: string) => available.includes(c) && columns.has(c);
  const albumKey = has('album_id') ? 'album_id' : has('album') ? 'album' : null;
  const row = (
    await connection.runAndReadAll(
      `SELECT count(*), ${has('year') ? 'min(year), max(year)' : 'NULL, NULL'},
              ${has('explicit') ? 'avg(CASE WHEN explicit THEN 1 ELSE 0 END)' : 'NULL'},
              ${has('duration_min') ? 'avg(duration_min)' : 'NULL'},
              ${has('artists') ? `(SELECT count(DISTINCT a) FROM (SELECT unnest(artists) AS a FROM "${relation}") WHERE a <> '')` : 'NULL'},
              ${albumKey ? `count(DISTINCT "${albumKey}") FILTER (WHERE "${albumKey}" <> '')` : 'NULL'}
       FROM "${relation}"`,
    )
  ).getRows()[0];
  const num = (v: unknown) => (v === null ? NaN : Number(v));
  return {
    report,
    rows: num(row[0]),
    firstYear: num(row[1]),
    lastYear: num(row[2]),
    explicitShare: row[3] === null ? null : num(row[3]),
    meanDurationMin: num(row[4]),
    artists: num(row[5]),
    albums: row[6] === null ? null : num(row[6]),
    hasPopularity: columns.has('popularity'),
    hasGenre: columns.has('genre'),
    available,
  };
}
