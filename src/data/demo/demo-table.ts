/** The demo rows straight into a columnar TrackTable, for tests and notebooks that need no file. */
import type { NumericColumn, TrackTable } from '../schema';
import { generateDemoTracks, type DemoTrack } from './catalog';
import { planDirt } from './dirt';
import { resolveDemoOptions, type DemoOptions } from './options';

const NUMERIC: ReadonlyArray<[NumericColumn, (t: DemoTrack) => number]> = [
  ['track_number', (t) => t.trackNumber],
  ['disc_number', (t) => t.discNumber],
  ['danceability', (t) => t.danceability],
  ['energy', (t) => t.energy],
  ['key', (t) => t.key],
  ['loudness', (t) => t.loudness],
  ['mode', (t) => t.mode],
  ['speechiness', (t) => t.speechiness],
  ['acousticness', (t) => t.acousticness],
  ['instrumentalness', (t) => t.instrumentalness],
  ['liveness', (t) => t.liveness],
  ['valence', (t) => t.valence],
  ['tempo', (t) => t.tempo],
  ['duration_ms', (t) => t.durationMs],
  ['time_signature', (t) => t.timeSignature],
  ['year', (t) => t.year],
  ['duration_min', (t) => t.durationMs / 60000],
];

/** The same rows `writeDemoCsv` writes for these options (same seed → same values), as a TrackTable. */
export function generateDemoTable(options: DemoOptions = {}): TrackTable {
  const { rows, seed, dirt, onProgress } = resolveDemoOptions(options);
  const numeric: Partial<Record<NumericColumn, Float64Array>> = {};
  for (const [name] of NUMERIC) numeric[name] = new Float64Array(rows);
  const text = {
    id: [] as string[],
    name: [] as string[],
    album: [] as string[],
    album_id: [] as string[],
    release_date: [] as string[],
  };
  const lists = { artists: [] as string[][], artist_ids: [] as string[][] };
  const explicit = new Uint8Array(rows);
  let row = 0;
  for (const track of generateDemoTracks(rows, seed, planDirt(rows, seed, dirt))) {
    for (const [name, get] of NUMERIC) numeric[name]![row] = get(track);
    text.id.push(track.id);
    text.name.push(track.name);
    text.album.push(track.album);
    text.album_id.push(track.albumId);
    text.release_date.push(track.releaseDate);
    lists.artists.push(track.artists);
    lists.artist_ids.push(track.artistIds);
    explicit[row] = track.explicit ? 1 : 0;
    row++;
    if (onProgress && row % 65536 === 0) onProgress(row, rows);
  }
  onProgress?.(rows, rows);
  return { length: rows, numeric, text, lists, explicit };
}
