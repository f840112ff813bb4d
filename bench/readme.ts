/**
 * npm run bench:readme — copies the benchmarks' latest results from bench/RESULTS.md (written by the runs
 * themselves) into README.md between `<!-- bench:start -->` and `<!-- bench:end -->`, so the README never quotes
 * a typed-in number: each section is the command that printed it, its table and its fixed last line.
 */
import * as fs from 'fs';
import * as path from 'path';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** RESULTS.md sections in the order the README shows them (others follow in file order). */
const ORDER = ['lab (end to end)', 'notebooks', 'scale', 'load', 'k-means', 'XGBoost'];

const INTRO = `Measured on this project's shared 2-core machine against the Python stack of the original app (Debian's
pandas 1.5, scikit-learn 1.2, xgboost 1.7.4) on generated files in the exact layout of \`tracks_features.csv\`.
Each section below is copied by \`npm run bench:readme\` from [\`bench/RESULTS.md\`](bench/RESULTS.md), where every
benchmark writes its own run: the command, the table it printed and its last line. Other work ran on the machine
at the same time (the load average is printed with the results), so wall times are upper bounds. Every
benchmark also runs in CI in a quick mode (\`-- --quick\`: small generated inputs; it does not touch RESULTS.md).

| command | what it compares |
|---|---|
| \`npm run bench\` | the original app's steps end to end, with a "preparation" line (load … split) |
| \`nice npm run bench:notebook\` | the seven notebooks cold and warm, and in one kernel a k change, a retraining, a SQL group-by |
| \`nice npm run bench:scale\` | 1.2M, 5M and 10M rows: wall time and peak RSS per size, pandas beside it under a memory cap |
| \`npm run bench:load\`, \`bench:kmeans\`, \`bench:xgb\` | loading, k-means and XGBoost training alone |`;

export function resultsSections(results: string): { title: string; body: string }[] {
  return results
    .split(/^(?=## )/m)
    .filter((part) => part.startsWith('## '))
    .map((part) => {
      const newline = part.indexOf('\n');
      return { title: part.slice(3, newline).trim(), body: part.slice(newline + 1).trim() };
    });
}

export function benchSection(results: string): string {
  const sections = resultsSections(results);
  const rank = (title: string) => {
    const i = ORDER.findIndex((prefix) => title.startsWith(prefix));
    return i < 0 ? ORDER.length : i;
  };
  const ordered = [...sections].sort((a, b) => rank(a.title) - rank(b.title));
  return [INTRO, ...ordered.map((s) => `### ${s.title}\n\n${s.body}`)].join('\n\n');
}

/** README text with the marked section replaced; throws when the markers are missing. */
export function replaceBenchSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`README.md needs ${START} … ${END} around the benchmark section`);
  return `${readme.slice(0, start + START.length)}\n${section}\n${readme.slice(end)}`;
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const readmeFile = path.join(root, 'README.md');
  const results = fs.readFileSync(path.join(__dirname, 'RESULTS.md'), 'utf8');
  fs.writeFileSync(
    readmeFile,
    replaceBenchSection(fs.readFileSync(readmeFile, 'utf8'), benchSection(results)),
  );
  console.log(
    `README.md: benchmark section rewritten from bench/RESULTS.md (${resultsSections(results).length} sections)`,
  );
}

// Run as a script (node bin/run-ts.js bench/readme.ts), not when a test imports it.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) main();
