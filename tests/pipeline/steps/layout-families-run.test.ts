/**
 * Every layout family of the conformance corpus (tests/fixtures/layouts) through `lab run` — steps, figures
 * and dashboard — as a user would run it: rc 0 for every family the lab can use, each with its lines saying
 * what was reduced or skipped; a clear refusal (no internals) for the files that are not tracks files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LAYOUT_FAMILIES } from '../../fixtures/layouts';
import { runFamily as runUsableFamily } from './run-family';

jest.setTimeout(10 * 60 * 1000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-families-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const INTERNAL =
  /Sql:|Binder Error|Invalid Input Error|Conversion Error|Catalog Error|noiseCeiling|topEntitiesFigure|leave it out|clean the table first|\bat \S+\.ts:\d+/;

async function runFamily(name: string): Promise<string> {
  const { outDir, stdout } = await runUsableFamily(name, dir, { notebooks: false });
  expect(fs.existsSync(path.join(outDir, 'reports', 'dashboard', 'index.html'))).toBe(true);
  expect(fs.readdirSync(path.join(outDir, 'figures')).length).toBeGreaterThan(10);
  return stdout;
}

const usable = LAYOUT_FAMILIES.filter((f) => !f.refusal);
const refused = LAYOUT_FAMILIES.filter((f) => f.refusal);

test.each(usable.map((f) => f.name))('%s: lab run finishes with figures and dashboard', async (name) => {
  const stdout = await runFamily(name);
  expect(stdout).not.toMatch(INTERNAL);
  expect(stdout).toMatch(/Promotion model \(rule labels\): test ROC AUC|Skipped — no promotion/);
  expect(stdout).not.toMatch(/0\.0% explicit, .*no explicit|\b1 albums/);
});

test.each(refused.map((f) => [f.name, f.refusal!] as const))(
  '%s: refused in one clear line, no internals',
  async (name, refusal) => {
    const error = await runFamily(name).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).not.toBeNull();
    expect(error!.message).toMatch(refusal);
    expect(error!.message).not.toMatch(INTERNAL);
  },
);
