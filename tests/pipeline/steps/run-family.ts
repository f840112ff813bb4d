/** One layout family of the corpus (tests/fixtures/layouts) written to `dir` and run through `lab run`. */
import * as path from 'path';
import { runLab } from '../../../src/pipeline/run';
import { writeLayoutFixture } from '../../fixtures/layouts';

/** Runs the family quietly (seed 42, 20 rounds, offline, no PNGs); resolves with where and what it printed. */
export async function runFamily(
  name: string,
  dir: string,
  options: { notebooks: boolean },
): Promise<{ outDir: string; stdout: string }> {
  const { file } = writeLayoutFixture(name, path.join(dir, name));
  const outDir = path.join(dir, `out-${name}`);
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.join(' '));
  });
  try {
    await runLab(
      { data: file, outDir, quiet: true, offline: true, seed: 42, rounds: 20 },
      { notebooks: options.notebooks, figurePng: false },
    );
  } finally {
    log.mockRestore();
  }
  return { outDir, stdout: lines.join('\n') };
}
