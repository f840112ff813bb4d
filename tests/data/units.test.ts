import { decideUnits } from '../../src/data/units';
import type { ColumnMapping, SourcedColumn } from '../../src/data/layouts';

const decide = (target: SourcedColumn, values: string[], nameUnit?: ColumnMapping['nameUnit']) =>
  decideUnits(
    [{ target, source: target, index: 0, ...(nameUnit ? { nameUnit } : {}) }],
    new Map([[target, values]]),
  ).get(target)!;

test('durations: ms, seconds, minutes, m:ss, and the unit in the name wins', () => {
  expect(decide('duration_ms', ['200000', '180000']).factor).toBe(1);
  expect(decide('duration_ms', ['201', '1,121']).factor).toBe(1000);
  expect(decide('duration_ms', ['3.5', '4.1']).factor).toBe(60000);
  expect(decide('duration_ms', ['3:21', '4:05'])).toMatchObject({ clock: true, note: 'm:ss → ms' });
  expect(decide('duration_ms', ['201'], 'ms').factor).toBe(1);
});

test('0–1 features on 0–100 are divided; one stray 1.5 is not a scale', () => {
  expect(decide('energy', ['55', '81', '0']).factor).toBe(0.01);
  expect(decide('energy', ['0.5', '1.5', '0.2', '0.3']).factor).toBe(1);
  expect(decide('energy', ['0.5'], 'percent').factor).toBe(0.01);
});

test('popularity on 0–1 is multiplied; loudness on 0–1 is not dB and is left out', () => {
  expect(decide('popularity', ['0.5', '0.8']).factor).toBe(100);
  expect(decide('popularity', ['50', '80']).factor).toBe(1);
  expect(decide('loudness', ['0.1', '0.2', '0.3', '0.4', '0.5']).unusable).toMatch(/not dB/);
  expect(decide('loudness', ['-7', '-5']).unusable).toBeUndefined();
});

test('artists: list literal, ";" or "," joins decided from the cells; a rare comma is part of a name', () => {
  expect(decide('artists', ["['A', 'B']", "['C']"]).note).toBe('Python list literal');
  expect(decide('artists', ['A;B', 'C']).separator).toBe(';');
  expect(decide('artists', ['Latto, Jung Kook', 'Myke Towers', 'Dave, Central Cee']).separator).toBe(',');
  const single = Array.from({ length: 20 }, (_, i) => (i === 0 ? 'Tyler, The Creator' : `Artist ${i}`));
  expect(
    decideUnits([{ target: 'artists', source: 'artist', index: 0 }], new Map([['artists', single]])).has(
      'artists',
    ),
  ).toBe(false);
});

test('release dates: the report names a non-ISO form (m/d/yy, m/d/yyyy, d.m.yyyy); ISO needs no note', () => {
  expect(decide('release_date', ['8/16/24', '10/18/24']).note).toMatch(/^m\/d\/yy dates/);
  expect(decide('release_date', ['4/26/2024']).note).toBe('m/d/yyyy dates');
  expect(decide('release_date', ['20.10.2023']).note).toBe('d.m.yyyy dates');
  expect(
    decideUnits(
      [{ target: 'release_date', source: 'd', index: 0 }],
      new Map([['release_date', ['2023-10-20']]]),
    ).has('release_date'),
  ).toBe(false);
});
