/** A demo track as one line of `tracks_features.csv`, byte for byte in the real file's format. */
import { RAW_COLUMNS } from '../schema';
import type { DemoTrack } from './catalog';
import { csvField, pythonFloat, pythonListRepr } from './python-format';

/** The header line of the 1.2M file (24 columns, no index column). */
export const DEMO_CSV_HEADER = RAW_COLUMNS.join(',');

// An artist's solo tracks share one list object, so its quoted repr is built once per artist, not per row.
const listFieldCache = new WeakMap<readonly string[], string>();

function listField(items: readonly string[]): string {
  let field = listFieldCache.get(items);
  if (field === undefined) {
    field = csvField(pythonListRepr(items));
    listFieldCache.set(items, field);
  }
  return field;
}

/** The CSV line of `track`, without the trailing newline. Integers as ints, floats as Python floats. */
export function formatDemoRow(t: DemoTrack): string {
  return (
    `${t.id},${csvField(t.name)},${csvField(t.album)},${t.albumId},${listField(t.artists)},` +
    `${listField(t.artistIds)},${t.trackNumber},${t.discNumber},${t.explicit ? 'True' : 'False'},` +
    `${pythonFloat(t.danceability)},${pythonFloat(t.energy)},${t.key},${pythonFloat(t.loudness)},${t.mode},` +
    `${pythonFloat(t.speechiness)},${pythonFloat(t.acousticness)},${pythonFloat(t.instrumentalness)},` +
    `${pythonFloat(t.liveness)},${pythonFloat(t.valence)},${pythonFloat(t.tempo)},${t.durationMs},` +
    `${pythonFloat(t.timeSignature)},${t.year},${t.releaseDate}`
  );
}
