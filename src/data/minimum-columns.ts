/**
 * The only hard requirement of a tracks file: a way to name a track (a name or an id) and enough audio features
 * to do something — at least MIN_AUDIO_FEATURES of the nine the original app clustered on. Everything else
 * (explicit, album, album_id, year, instrumentalness, duration, artists, …) may be missing: steps that need a
 * missing column are skipped or reduced, and the load's `available` list says which columns hold data.
 */
import { AUDIO_FEATURES } from './schema';
import { CHART_COLUMNS } from './column-aliases';
import { parseColumnName } from './column-names';
import { DataError } from './errors';
import type { ColumnMapping } from './layouts';

/** Fewest audio features a file must have: three give a correlation, a 3-D cluster space and a small model. */
export const MIN_AUDIO_FEATURES = 3;

/** Throw one DataError saying what is missing and what to do, or return quietly. */
export function checkMinimumColumns(
  header: readonly string[],
  mapped: readonly ColumnMapping[],
  file: string,
  headerLine: number,
): void {
  const found = new Set<string>(mapped.map((m) => m.target));
  const features = AUDIO_FEATURES.filter((f) => found.has(f));
  const named = found.has('name') || found.has('id');
  if (named && features.length >= MIN_AUDIO_FEATURES) return;
  const shown = header.map((h) => (h.trim() === '' ? '""' : h)).join(', ');
  const problems: string[] = [];
  if (!named)
    problems.push('no track name or id column (e.g. name, track_name, Title, Track, id, Track URI)');
  if (features.length < MIN_AUDIO_FEATURES) {
    problems.push(
      `${features.length} of the ${AUDIO_FEATURES.length} audio features (${features.join(', ') || 'none'}); ` +
        `at least ${MIN_AUDIO_FEATURES} of ${AUDIO_FEATURES.join(', ')} are needed`,
    );
  }
  // A chart word may carry a platform or a period: "Spotify Streams", "All Time Rank" (Most Streamed Spotify
  // Songs 2024), "daily_rank"; the message names the file's own column then.
  const keys = header.map((h) => parseColumnName(h).key);
  const chartShown = CHART_COLUMNS.flatMap((c) =>
    keys.flatMap((key, i) => (key === c ? [c] : key.endsWith(`_${c}`) ? [header[i].trim()] : [])),
  );
  const kind =
    chartShown.length > 0 && features.length === 0
      ? ` This looks like a charts or listening-history file (${chartShown.join(', ')}), not a file of tracks with audio features: the lab analyses audio features, so it cannot use it alone; join it with a file that has them (e.g. by track id) or export your playlist with Exportify, which includes them.`
      : header.length === 1
        ? ' There is only one column: is the delimiter right (the loader tries , ; tab |)?'
        : ' Rename the columns to the names of tracks_features.csv (name, danceability, energy, …) or add the missing ones.';
  throw new DataError(
    `not a tracks file the lab can use: ${problems.join('; ')}. Found columns: ${shown}.${kind}`,
    {
      file,
      line: headerLine,
    },
  );
}
