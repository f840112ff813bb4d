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

// Clean feature values repeat (3 significant digits, 3 decimals for loudness and tempo), so their text is cached;
// float-artifact values are long and unique, so only short texts are kept, which also bounds the cache.
const floatTextCache = new Map<number, string>();
const CACHEABLE_FLOAT_TEXT = 12;

function floatText(value: number): string {
  let text = floatTextCache.get(value);
  if (text === undefined) {
    text = pythonFloat(value);
    if (text.length <= CACHEABLE_FLOAT_TEXT) floatTextCache.set(value, text);
  }
  return text;
}

/** The CSV line of `track`, without the trailing newline. Integers as ints, floats as Python floats. */
export function formatDemoRow(t: DemoTrack): string {
  return (
    `${t.id},${csvField(t.name)},${csvField(t.album)},${t.albumId},${listField(t.artists)},` +
    `${listField(t.artistIds)},${t.trackNumber},${t.discNumber},${t.explicit ? 'True' : 'False'},` +
    `${floatText(t.danceability)},${floatText(t.energy)},${t.key},${floatText(t.loudness)},${t.mode},` +
    `${floatText(t.speechiness)},${floatText(t.acousticness)},${floatText(t.instrumentalness)},` +
    `${floatText(t.liveness)},${floatText(t.valence)},${floatText(t.tempo)},${t.durationMs},` +
    `${floatText(t.timeSignature)},${t.year},${t.releaseDate}`
  );
}
