import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleDir, bundleName, trainWorkerBundle } from '../../../src/model/xgboost/train-worker-bundle';

test('the training worker bundle is built once, reused while its sources are unchanged, rebuilt after', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'train-worker-bundle-'));
  try {
    const first = trainWorkerBundle(dir);
    expect(first).toEqual({ file: path.join(dir, `${bundleName()}.js`), built: true });
    // A plain CommonJS file exporting the worker's entry point, koffi left to the installed package.
    const code = fs.readFileSync(first!.file, 'utf8');
    expect(code).toContain('runTrainingWorker');
    expect(code).toMatch(/require\("koffi"\)/);
    expect(trainWorkerBundle(dir)).toEqual({ file: first!.file, built: false });
    // Its sources include train.ts; a different recorded mtime stands for an edit since the build.
    const metaFile = path.join(dir, `${bundleName()}.meta.json`);
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { inputs: Record<string, number> };
    const train = Object.keys(meta.inputs).find((f) => f.endsWith(path.join('xgboost', 'train.ts')));
    expect(train).toBeDefined();
    meta.inputs[train!] -= 1000;
    fs.writeFileSync(metaFile, JSON.stringify(meta));
    expect(trainWorkerBundle(dir)!.built).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('each checkout has its own bundle name (worktrees may share one node_modules)', () => {
  expect(bundleName('/a/src/model/xgboost/train-worker.ts')).toMatch(/^train-worker\.[0-9a-f]{10}$/);
  expect(bundleName('/a/src/model/xgboost/train-worker.ts')).not.toBe(
    bundleName('/b/src/model/xgboost/train-worker.ts'),
  );
});

test('bundleDir is the project node_modules cache', () => {
  expect(bundleDir()).toBe(path.resolve(__dirname, '../../../node_modules/.cache/spotify-insights-lab'));
});
