/**
 * Bundles the browser code in `client/` into one classic script at export time. esbuild (already installed
 * as tsx's dependency) makes an IIFE, because `<script type="module">` is blocked on file:// in Chromium.
 */
import * as path from 'path';
import { buildSync } from 'esbuild';

/** The entry of the dashboard's browser code. */
export const CLIENT_ENTRY = path.join(__dirname, 'client', 'main.ts');

export interface BundleOptions {
  /** Minify the bundle. Default: true. */
  minify?: boolean;
}

export const BUNDLE_DEFAULTS: Required<BundleOptions> = { minify: true };

/** The browser bundle as JavaScript source text. */
export function bundleClient(entry: string = CLIENT_ENTRY, options: BundleOptions = {}): string {
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
