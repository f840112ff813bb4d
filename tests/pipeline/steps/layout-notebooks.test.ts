/**
 * The seven notebooks, executed by Jupyter through `lab run`, on two layout families that lack columns the
 * 1.2M file has: Top 50 (no year, no album, no explicit, no instrumentalness, 0–100 features) and the 30,000
 * playlist songs (`track_*` names, album by name). Each notebook must run top to bottom on what the file has.
 * The 1921–2020 layout (no album) runs the notebooks in `npm run test:real` on the real 20k file.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLab } from '../../../src/pipeline/run';
import { writeLayoutFixture } from '../../fixtures/layouts';

jest.setTimeout(30 * 60 * 1000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-family-notebooks-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(['top50-2019', 'spotify-songs-30k'])('%s: lab run executes all seven notebooks', async (name) => {
  const { file } = writeLayoutFixture(name, path.join(dir, name));
  const outDir = path.join(dir, `out-${name}`);
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await runLab(
      { data: file, outDir, quiet: true, offline: true, seed: 42, rounds: 20 },
      { notebooks: true, figurePng: false },
    );
  } finally {
    log.mockRestore();
  }
  const html = fs.readdirSync(path.join(outDir, 'reports', 'notebooks')).filter((f) => f.endsWith('.html'));
  expect(html).toHaveLength(7);
});
