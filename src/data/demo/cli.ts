/**
 * Writes a demo tracks_features.csv from the command line:
 *   node bin/run-ts.js src/data/demo/cli.ts --rows 1204025 --seed 42 --out data/demo/tracks_features.csv
 * Prints the report as JSON on stdout (progress on stderr), with the elapsed seconds.
 */
import { startStep } from '../../util/progress';
import { parseDemoArgs } from './cli-args';
import { writeDemoCsv } from './index';

async function main(): Promise<void> {
  const args = parseDemoArgs(process.argv.slice(2));
  const step = startStep(`demo data → ${args.out}`, { quiet: args.quiet });
  const report = await writeDemoCsv(args.out, {
    rows: args.rows,
    seed: args.seed,
    dirt: args.dirt,
    onProgress: step.update,
  });
  const seconds = step.finish(`${report.rows} rows`);
  process.stdout.write(`${JSON.stringify({ ...report, seconds: Number(seconds.toFixed(2)) })}\n`);
}

// An entry point only (bin/run-ts.js requires it, so `require.main` is not this module): runs on load.
main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
