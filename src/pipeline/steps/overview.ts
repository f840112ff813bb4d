/** The first thing a user sees: what was read, what was dropped and why, and a few headline numbers (SQL). */
import type { LoadedTracks } from '../../data/load';
import type { LoadReport } from '../../data/load-report';

export interface Overview {
  report: LoadReport;
  rows: number;
  firstYear: number;
  lastYear: number;
  /** Share of tracks marked explicit. */
  explicitShare: number;
  meanDurationMin: number;
  /** Distinct artist names (lists split into names). */
  artists: number;
  /** Distinct album ids (album names when the layout has no id). */
  albums: number;
  /** Whether the layout has popularity (a real prediction target) and genre. */
  hasPopularity: boolean;
  hasGenre: boolean;
}

export async function computeOverview(loaded: LoadedTracks): Promise<Overview> {
  const { connection, relation, report } = loaded;
  const columns = new Set(
    (await connection.runAndReadAll(`SELECT column_name FROM (DESCRIBE "${relation}")`))
      .getRows()
      .map((r) => String(r[0])),
  );
  const albumKey = report.mapped.some((m) => m.column === 'album_id') ? 'album_id' : 'album';
  const row = (
    await connection.runAndReadAll(
      `SELECT count(*), min(year), max(year), avg(CASE WHEN explicit THEN 1 ELSE 0 END), avg(duration_min),
              (SELECT count(DISTINCT a) FROM (SELECT unnest(artists) AS a FROM "${relation}")),
              count(DISTINCT "${albumKey}")
       FROM "${relation}"`,
    )
  ).getRows()[0];
  const num = (v: unknown) => (v === null ? NaN : Number(v));
  return {
    report,
    rows: num(row[0]),
    firstYear: num(row[1]),
    lastYear: num(row[2]),
    explicitShare: num(row[3]),
    meanDurationMin: num(row[4]),
    artists: num(row[5]),
    albums: num(row[6]),
    hasPopularity: columns.has('popularity'),
    hasGenre: columns.has('genre'),
  };
}
