import { columnExtent, filterRows, sortRows } from '../../../src/report/client/explorer-filter';
import type { SampleColumn } from '../../../src/report/types';

const columns: SampleColumn[] = [
  { key: 'name', label: 'Track', type: 'text' },
  { key: 'artists', label: 'Artists', type: 'list' },
  { key: 'year', label: 'Year', type: 'number' },
  { key: 'energy', label: 'Energy', type: 'number' },
];
const rows = [
  ['Alpha', ['Queen'], 1975, 0.9],
  ['beta', ['ABBA', 'Queen'], 1980, 0.3],
  ['Gamma', ['Blur'], 1995, null],
  ['delta', ['Oasis'], 1995, 0.6],
];

test('range filters are inclusive and fail missing values; search matches any listed column', () => {
  const all = { ranges: {}, search: '', searchColumns: ['name', 'artists'] };
  expect(filterRows(columns, rows, all)).toEqual([0, 1, 2, 3]);
  expect(filterRows(columns, rows, { ...all, ranges: { year: [1980, 1995] } })).toEqual([1, 2, 3]);
  expect(filterRows(columns, rows, { ...all, ranges: { energy: [0.3, 0.6] } })).toEqual([1, 3]);
  expect(filterRows(columns, rows, { ...all, search: ' QUEEN ' })).toEqual([0, 1]);
  expect(filterRows(columns, rows, { ...all, search: 'ta', searchColumns: ['name'] })).toEqual([1, 3]);
});

test('sorts numbers numerically and text by locale, missing last, stable', () => {
  expect(sortRows(rows, [0, 1, 2, 3], { column: 3, descending: false })).toEqual([1, 3, 0, 2]);
  expect(sortRows(rows, [0, 1, 2, 3], { column: 3, descending: true })).toEqual([0, 3, 1, 2]);
  expect(sortRows(rows, [0, 1, 2, 3], { column: 2, descending: true })).toEqual([2, 3, 1, 0]);
  expect(sortRows(rows, [0, 1, 2, 3], { column: 0, descending: false })).toEqual([0, 1, 3, 2]);
});

test('column extent ignores missing values', () => {
  expect(columnExtent(rows, 3)).toEqual([0.3, 0.9]);
  expect(columnExtent([[null]], 0)).toEqual([0, 0]);
});
