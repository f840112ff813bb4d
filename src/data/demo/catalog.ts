/**
 * The demo catalog, streamed row by row: artists → albums → tracks, in the real file's order (an album's
 * tracks together). Artists have a sound (a shared latent style) and a career (albums in rising years);
 * some tracks are collaborations with recent artists; dirt is planted on the rows the plan picked.
 */
import { createRandom, type Random } from '../../util/random';
import { createFeatureSampler, FIRST_YEAR, LAST_YEAR, type TrackAudio } from './audio-features';
import { dirtAt, type DirtPlan } from './dirt';
import { albumName, artistName, trackName } from './names';
import { CATALOG, DECADE_SHARES, YEAR_MONTH_DATE_RATE, yearOnlyDateRate } from './rates';
import { randomSpotifyId } from './spotify-id';

/** One row of the demo file, with values exactly as written (see csv-row.ts). */
export interface DemoTrack extends TrackAudio {
  id: string;
  name: string;
  album: string;
  albumId: string;
  artists: string[];
  artistIds: string[];
  trackNumber: number;
  discNumber: number;
  year: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (`0000` on year-0 dirt rows). */
  releaseDate: string;
}

interface Artist {
  name: string;
  id: string;
  /** `[name]` and `[id]`, shared by the artist's solo tracks (read-only by convention). */
  names: string[];
  ids: string[];
  style: Float64Array;
}

/** A release year: a decade by DECADE_SHARES, then a year inside it (the calibration starts in 1921). */
function drawYear(rng: Random): number {
  let u = rng.next();
  for (const { decade, share } of DECADE_SHARES) {
    u -= share;
    if (u < 0) return decade === 2020 ? 2020 : Math.max(FIRST_YEAR, decade + rng.int(10));
  }
  return LAST_YEAR;
}

/** Geometric count on 1, 2, … with the given mean. */
function drawCount(rng: Random, mean: number): number {
  const p = 1 / mean;
  return 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - p));
}

function drawTrackCount(rng: Random): number {
  if (rng.next() < CATALOG.shortReleaseRate) return rng.next() < 0.5 ? 1 : 2 + rng.int(5);
  return 7 + rng.int(12);
}

function releaseDate(rng: Random, year: number): string {
  const u = rng.next();
  if (u < yearOnlyDateRate(year)) return String(year);
  const month = String(1 + rng.int(12)).padStart(2, '0');
  if (u < yearOnlyDateRate(year) + YEAR_MONTH_DATE_RATE) return `${year}-${month}`;
  return `${year}-${month}-${String(1 + rng.int(28)).padStart(2, '0')}`;
}

/** Collaborators for a track of `main`: distinct recent artists from the pool. */
function drawCollaborators(rng: Random, main: Artist, pool: Artist[]): Artist[] {
  if (pool.length < 2 || rng.next() >= CATALOG.collaborationRate) return [];
  const weights = CATALOG.collaboratorCountWeights;
  let u = rng.next();
  let extra = 1;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) {
      extra = i + 1;
      break;
    }
  }
  const chosen: Artist[] = [];
  for (let tries = 0; chosen.length < extra && tries < 10 * extra; tries++) {
    const candidate = pool[rng.int(pool.length)];
    if (candidate !== main && !chosen.includes(candidate)) chosen.push(candidate);
  }
  return chosen;
}

function applyDirt(track: DemoTrack, plan: DirtPlan, row: number): void {
  switch (dirtAt(plan, row)) {
    case 'emptyName':
      track.name = '';
      break;
    case 'emptyAlbum':
      track.album = '';
      break;
    case 'yearZero':
      track.year = 0;
      track.releaseDate = '0000';
      break;
    case 'tempoZero':
      // Spotify reports a track with no detectable beat (silence, noise, spoken word) this way.
      track.tempo = 0;
      track.danceability = 0;
      track.valence = 0;
      track.timeSignature = 0;
      break;
    case null:
      break;
  }
}

/** Streams exactly `rows` demo tracks for `seed`; `dirt` (from planDirt with the same rows) picks dirty rows. */
export function* generateDemoTracks(rows: number, seed: number, dirt: DirtPlan): Generator<DemoTrack> {
  const rng = createRandom(seed);
  const sampler = createFeatureSampler();
  const pool: Artist[] = [];
  let row = 0;
  while (row < rows) {
    const name = artistName(rng);
    const id = randomSpotifyId(rng);
    const artist: Artist = { name, id, names: [name], ids: [id], style: sampler.drawArtistStyle(rng) };
    if (pool.length < CATALOG.collaboratorPoolSize) pool.push(artist);
    else pool[rng.int(pool.length)] = artist;
    let year = drawYear(rng);
    const albumCount = drawCount(rng, CATALOG.meanAlbumsPerArtist);
    for (let a = 0; a < albumCount && row < rows; a++) {
      if (a > 0) year += rng.int(CATALOG.maxAlbumGapYears + 1);
      // A career that runs past the crawl ends there (clamping would pile albums onto the last year).
      if (year > LAST_YEAR) break;
      const trackCount = drawTrackCount(rng);
      const titles = Array.from({ length: trackCount }, () => trackName(rng));
      const album = albumName(rng, titles[0], trackCount);
      const albumId = randomSpotifyId(rng);
      const date = releaseDate(rng, year);
      const discs =
        trackCount >= 14 && rng.next() < CATALOG.multiDiscRate ? 2 + (rng.next() < 0.2 ? 1 : 0) : 1;
      const perDisc = Math.ceil(trackCount / discs);
      for (let t = 0; t < trackCount && row < rows; t++) {
        const collaborators = drawCollaborators(rng, artist, pool);
        let name = titles[t];
        if (collaborators.length > 0 && rng.next() < CATALOG.featInNameRate) {
          name += ` (feat. ${collaborators.map((c) => c.name).join(' & ')})`;
        }
        // Spelled out, audio filled in place: one object shape and one allocation per row keep the loop fast.
        const track: DemoTrack = {
          id: randomSpotifyId(rng),
          name,
          album,
          albumId,
          artists:
            collaborators.length === 0 ? artist.names : [artist.name, ...collaborators.map((c) => c.name)],
          artistIds: collaborators.length === 0 ? artist.ids : [artist.id, ...collaborators.map((c) => c.id)],
          trackNumber: (t % perDisc) + 1,
          discNumber: ((t / perDisc) | 0) + 1,
          explicit: false,
          danceability: 0,
          energy: 0,
          key: 0,
          loudness: 0,
          mode: 0,
          speechiness: 0,
          acousticness: 0,
          instrumentalness: 0,
          liveness: 0,
          valence: 0,
          tempo: 0,
          durationMs: 0,
          timeSignature: 0,
          year,
          releaseDate: date,
        };
        sampler.drawTrack(rng, year, artist.style, track);
        applyDirt(track, dirt, row);
        yield track;
        row++;
      }
    }
  }
}
