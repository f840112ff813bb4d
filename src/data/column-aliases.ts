/**
 * Which header names mean which schema column, after `parseColumnName` (lower snake case, unit apart). Collected
 * from the public column lists of the layouts people bring: Kaggle's 1.2M `tracks_features.csv` and 1921–2020
 * `data.csv`, Top 50 2019 (`Beats.Per.Minute`, `Loudness..dB..`), top-10s 2010–2019 (`nrgy`, `dnce`, `dB`),
 * Top 2000 (`Beats Per Minute (BPM)`, `Length (Duration)`), the 30,000 playlist songs (`track_*`,
 * `playlist_genre`), the 114k tracks (`track_genre`), Spotify 2023 (`artist(s)_name`, `danceability_%`),
 * SpotifyFeatures (`artist_name`, `genre`), Web API audio-features exports (`uri`, `track_href`) and Exportify
 * (`Track URI`, `Artist Name(s)`, `Album Release Date`).
 */
import type { SourcedColumn } from './layouts';

/** Accepted keys per schema column, in preference order (`duration_ms` wins over `duration` when both exist). */
export const ALIASES: Record<SourcedColumn, readonly string[]> = {
  id: ['id', 'track_id', 'trackid', 'spotify_id', 'song_id', 'track_uri', 'uri', 'spotify_track_uri'],
  name: [
    'name',
    'track_name',
    'track',
    'title',
    'song',
    'song_name',
    'track_title',
    'song_title',
    'master_metadata_track_name',
  ],
  album: ['album', 'album_name', 'track_album_name', 'master_metadata_album_album_name'],
  album_id: ['album_id', 'track_album_id', 'album_uri'],
  artists: [
    'artists',
    'artist',
    'artist_name',
    'artist_names',
    'artists_names',
    'track_artist',
    'track_artists',
    'master_metadata_album_artist_name',
  ],
  artist_ids: ['artist_ids', 'artist_id', 'artist_uri', 'artist_uris'],
  track_number: ['track_number', 'track_no', 'tracknumber'],
  disc_number: ['disc_number', 'disc_no'],
  explicit: ['explicit', 'is_explicit'],
  danceability: ['danceability', 'dnce', 'dance'],
  energy: ['energy', 'nrgy'],
  key: ['key'],
  loudness: ['loudness', 'loudness_db', 'db'],
  mode: ['mode'],
  speechiness: ['speechiness', 'spch', 'speech'],
  acousticness: ['acousticness', 'acous', 'acoustic'],
  instrumentalness: ['instrumentalness', 'instrumental', 'instr'],
  liveness: ['liveness', 'live'],
  valence: ['valence', 'val'],
  tempo: ['tempo', 'bpm', 'beats_per_minute'],
  duration_ms: ['duration_ms', 'duration', 'track_duration', 'length', 'dur', 'song_duration'],
  time_signature: ['time_signature', 'timesignature', 'time_sig'],
  year: ['year', 'release_year', 'released_year', 'top_year'],
  release_date: ['release_date', 'track_album_release_date', 'album_release_date', 'date'],
  popularity: ['popularity', 'pop', 'track_popularity', 'song_popularity'],
  genre: ['genre', 'top_genre', 'track_genre', 'playlist_genre', 'genres', 'artist_genres'],
};

/**
 * Names of real layouts' columns the lab does not use but that prove a line is a header (header detection
 * scores a line by how many names it knows), and that say what kind of file it is (charts, streaming history).
 */
export const KNOWN_UNUSED: readonly string[] = [
  'streams',
  'position',
  'rank',
  'url',
  'region',
  'chart',
  'trend',
  'playlist_name',
  'playlist_id',
  'playlist_subgenre',
  'added_at',
  'added_by',
  'isrc',
  'type',
  'track_href',
  'analysis_url',
  'index',
  'label',
  'record_label',
  'copyrights',
  'album_image_url',
  'track_preview_url',
  'artist_count',
  'released_month',
  'released_day',
  'in_spotify_playlists',
  'in_spotify_charts',
  'in_apple_playlists',
  'ms_played',
  'end_time',
  'ts',
  'artists_song',
  'album_artist_name',
  'album_artist_uri',
  'album_genres',
  'liked',
];

/** Columns that mark a charts or listening-history file (positions, streams, plays) rather than a tracks file. */
export const CHART_COLUMNS: readonly string[] = ['streams', 'position', 'rank', 'ms_played', 'chart'];
