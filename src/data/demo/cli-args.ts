/** Arguments of the demo-data CLI (cli.ts), parsed and checked; values are validated again by writeDemoCsv. */
import { DEMO_DEFAULTS } from './options';

export const DEMO_USAGE = 'usage: cli.ts --out FILE [--rows N] [--seed S] [--clean] [--quiet]';

export interface DemoCliArgs {
  out: string;
  rows: number;
  seed: number;
  /** False with --clean: no planted dirt. */
  dirt: boolean;
  quiet: boolean;
}

export function parseDemoArgs(argv: readonly string[]): DemoCliArgs {
  const args: DemoCliArgs = {
    out: '',
    rows: DEMO_DEFAULTS.rows,
    seed: DEMO_DEFAULTS.seed,
    dirt: true,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value; ${DEMO_USAGE}`);
      return v;
    };
    if (flag === '--out') args.out = value();
    else if (flag === '--rows') args.rows = Number(value());
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--clean') args.dirt = false;
    else if (flag === '--quiet') args.quiet = true;
    else throw new Error(`unknown argument '${flag}'; ${DEMO_USAGE}`);
  }
  if (!args.out) throw new Error(`--out is required; ${DEMO_USAGE}`);
  return args;
}
