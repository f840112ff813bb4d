import { notebookPlan } from '../../src/pipeline/run-steps';
import {
  availabilityLines,
  availableColumns,
  stepAvailability,
  STEP_REQUIREMENTS,
} from '../../src/pipeline/requirements';
import { AUDIO_FEATURES, MODEL_FEATURES, RAW_COLUMNS } from '../../src/data/schema';

const ALL = [...RAW_COLUMNS, 'duration_min', 'popularity', 'genre'];
const without = (...names: string[]) => ALL.filter((c) => !names.includes(c));

test('every step runs in full on the 1.2M layout plus popularity and genre', () => {
  for (const step of Object.keys(STEP_REQUIREMENTS) as (keyof typeof STEP_REQUIREMENTS)[])
    expect(stepAvailability(step, ALL).status).toBe('ok');
});

test('clusters on 8 of 9 features, in one line naming the missing column', () => {
  const a = stepAvailability('clusters', without('instrumentalness'));
  expect(a).toMatchObject({ status: 'reduced', missing: ['instrumentalness'] });
  expect(a.status === 'reduced' && a.note).toBe(
    'mood clusters on 8 of 9 features (instrumentalness not in file)',
  );
  expect(a.status === 'reduced' && a.columns).toEqual(AUDIO_FEATURES.filter((f) => f !== 'instrumentalness'));
});

test('a constant column is unusable, with its reason', () => {
  const a = stepAvailability('correlation', ALL, { instrumentalness: 'constant (every value 0)' });
  expect(a.status === 'reduced' && a.note).toBe(
    'correlation matrix on 8 of 9 features (instrumentalness constant (every value 0))',
  );
});

test('no explicit: no explicit cohort; no year: no trends; no album: no top albums', () => {
  expect(stepAvailability('cohort_explicit', without('explicit'))).toMatchObject({
    status: 'skipped',
    reason: 'no explicit cohort: needs explicit (explicit not in file)',
  });
  expect(stepAvailability('yearly_trends', without('year')).status).toBe('skipped');
  expect(stepAvailability('top_albums', without('album', 'album_id'))).toMatchObject({
    status: 'skipped',
    reason: 'no top albums: needs album_id or album (none in file)',
  });
});

test('album without album_id: albums by title', () => {
  const a = stepAvailability('top_albums', without('album_id'));
  expect(a).toMatchObject({ status: 'reduced', columns: ['album'] });
  expect(a.status === 'reduced' && a.note).toBe('top albums by album (album_id not in file)');
});

test('the promotion rule needs valence, energy and danceability', () => {
  const a = stepAvailability('promotion_labels', without('valence', 'energy'));
  expect(a).toMatchObject({
    status: 'skipped',
    reason:
      'no promotion labels (and so no model): needs valence, energy and danceability (valence and energy not in file)',
  });
});

test('model features are the available subset of the eleven', () => {
  const a = stepAvailability('model', without('year', 'instrumentalness'));
  expect(a.status === 'reduced' && a.columns).toEqual(
    MODEL_FEATURES.filter((f) => f !== 'year' && f !== 'instrumentalness'),
  );
  expect(stepAvailability('model', ['name']).status).toBe('skipped');
});

test('clusters need two usable features', () => {
  const a = stepAvailability('clusters', ['name', 'tempo']);
  expect(a.status).toBe('skipped');
  expect(a.status === 'skipped' && a.reason).toMatch(
    /^no mood clusters: needs at least 2 usable of .*, found tempo \(/,
  );
});

test('steps skipped or reduced for one cause share one line', () => {
  const available = without('year', 'instrumentalness');
  const lines = availabilityLines(
    (['yearly_trends', 'cohort_decade', 'clusters', 'correlation'] as const).map((s) =>
      stepAvailability(s, available),
    ),
  );
  expect(lines).toEqual([
    'no yearly trends, decade cohorts: needs year (year not in file)',
    'mood clusters, correlation matrix on 8 of 9 features (instrumentalness not in file)',
  ]);
});

test('available columns: mapped ones plus what the loader derives, or the loader’s own list', () => {
  const report = {
    mapped: [
      { column: 'name', source: 'Track' },
      { column: 'duration_ms', source: 'Length' },
      { column: 'release_date', source: 'date' },
    ],
  };
  expect(availableColumns({ report }).sort()).toEqual([
    'duration_min',
    'duration_ms',
    'name',
    'release_date',
    'year',
  ]);
  expect(availableColumns({ report, available: ['name'] })).toEqual(['name']);
});

test('an unknown step is an error naming it', () => {
  expect(() => stepAvailability('nope' as never, ALL)).toThrow("stepAvailability: unknown step 'nope'");
});

test('notebooks whose steps were skipped are left out, one line per reason', () => {
  expect(notebookPlan({})).toEqual({ only: ['01', '02', '03', '04', '05', '06', '07'], left: [] });
  const why = 'no promotion labels (and so no model): needs valence';
  expect(
    notebookPlan({
      labels: why,
      model: why,
      explanation: why,
      uplift: why,
      clusters: 'no mood clusters: few',
    }),
  ).toEqual({ only: ['01', '02'], left: ['03 — no mood clusters: few', `04, 05, 06, 07 — ${why}`] });
});

test("notebook 02 (yearly trends) is left out of a file without years, with the trends step's reason", () => {
  // top50.csv (real, public) has no year: 02 ran and showed a blank "year" row and empty charts.
  const reason = 'no yearly trends, decade cohorts: needs year (year not in file)';
  expect(notebookPlan({ yearly_trends: reason })).toEqual({
    only: ['01', '03', '04', '05', '06', '07'],
    left: [`02 — ${reason}`],
  });
});

test('an unexpected step failure names the step and the file, without the engine’s error class', () => {
  const { stepFailure } = jest.requireActual('../../src/pipeline/run-steps');
  const e = stepFailure(
    'trends',
    '/data/x.csv',
    new Error('Binder Error: Referenced column "year" not found\nLINE 1: …'),
  );
  expect(e.message).toBe(
    '/data/x.csv: the trends step failed on this file (database engine); the other outputs were kept as they were. ' +
      'This is a bug of the lab — please report it with the file\'s header line. Detail: Referenced column "year" not found',
  );
  expect(e.message).not.toMatch(/Binder Error/);
});
