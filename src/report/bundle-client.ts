/**
 * Bundles the browser code in `client/` into one classic script at export time. esbuild (already installed
 * as tsx's dependency) makes an IIFE, because `<script type="module">` is blocked on file:// in Chromium.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSync } from 'esbuild';

/**
 * A source file of src/report/ on disk (the bundle and the stylesheet are read at export time). Next to this
 * module normally; from the working directory upwards when a host (a notebook kernel) runs compiled copies.
 */
export function reportSourceFile(relative: string): string {
  const candidates = [path.join(__dirname, relative)];
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'src', 'report', relative));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found)
    throw new Error(`cannot find src/report/${relative} (looked in ${candidates.slice(0, 3).join(', ')} …)`);
  return found;
}

export interface BundleOptions {
  /** Minify the bundle. Default: true. */
  minify?: boolean;
}

export const BUNDLE_DEFAULTS: Required<BundleOptions> = { minify: true };

/** The browser bundle as JavaScript source text. */
export function bundleClient(
  entry: string = reportSourceFile('client/main.ts'),
  options: BundleOptions = {},
): string {
  const { minify } = { ...BUNDLE_DEFAULTS, ...options };
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}
