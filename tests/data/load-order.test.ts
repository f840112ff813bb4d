import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import { loadTracks } from '../../src/data/load';

// Seeded steps (flips, splits, samples) index rows, so row i must be the same track on every run: the i-th
// kept row of the file. A 60k-row file spans several of DuckDB's parallel CSV buffers, where order could break.
test('the table keeps the file order of the kept rows, run after run', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-order-'));
  const file = path.join(dir, 'demo.csv');
  await writeDemoCsv(file, { rows: 60_000, seed: 3 });
  const fileIds = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.slice(0, line.indexOf(',')));
  const runs: string[][] = [];
  for (let run = 0; run < 2; run++) {
    const loaded = await loadTracks(file);
    try {
      runs.push((await loaded.toTable(['id'])).text.id!);
    } finally {
      loaded.close();
    }
  }
  expect(runs[1]).toEqual(runs[0]);
  const kept = new Set(runs[0]);
  expect(runs[0]).toEqual(fileIds.filter((id) => kept.has(id)));
  expect(runs[0].length).toBeGreaterThan(59_000);
});
