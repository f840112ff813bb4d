import { isUnnamedIndex, parseColumnName } from '../../src/data/column-names';
import { matchAlias } from '../../src/data/layouts';

test.each([
  ['Beats.Per.Minute', 'beats_per_minute', undefined, 'tempo'],
  ['Beats Per Minute (BPM)', 'beats_per_minute', 'bpm', 'tempo'],
  ['Loudness..dB..', 'loudness', 'db', 'loudness'],
  ['Loudness (dB)', 'loudness', 'db', 'loudness'],
  ['dB', 'db', undefined, 'loudness'],
  ['Length (Duration)', 'length', undefined, 'duration_ms'],
  ['Length.', 'length', undefined, 'duration_ms'],
  ['Valence.', 'valence', undefined, 'valence'],
  ['Acousticness..', 'acousticness', undefined, 'acousticness'],
  ['Track Duration (ms)', 'track_duration', 'ms', 'duration_ms'],
  ['duration_ms', 'duration', 'ms', 'duration_ms'],
  ['danceability_%', 'danceability', 'percent', 'danceability'],
  ['artist(s)_name', 'artist_name', undefined, 'artists'],
  ['Artist Name(s)', 'artist_name', undefined, 'artists'],
  ['trackName', 'track_name', undefined, 'name'],
  ['TrackName', 'track_name', undefined, 'name'],
  ['track_popularity', 'track_popularity', undefined, 'popularity'],
  ['top genre', 'top_genre', undefined, 'genre'],
  ['Track URI', 'track_uri', undefined, 'id'],
  ['\uFEFFid', 'id', undefined, 'id'],
  ['msPlayed', 'ms_played', undefined, undefined],
])('%s → key %s, unit %s, column %s', (name, key, unit, target) => {
  const parsed = parseColumnName(name);
  expect([parsed.key, parsed.unit, matchAlias(name)]).toEqual([key, unit, target]);
});

test('unnamed index columns: blank, Unnamed: 0, Unnamed: 0.1, R row names; not a named Index', () => {
  expect(['', '  ', 'Unnamed: 0', 'Unnamed: 0.1', 'X', 'X.1'].map(isUnnamedIndex)).toEqual([
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
  expect(['Index', 'id', 'x_value'].map(isUnnamedIndex)).toEqual([false, false, false]);
});
