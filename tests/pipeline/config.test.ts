import * as path from 'path';
import {
  configFromEnv,
  configToEnv,
  DEFAULTS,
  mergeConfig,
  projectRoot,
  resolveConfig,
} from '../../src/pipeline/config';
import { configChanges, notebookConfig } from '../../src/notebooks/lab';

const cwd = '/somewhere/the/user/was';

test('DEFAULTS fill what is not set; output and cache folders default to the project', () => {
  const c = resolveConfig({}, { cwd });
  expect(c).toMatchObject({ seed: 42, k: 6, flipRate: 0.05, rounds: 100, offline: false, quiet: false });
  expect(c.seed).toBe(DEFAULTS.seed);
  expect(c.outDir).toBe(projectRoot());
  expect(c.cacheDir).toBe(path.join(projectRoot(), 'data', '.cache'));
  expect(c.data).toBeUndefined();
});

test('relative paths resolve against the directory the user ran the command from', () => {
  const c = resolveConfig({ data: 'bench/.cache/x.csv', cacheDir: 'tmp/cache' }, { cwd });
  expect(c.data).toBe('/somewhere/the/user/was/bench/.cache/x.csv');
  expect(c.cacheDir).toBe('/somewhere/the/user/was/tmp/cache');
  expect(resolveConfig({ data: '/abs/file.csv' }, { cwd }).data).toBe('/abs/file.csv');
});

test('bad values are rejected with the setting named', () => {
  expect(() => resolveConfig({ k: 1 }, { cwd })).toThrow(/k must be an integer ≥ 2, got 1/);
  expect(() => resolveConfig({ k: 2.5 }, { cwd })).toThrow(/k must be/);
  expect(() => resolveConfig({ flipRate: 0.5 }, { cwd })).toThrow(/flipRate .*\[0, 0.5\)/);
  expect(() => resolveConfig({ rounds: 0 }, { cwd })).toThrow(/rounds/);
  expect(() => resolveConfig({ kk: 3 } as never, { cwd })).toThrow(/unknown setting 'kk'/);
});

test('environment: LAB_CONFIG under LAB_* variables; empty ones are unset; bad ones say which', () => {
  const env = {
    LAB_CONFIG: '{"k": 8, "rounds": 50, "seed": 1}',
    LAB_SEED: '7',
    LAB_ROUNDS: '',
    LAB_OFFLINE: '1',
  };
  expect(configFromEnv(env)).toEqual({ k: 8, rounds: 50, seed: 7, offline: true });
  expect(() => configFromEnv({ LAB_K: 'six' })).toThrow(/LAB_K must be a number, got 'six'/);
  expect(() => configFromEnv({ LAB_CONFIG: '{k: 8}' })).toThrow(/LAB_CONFIG is not valid JSON/);
  expect(() => configFromEnv({ LAB_CONFIG: '{"kay": 8}' })).toThrow(/unknown setting 'kay'/);
  expect(() => configFromEnv({ LAB_CONFIG: '[1]' })).toThrow(/JSON object/);
});

test('flags over variables: an unset flag keeps the environment value', () => {
  const merged = mergeConfig(configFromEnv({ LAB_K: '8', LAB_ROUNDS: '50' }), { k: undefined, rounds: 20 });
  expect(merged).toEqual({ k: 8, rounds: 20 });
});

test('configToEnv round-trips through a kernel: absolute paths, inherited relative LAB_* blanked', () => {
  const c = resolveConfig({ k: 8, rounds: 50, data: 'x.csv', quiet: true }, { cwd });
  const env = configToEnv(c);
  expect(env.LAB_DATA).toBe('/somewhere/the/user/was/x.csv');
  expect(env.LAB_K).toBe('8');
  expect(env.LAB_ROWS).toBe('');
  // The kernel runs in notebooks/ with the user's relative LAB_DATA inherited; configToEnv's values win.
  const kernelEnv = { LAB_DATA: 'relative.csv', ...env, PWD: '/elsewhere' };
  const k = notebookConfig({}, kernelEnv);
  expect(k.data).toBe('/somewhere/the/user/was/x.csv');
  expect(k.k).toBe(8);
  expect(k.rounds).toBe(50);
  expect(k.quiet).toBe(true);
  // A cell's own options win over the environment.
  expect(notebookConfig({ k: 4 }, kernelEnv).k).toBe(4);
});

test('a kernel resolves relative LAB_DATA against the shell it was started from, not notebooks/', () => {
  const k = notebookConfig({}, { LAB_DATA: 'bench/.cache/x.csv', INIT_CWD: '/proj' });
  expect(k.data).toBe('/proj/bench/.cache/x.csv');
  const j = notebookConfig({}, { LAB_DATA: 'x.csv', PWD: '/shell' });
  expect(j.data).toBe('/shell/x.csv');
});

test('configChanges names what differs', () => {
  const a = resolveConfig({}, { cwd });
  const b = resolveConfig({ k: 4 }, { cwd });
  expect(configChanges(a, b)).toBe('k 6 → 4');
});
