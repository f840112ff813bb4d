/**
 * The step cache under the real lab: a model entry replaced by `{}` used to crash every later run
 * ("Cannot read properties of undefined (reading 'evaluation')") until --fresh, and an entry whose rocAuc was
 * edited to 0.999 was trusted into models/promotion_model.meta.json. Both must be reported and recomputed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDemoCsv } from '../../src/data/demo';
import { openLab } from '../../src/pipeline/lab';

jest.setTimeout(300_000);

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lab-cache-lab-'));
  data = path.join(dir, 'demo.csv');
  await writeDemoCsv(data, { rows: 1500, seed: 11 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function trainOnce(): Promise<{ rocAuc: number; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
  const lab = await openLab({ data, outDir: dir, rounds: 10, quiet: true });
  try {
    const models = await lab.models();
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'models', 'promotion_model.meta.json'), 'utf8'));
    expect(meta.metrics.test.rocAuc).toBe(models.promotion.evaluation.rocAuc);
    return { rocAuc: models.promotion.evaluation.rocAuc, warnings };
  } finally {
    lab.close();
    warn.mockRestore();
  }
}

const modelEntry = (): string => {
  const cacheDir = path.join(dir, 'data', '.cache');
  const files = fs.readdirSync(cacheDir).filter((f) => /^model-.*\.json$/.test(f));
  expect(files).toHaveLength(1);
  return path.join(cacheDir, files[0]);
};

test('{} and an edited rocAuc in the model entry are reported in one line each and recomputed', async () => {
  const first = await trainOnce();
  expect(first.warnings).toEqual([]);
  const entry = modelEntry();

  fs.writeFileSync(entry, '{}');
  const afterEmpty = await trainOnce();
  expect(afterEmpty.rocAuc).toBe(first.rocAuc);
  expect(afterEmpty.warnings).toEqual([
    `cache: ${entry}: no cache header (not written by this version of the lab); recomputing model`,
  ]);

  const text = fs.readFileSync(entry, 'utf8');
  const edited = text.replace(/"rocAuc":[0-9.e-]+/, '"rocAuc":0.999');
  expect(edited).not.toBe(text);
  fs.writeFileSync(entry, edited);
  const afterEdit = await trainOnce();
  expect(afterEdit.rocAuc).toBe(first.rocAuc);
  expect(afterEdit.rocAuc).not.toBe(0.999);
  expect(afterEdit.warnings).toHaveLength(1);
  expect(afterEdit.warnings[0]).toMatch(
    new RegExp(
      `^cache: ${entry}: (content hash mismatch|\\d+ of \\d+ bytes \\(truncated or edited\\)).*; recomputing model$`,
    ),
  );
});
