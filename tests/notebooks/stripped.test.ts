import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { strippedProblems } from '../../src/notebooks/stripped';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every .ipynb git tracks (or is about to) under notebooks/ and the test fixtures. */
function committedNotebooks(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ipynb'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return listed
    .split('\n')
    .filter((f) => f.startsWith('notebooks/') || f.startsWith('tests/notebooks/fixtures/'))
    .filter((f) => fs.existsSync(path.join(ROOT, f)));
}

test('the check sees outputs and execution counts', () => {
  const dirty = {
    cells: [
      { cell_type: 'markdown', source: 'x' },
      {
        cell_type: 'code',
        execution_count: 3,
        outputs: [{ output_type: 'stream', name: 'stdout', text: '1' }],
      },
      { cell_type: 'code', execution_count: null, outputs: [] },
    ],
  };
  expect(strippedProblems(dirty)).toEqual(['cell 2 has 1 output(s)', 'cell 2 has execution_count 3']);
  expect(strippedProblems({ cells: [dirty.cells[0], dirty.cells[2]] })).toEqual([]);
  expect(strippedProblems({})).toEqual(['not a notebook: no "cells" array']);
});

test('every committed notebook is stripped (fix: jupyter nbconvert --clear-output --inplace FILE)', () => {
  const notebooks = committedNotebooks();
  expect(notebooks).toContain('tests/notebooks/fixtures/smoke/00_smoke.ipynb');
  const problems = notebooks.flatMap((file) =>
    strippedProblems(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'))).map((p) => `${file}: ${p}`),
  );
  expect(problems).toEqual([]);
});
