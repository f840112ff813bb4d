import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  benchLine,
  formatTable,
  intOption,
  median,
  quickMode,
  runMeasured,
  writeResultsSection,
} from '../../bench/common';

test('runMeasured reports wall time, peak RSS and output of a child', () => {
  // The child allocates ~64 MiB and touches it, so its peak RSS must show it.
  const m = runMeasured(process.execPath, ['-e', 'const b = Buffer.alloc(64 << 20, 1); console.log(b[5])']);
  expect(m.stdout.trim()).toBe('1');
  expect(m.peakRssMiB).toBeGreaterThan(64);
  expect(m.wallSeconds).toBeGreaterThan(0);
});

test('runMeasured throws with the child stderr when it fails', () => {
  expect(() => runMeasured(process.execPath, ['-e', 'console.error("boom"); process.exit(3)'])).toThrow(
    /exited with 3[\s\S]*boom/,
  );
});

test('median, benchLine and formatTable', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 2, 3])).toBe(2.5);
  expect(benchLine('load', 0.2345, 0.5, 0.35)).toBe(
    'bench load: ours/python wall 0.23x, rss 0.50x (target ≤ 0.35x)',
  );
  expect(formatTable(['stage', 's'], [['load', 1.234]])).toBe('stage     s\n-----  ----\nload   1.23');
});

test('writeResultsSection replaces its own section only', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'RESULTS.md');
  writeResultsSection('A', 'one', file);
  writeResultsSection('B', 'two', file);
  writeResultsSection('A', 'three', file);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain('## A\n\nthree');
  expect(text).toContain('## B\n\ntwo');
  expect(text).not.toContain('one');
});

test('intOption: the flag, else the quick default in quick mode, else the full default', () => {
  const saved = process.env.BENCH_QUICK;
  delete process.env.BENCH_QUICK;
  try {
    expect(quickMode(['node', 'b.ts'])).toBe(false);
    expect(quickMode(['node', 'b.ts', '--quick'])).toBe(true);
    expect(intOption('rows', 1000, 10, ['node', 'b.ts'])).toBe(1000);
    expect(intOption('rows', 1000, 10, ['node', 'b.ts', '--quick'])).toBe(10);
    expect(intOption('rows', 1000, 10, ['node', 'b.ts', '--quick', '--rows', '77'])).toBe(77);
    expect(() => intOption('rows', 1000, 10, ['node', 'b.ts', '--rows', '1.5'])).toThrow(
      '--rows expects a positive integer, got 1.5',
    );
    expect(() => intOption('runs', 3, 1, ['node', 'b.ts', '--runs'])).toThrow('got nothing');
    process.env.BENCH_QUICK = '1';
    expect(intOption('rows', 1000, 10, ['node', 'b.ts'])).toBe(10);
  } finally {
    if (saved === undefined) delete process.env.BENCH_QUICK;
    else process.env.BENCH_QUICK = saved;
  }
});
