/**
 * Column names as people write them, reduced to one comparable key before aliases are matched:
 * `Beats.Per.Minute` (R's make.names), `Beats Per Minute (BPM)`, `Loudness..dB..` (R's name for "Loudness (dB)"),
 * `Length.`, `Acousticness..`, `trackName` (camelCase), `danceability_%`, `Track Duration (ms)` all become
 * snake-case keys; a unit written in the name (`(ms)`, `(dB)`, `_%`, `..dB..`) is kept apart as a hint.
 */

/** Units a column name can carry, normalised. */
export type NameUnit = 'ms' | 's' | 'min' | 'db' | 'bpm' | 'percent';

export interface ColumnName {
  /** The name as written (trimmed). */
  raw: string;
  /** Lower snake case, unit removed: `Beats Per Minute (BPM)` → `beats_per_minute`. */
  key: string;
  /** Lower snake case with the unit words kept: `Loudness (dB)` → `loudness_db` (some aliases are written so). */
  full: string;
  /** The unit written in the name, when it is one of the known ones. */
  unit?: NameUnit;
}

const UNIT_WORDS: Record<string, NameUnit> = {
  ms: 'ms',
  msec: 'ms',
  millis: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  seconds: 's',
  min: 'min',
  mins: 'min',
  minutes: 'min',
  db: 'db',
  bpm: 'bpm',
  '%': 'percent',
  pct: 'percent',
  percent: 'percent',
};

function snake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z][a-z])/g, '$1_$2') // camelCase → camel_Case (trackName, msPlayed), not dB
    .toLowerCase()
    .replace(/%/g, '_pct_')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Normalise one header cell (see the module comment). */
export function parseColumnName(name: string): ColumnName {
  const raw = name.replace(/^\uFEFF/, '').trim();
  let unit: NameUnit | undefined;
  // "Artist Name(s)" is a plural, not seconds: "(s)" glued to a word is dropped first.
  // "(ms)", "[dB]", and R's "..dB.." (make.names turns "(dB)" into "..dB..").
  let stem = raw
    .replace(/([A-Za-z])\(s\)/g, '$1')
    .replace(/\s*[([]([^)\]]*)[)\]]\s*/g, (match, inner: string) => {
      const u = UNIT_WORDS[inner.trim().toLowerCase()];
      if (u) unit = u;
      return ' '; // "Length (Duration)" is a length: a parenthesis that is not a unit is a gloss
    });
  stem = stem.replace(/\.\.([A-Za-z%]+)\.\.?$/, (match, inner: string) => {
    const u = UNIT_WORDS[inner.toLowerCase()];
    if (!u) return match;
    unit = u;
    return '';
  });
  let key = snake(stem);
  const full = snake(raw);
  // A trailing unit word written as part of the name: duration_ms, loudness_db, danceability_%.
  const tail = key.match(/_(ms|sec|secs|seconds|s|min|mins|minutes|db|bpm|pct|percent)$/);
  if (!unit && tail) {
    unit = UNIT_WORDS[tail[1] === 'pct' ? '%' : tail[1]];
    key = key.slice(0, -tail[0].length);
  }
  return unit ? { raw, key, full, unit } : { raw, key, full };
}

/**
 * A column that is a row index written by a tool, not data: pandas' `Unnamed: 0` (and `Unnamed: 0.1` when
 * saved twice), a blank header cell (pandas `to_csv` / R `write.csv` index), R's `X`/`X.1` for that cell.
 */
export function isUnnamedIndex(name: string): boolean {
  const raw = name.replace(/^\uFEFF/, '').trim();
  return raw === '' || /^unnamed:\s*\d+(\.\d+)?$/i.test(raw) || /^X(\.\d+)?$/.test(raw);
}
