/**
 * Arguments refused up front with a message that says what was expected, before any data is read: seeds past
 * the representable or the demo generator's range, stray positional words, an absurd k; `report --track`
 * with an id the file repeats; per-track PDF names that would collide once sanitised.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli';
import { writeDemoCsv } from '../../src/data/demo';
import { countTrackRows, findTrackRow } from '../../src/data/track-store';
import { resolveConfig } from '../../src/pipeline/config';
import { openLab } from '../../src/pipeline/lab';
import { trackPdfName } from '../../src/pipeline/track-report';

jest.setTimeout(120_000);

test.each([
  [['run', '--seed', '9007199254740993'], /--seed '9007199254740993' is too large: integers past 2\^53 − 1/],
  [['run', '--seed', '4294967296'], /seed must be at most 4294967295 \(2\^32 − 1/],
  [['run', '8'], /unexpected argument '8' after 'run'; options start with --/],
  [['run', '--seed', '1', '2', '3'], /unexpected arguments '2', '3' after 'run'/],
  [['run', '--k', '500'], /k must be at most 50, got 500: .*--k 500 ran 196 s/],
  [
    ['run', '--llm-endpoint', 'localhost:8080'],
    /^--llm-endpoint must be an http\(s\) URL .*got 'localhost:8080'/,
  ],
])('lab %j is refused before any work', async (argv, message) => {
  await expect(main(argv)).rejects.toThrow(message);
});

test('the bounds hold for every way a config arrives (notebook cells, LAB_CONFIG)', () => {
  expect(() => resolveConfig({ seed: 2 ** 32 })).toThrow(/seed must be at most 4294967295/);
  expect(() => resolveConfig({ k: 51 })).toThrow(/k must be at most 50/);
  expect(resolveConfig({ seed: 2 ** 32 - 1, k: 50 }).k).toBe(50);
});

test('--llm-endpoint is checked, then handed on as HF_INFERENCE_ENDPOINT (client, step keys, kernels)', async () => {
  const saved = process.env.HF_INFERENCE_ENDPOINT;
  try {
    // --k 500 stops the run after the flags are read: nothing is computed.
    await expect(main(['run', '--llm-endpoint', 'http://127.0.0.1:9/', '--k', '500'])).rejects.toThrow(
      /k must be/,
    );
    expect(process.env.HF_INFERENCE_ENDPOINT).toBe('http://127.0.0.1:9');
  } finally {
    if (saved === undefined) delete process.env.HF_INFERENCE_ENDPOINT;
    else process.env.HF_INFERENCE_ENDPOINT = saved;
  }
});

test('k above rows/20 warns with the tracks per cluster (k ≤ 50 is the hard bound)', async () => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-k-rows-'));
  const data = path.join(dir, 'demo.csv');
  await writeDemoCsv(data, { rows: 300, seed: 3 });
  const warnings: string[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
  const lab = await openLab({ data, outDir: dir, quiet: true, k: 40 });
  try {
    await lab.clusters();
    expect(warnings.filter((w) => w.startsWith('clusters:'))).toEqual([
      expect.stringMatching(
        /^clusters: k = 40 on \d+ tracks leaves fewer than 20 tracks per cluster; .*try k ≤ 1\d\)$/,
      ),
    ]);
  } finally {
    warn.mockRestore();
    lab.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('per-track PDF names: safe ids stay as they are, sanitised ones get a hash and cannot collide', () => {
  expect(trackPdfName('0KCqKLrZQWt17hlu7b7Yvf')).toBe('0KCqKLrZQWt17hlu7b7Yvf.pdf');
  const names = ['a/b', 'a?b', 'a_b', 'a b', '../a/b', ''].map(trackPdfName);
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]*(-[0-9a-f]{10})?\.pdf$/);
  expect(trackPdfName('x'.repeat(500)).length).toBeLessThan(120);
});

test('a repeated track id is counted (report says so) and the pick is the first in file order', async () => {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-dup-id-'));
  const header =
    'id,name,album,album_id,artists,artist_ids,track_number,disc_number,explicit,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,time_signature,year,release_date';
  const row = (id: string, name: string) =>
    `${id},${name},Album,alb1,['A'],['a1'],1,1,False,0.5,0.6,5,-6.0,1,0.04,0.3,0.0,0.1,0.5,120.0,200000,4.0,1999,1999-01-01`;
  const file = path.join(dir, 'dup.csv');
  fs.writeFileSync(
    file,
    [header, row('x1', 'One'), row('dup', 'First'), row('x2', 'Two'), row('dup', 'Second')].join('\n') + '\n',
  );
  const lab = await openLab({ data: file, outDir: dir, quiet: true });
  try {
    const store = await lab.loaded();
    expect(await countTrackRows(store, 'dup')).toBe(2);
    expect(await countTrackRows(store, 'x1')).toBe(1);
    const first = await findTrackRow(store, 'dup');
    expect(first).not.toBeNull();
    const [identity] = await lab.identify([first!]);
    expect(identity.name).toBe('First');
  } finally {
    lab.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
