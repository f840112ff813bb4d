/**
 * The notebooks on a file that lacks what the 1.2M layout has, as public files do: spotify-2023.csv has no
 * duration and no loudness, Top 50 files have popularity but no year. Notebook 01 died on `null.toFixed`
 * (no duration), 05 trained on all eleven features and died on the missing ones, and 04 said "within year"
 * for a file without years. Run through Jupyter (nbconvert, the tslab kernel) as a user would.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runNotebooksCli, visibleText } from './run-cli';

jest.setTimeout(900_000);

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-reduced-nb-'));
  // 400 tracks: name, artist, popularity and eight audio features; no duration, loudness, year or album.
  const lines = [
    'track_name,artist,popularity,danceability,energy,valence,acousticness,speechiness,liveness,instrumentalness,bpm',
  ];
  for (let i = 0; i < 400; i++) {
    const u = (k: number) => ((i * 7919 + k * 104729) % 997) / 997;
    lines.push(
      [
        `Song ${i}`,
        `Artist ${i % 37}`,
        Math.round(100 * u(1)),
        u(2),
        u(3),
        u(4),
        u(5),
        u(6) / 3,
        u(7) / 2,
        u(8) / 4,
        Math.round(70 + 100 * u(9)),
      ]
        .map((v) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))
        .join(','),
    );
  }
  fs.writeFileSync(path.join(dir, 'reduced.csv'), lines.join('\n') + '\n');
  env = { LAB_DATA: path.join(dir, 'reduced.csv'), LAB_CACHE_DIR: path.join(dir, 'cache'), LAB_OUT_DIR: dir };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('notebooks 01, 04 and 05 run on a file without duration, loudness and year, and say what is missing', async () => {
  const out = path.join(dir, 'out');
  const cli = await runNotebooksCli(['--only', '01,04,05', '--out', out], env);
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  const eda = visibleText(path.join(out, '01_eda.html'));
  expect(eda).toContain('no duration in file');
  expect(eda).toContain('no year in file');
  const labels = visibleText(path.join(out, '04_labeling.html'));
  expect(labels).toMatch(/popularity target: top 25% of the whole file \(no year in file\)/);
  const training = visibleText(path.join(out, '05_training.html'));
  expect(training).toMatch(
    /promotion model on 8 of 11 features \(loudness, duration_min and year not in file\)/,
  );
  expect(training).toMatch(
    /features danceability, energy, speechiness, acousticness, instrumentalness, liveness, valence, tempo/,
  );
});
