/**
 * The `lab` command: `lab run` runs every step on the data (demo data when none is given) and writes models/,
 * figures/, reports/; `lab report --track <id>` prints one track's insight page to PDF; `lab demo` writes a
 * demo file. Results go to stdout, progress to stderr.
 */
import * as fs from 'fs';
import { parseArgs } from 'util';
import { llmEndpoint } from './explain/llm-client';
import { writeDemoCsv } from './data/demo';
import * as path from 'path';
import { configFromEnv, mergeConfig, resolveConfig, userCwd } from './pipeline/config';
import { resolveDataSource } from './pipeline/data-source';
import { runLab } from './pipeline/run';
import { DISTRIBUTED_COMMANDS, DISTRIBUTED_HELP, runDistributedCommand } from './distributed/cli';
import { reportTrack } from './pipeline/track-report';
import { startStep } from './util/progress';

export const HELP = `lab — Spotify Insights Lab

Usage:
  lab run [options]              load → clean → trends → clusters → labels → model → explain → uplift,
                                 then figures/, reports/dashboard/ and (unless --no-notebooks) the notebooks
  lab report --track <id> [options]
                                 one track's insight page as PDF (reports/tracks/<id>.pdf), via headless Chromium
  lab demo --rows N [--seed S] [--clean] --out FILE
                                 write a synthetic file in the exact layout of Kaggle's tracks_features.csv
                                 (with the real file's dirt unless --clean); prints its report as JSON
  lab help

${DISTRIBUTED_HELP}

Options:
  --data FILE        data file (CSV or Parquet). Default: $LAB_DATA, then data/tracks_features.csv,
                     then a generated demo file (50,000 rows; --rows to change)
  --rows N           rows of the generated demo file (default 50000, or $LAB_ROWS)
  --seed S           the one seed of every random step (default 42)
  --k K              mood clusters (default 6)
  --flip-rate F      share of promotion labels flipped at random (default 0.05, the original app's)
  --rounds N         boosting rounds (default 100)
  --offline          explain tracks without calling the LLM, even with HF_TOKEN set
  --llm-endpoint URL an OpenAI-compatible chat server to ask instead of Hugging Face (TGI, vLLM, llama.cpp;
                     default $HF_INFERENCE_ENDPOINT, then $HF_ENDPOINT)
  --fresh            ignore cached step results
  --no-notebooks     skip executing the notebooks
  --no-dashboard     skip figures and the dashboard
  --timings-json F   write stage timings and headline metrics as JSON (used by npm run bench)
  --quiet            no progress output

Relative paths resolve against the directory you ran the command from.

Environment: HF_TOKEN (LLM explanations; never written anywhere); the run configuration as LAB_CONFIG (JSON,
e.g. '{"k": 8}') or LAB_DATA, LAB_ROWS, LAB_SEED, LAB_K, LAB_FLIP_RATE, LAB_ROUNDS, LAB_OFFLINE, LAB_CACHE_DIR,
LAB_OUT_DIR (flags win over variables, variables over LAB_CONFIG). The executed notebooks get the same
configuration.`;

const OPTIONS = {
  data: { type: 'string' },
  rows: { type: 'string' },
  seed: { type: 'string' },
  k: { type: 'string' },
  'flip-rate': { type: 'string' },
  rounds: { type: 'string' },
  offline: { type: 'boolean' },
  'llm-endpoint': { type: 'string' },
  fresh: { type: 'boolean' },
  'no-notebooks': { type: 'boolean' },
  'no-dashboard': { type: 'boolean' },
  'timings-json': { type: 'string' },
  quiet: { type: 'boolean' },
  clean: { type: 'boolean' },
  track: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function numberOption(value: string | undefined, name: string, integer = true): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x) || (integer && !Number.isInteger(x))) {
    throw new Error(`--${name} expects ${integer ? 'an integer' : 'a number'}, got '${value}'`);
  }
  // Past 2^53 the number read is not the one typed (9007199254740993 reads as …992): say so with the text.
  if (integer && !Number.isSafeInteger(x))
    throw new Error(
      `--${name} '${value}' is too large: integers past 2^53 − 1 cannot be represented exactly`,
    );
  return x;
}

export async function main(argv: string[]): Promise<number> {
  if (DISTRIBUTED_COMMANDS.has(argv[0])) return runDistributedCommand(argv[0], argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const command = positionals[0] ?? (values.help ? 'help' : 'run');
  // A stray word (`lab run 8`, `lab run --seed 1 2`) is a mistake, not something to ignore silently.
  if (positionals.length > 1)
    throw new Error(
      `unexpected argument${positionals.length > 2 ? 's' : ''} ${positionals
        .slice(1)
        .map((p) => `'${p}'`)
        .join(', ')} after '${command}'; options start with -- (lab --help)`,
    );
  if (command === 'help' || values.help) {
    console.log(HELP);
    return 0;
  }
  if (values['llm-endpoint'] !== undefined) {
    // Checked now, then handed on as the variable the LLM client, the step keys and notebook kernels read.
    try {
      process.env.HF_INFERENCE_ENDPOINT = llmEndpoint({ endpointUrl: values['llm-endpoint'] }, {});
    } catch (error) {
      throw new Error((error as Error).message.replace(/^endpointUrl/, '--llm-endpoint'));
    }
  }
  const flags = {
    data: values.data,
    demoRows: numberOption(values.rows, 'rows'),
    seed: numberOption(values.seed, 'seed'),
    k: numberOption(values.k, 'k'),
    flipRate: numberOption(values['flip-rate'], 'flip-rate', false),
    rounds: numberOption(values.rounds, 'rounds'),
    offline: values.offline,
    refresh: values.fresh,
    quiet: values.quiet,
  };
  // Resolved here, once: relative paths against the user's directory, env below flags.
  const common = resolveConfig(mergeConfig(configFromEnv(), flags));
  switch (command) {
    case 'run': {
      const result = await runLab(common, {
        notebooks: !values['no-notebooks'],
        dashboard: !values['no-dashboard'],
        timingsJson: values['timings-json'],
      });
      return result.ok ? 0 : 1;
    }
    case 'report': {
      if (!values.track)
        throw new Error('lab report needs --track <id> (a track id of the data, e.g. from the dashboard)');
      const file = await reportTrack(common, values.track, values.out);
      console.log(`wrote ${file}`);
      return 0;
    }
    case 'demo': {
      if (!values.out) throw new Error('lab demo needs --out FILE');
      const out = path.resolve(userCwd(), values.out);
      if (fs.existsSync(out)) throw new Error(`${out} exists; choose another --out`);
      const step = startStep(`demo data → ${out}`, { quiet: common.quiet });
      const report = await writeDemoCsv(out, {
        rows: common.demoRows,
        seed: common.seed,
        dirt: !values.clean,
        onProgress: step.update,
      });
      const seconds = step.finish(`${report.rows} rows`);
      console.log(JSON.stringify({ ...report, seconds: Number(seconds.toFixed(2)) }, null, 2));
      return 0;
    }
    default:
      throw new Error(
        `unknown command '${command}'; expected run, report, demo, shard, train, tracker, worker or help (lab --help)`,
      );
  }
}
