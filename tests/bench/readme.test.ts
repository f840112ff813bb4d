import { benchSection, replaceBenchSection, resultsSections } from '../../bench/readme';

const RESULTS = `# Benchmark results

Written by the benchmarks.
## load

\`npm run bench:load\`: 3 runs.

\`\`\`
bench load: ours/python wall 0.25x, rss 0.33x (target ≤ 0.35x)
\`\`\`

## lab (end to end)

\`npm run bench\`

\`\`\`
bench lab: ours/python wall 0.60x, rss 0.53x (target ≤ 0.5x)
\`\`\`
`;

test('the README section copies each RESULTS.md section, end to end first', () => {
  expect(resultsSections(RESULTS).map((s) => s.title)).toEqual(['load', 'lab (end to end)']);
  const section = benchSection(RESULTS);
  expect(section.indexOf('### lab (end to end)')).toBeLessThan(section.indexOf('### load'));
  expect(section).toContain('bench load: ours/python wall 0.25x, rss 0.33x (target ≤ 0.35x)');
  expect(section).toContain('`npm run bench`');
});

test('only the text between the markers is replaced', () => {
  const readme = 'intro\n<!-- bench:start -->\nold 1.23x\n<!-- bench:end -->\n## Next\n';
  expect(replaceBenchSection(readme, 'new')).toBe(
    'intro\n<!-- bench:start -->\nnew\n<!-- bench:end -->\n## Next\n',
  );
  expect(() => replaceBenchSection('no markers', 'x')).toThrow(/bench:start/);
});
