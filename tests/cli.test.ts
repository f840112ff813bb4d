/**
 * The `lab` command's help is the README's: the block between the lab-help markers is what `lab --help`
 * prints, so a new flag cannot land without its documentation. Unknown commands name every command there is.
 */
import * as fs from 'fs';
import * as path from 'path';
import { HELP, main } from '../src/cli';

test("README's lab --help block is exactly what lab --help prints", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const block = /<!-- lab-help:start -->\n```\n([\s\S]*?)\n```\n<!-- lab-help:end -->/.exec(readme);
  expect(block).not.toBeNull();
  expect(block![1]).toBe(HELP);
});

test('an unknown command lists every command, the distributed ones included', async () => {
  await expect(main(['fit'])).rejects.toThrow(
    "unknown command 'fit'; expected run, report, demo, shard, train, tracker, worker or help (lab --help)",
  );
});
