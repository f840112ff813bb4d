/** Spotify-like ids: 22 base-62 characters, as in the real file's `id`, `album_id` and `artist_ids`. */
import type { Random } from '../../util/random';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SPOTIFY_ID_LENGTH = 22;
// A local alias: global lookups are slow under jest's vm context.
const { fromCharCode } = String;
const DIGITS_PER_DRAW_RANGE = 62 ** 5;
const BASE62_CODES = Array.from(BASE62, (ch) => ch.charCodeAt(0));
const codes: number[] = new Array<number>(SPOTIFY_ID_LENGTH).fill(0);
export const SPOTIFY_ID_PATTERN = /^[0-9A-Za-z]{22}$/;

/** A random id drawn from `rng` (62^22 ≈ 2.7e39 values, so collisions in a few million ids are negligible). */
export function randomSpotifyId(rng: Random): string {
  // 5 base-62 digits per draw (62^5 ≈ 9.2e8 < 2^32, the generator's resolution): 5 draws per id instead of 22.
  for (let i = 0; i < SPOTIFY_ID_LENGTH; i += 5) {
    let chunk = rng.int(DIGITS_PER_DRAW_RANGE);
    for (let k = i; k < i + 5 && k < SPOTIFY_ID_LENGTH; k++) {
      codes[k] = BASE62_CODES[chunk % 62];
      chunk = (chunk - (chunk % 62)) / 62;
    }
  }
  // One flat string from char codes: `+=` would build 22 intermediate strings per id, a GC cost at 1.2M rows.
  return fromCharCode.apply(null, codes);
}
