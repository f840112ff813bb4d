/**
 * The training worker as one prebuilt JavaScript file, so a Worker starts without compiling TypeScript: tsx
 * transpiling train-worker.ts and its imports took 0.3–0.5 s per training on this machine, the bundle loads in
 * under 0.1 s. Built by esbuild (tsx's own compiler) at install time (scripts/build-train-worker.ts, from
 * postinstall) into node_modules/.cache, and rebuilt on first use when any of its sources changed since, so an
 * edited train.ts is never run stale. Where esbuild is missing, training falls back to the tsx entry.
 */
import { projectCacheDir } from '../../util/project-cache-dir';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface TrainWorkerBundle {
  /** The bundled worker script (CommonJS; call its runTrainingWorker()). */
  file: string;
  /** True when this call (re)built it. */
  built: boolean;
}

interface BundleMeta {
  /** Source file (absolute) → its mtime when bundled. */
  inputs: Record<string, number>;
}

const SOURCE = path.join(__dirname, 'train-worker.ts');

/**
 * The bundle's file name, one per source checkout: git worktrees that share one node_modules (through a
 * symlink) otherwise share one bundle, and a bundle built from another checkout's sources looks fresh (its own
 * inputs are unchanged) while this checkout's edits are never run.
 */
export function bundleName(source: string = SOURCE): string {
  const checkout = createHash('sha256').update(path.dirname(source)).digest('hex').slice(0, 10);
  return `train-worker.${checkout}`;
}

/** node_modules/.cache/spotify-insights-lab of the project this file belongs to. */
export function bundleDir(from: string = __dirname): string {
  return projectCacheDir(from);
}

function isFresh(file: string, metaFile: string): boolean {
  if (!fs.existsSync(file) || !fs.existsSync(metaFile)) return false;
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as BundleMeta;
    const inputs = Object.entries(meta.inputs);
    return (
      inputs.length > 0 &&
      inputs.every(([input, mtime]) => fs.existsSync(input) && fs.statSync(input).mtimeMs === mtime)
    );
  } catch {
    return false;
  }
}

/**
 * The bundled worker, built now if missing or older than any of its sources; null when esbuild is not
 * installed (the caller then starts the TypeScript entry through tsx).
 */
export function trainWorkerBundle(dir: string = bundleDir()): TrainWorkerBundle | null {
  const file = path.join(dir, `${bundleName()}.js`);
  const metaFile = path.join(dir, `${bundleName()}.meta.json`);
  if (isFresh(file, metaFile)) return { file, built: false };
  let esbuild: typeof import('esbuild');
  try {
    esbuild = require('esbuild') as typeof import('esbuild');
  } catch {
    return null;
  }
  fs.mkdirSync(dir, { recursive: true });
  // Written under a temporary name and renamed: two kernels building at once never load half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  const result = esbuild.buildSync({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // koffi loads a native module: it stays a require() of the installed package.
    external: ['koffi'],
    outfile: temporary,
    metafile: true,
    logLevel: 'silent',
  });
  const root = process.cwd();
  const inputs: Record<string, number> = {};
  for (const input of Object.keys(result.metafile!.inputs)) {
    const absolute = path.resolve(root, input);
    inputs[absolute] = fs.statSync(absolute).mtimeMs;
  }
  fs.renameSync(temporary, file);
  fs.writeFileSync(metaFile, JSON.stringify({ inputs } satisfies BundleMeta));
  return { file, built: true };
}
