/**
 * The store of cleaned tracks is named by the data's content and by the loader's source version, so a cache
 * left by another loader (an upgrade, an edit to src/data) is never opened, and step keys, which hold the same
 * fingerprint, change with it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import { contentFingerprint, loaderSourceVersion, openTrackStore } from '../../src/data/track-store';

jest.setTimeout(60_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'track-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the loader source version follows the text of the .ts files, and only theirs', () => {
  const src = path.join(dir, 'src');
  fs.mkdirSync(src);
  fs.writeFileSync(path.join(src, 'load.ts'), 'export const a = 1;\n');
  const before = loaderSourceVersion(src);
  fs.writeFileSync(path.join(src, 'notes.md'), 'not code\n');
  expect(loaderSourceVersion(src)).toBe(before);
  fs.writeFileSync(path.join(src, 'load.ts'), 'export const a = 2;\n');
  expect(loaderSourceVersion(src)).not.toBe(before);
  expect(loaderSourceVersion(path.join(dir, 'missing'))).toBe('nosrc');
});

test("a store's name and fingerprint hold the data's content and this loader's version", async () => {
  const file = path.join(dir, 'tracks.csv');
  await writeDemoCsv(file, { rows: 300, seed: 3 });
  const cacheDir = path.join(dir, 'cache');
  const first = await openTrackStore(file, { cacheDir });
  first.close();
  const version = loaderSourceVersion();
  expect(version).toMatch(/^[0-9a-f]{10}$/);
  expect(first.fingerprint).toBe(`${contentFingerprint(file, cacheDir)}-${version}`);
  expect(path.basename(first.file)).toContain(version);
  expect(first.origin).toBe('parsed');
  const again = await openTrackStore(file, { cacheDir });
  again.close();
  expect(again.origin).toBe('opened');
  // A store another loader wrote (same data, other version in its name) is not the one opened.
  for (const f of fs.readdirSync(cacheDir).filter((f) => f.includes(version)))
    fs.renameSync(path.join(cacheDir, f), path.join(cacheDir, f.replace(version, '0123456789')));
  const fresh = await openTrackStore(file, { cacheDir });
  fresh.close();
  expect(fresh.origin).toBe('parsed');
});
