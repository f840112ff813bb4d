import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchLine, formatTable, median, runMeasured, writeResultsSection } from '../../bench/common';

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
