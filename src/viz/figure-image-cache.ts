/**
 * PNGs of figures drawn before, on disk: a notebook run again draws the same figures, and each took Chromium
 * 0.1–1 s (a 10,000-dot SHAP beeswarm the most) while its kernel waited.
 *
 * Keyed by everything that decides the pixels: the figure, the size and scale, and the renderer's version (its
 * code, plotly.js, the Chromium binary and Node). LAB_FIGURE_IMAGE_CACHE: a folder, or "off"; default
 * node_modules/.cache/spotify-insights-lab/figure-images.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { findChromium } from '../report/find-chromium';
import { projectCacheDir } from '../util/project-cache-dir';
import { rendererVersion } from './figure-renderer-client';
import type { ImageRequest } from './figure-request';

let version: string | null = null;

/** The renderer's version and the Chromium binary's (a package upgrade keeps its path, not its size or time). */
function drawingVersion(): string {
  if (version === null) {
    const chromium = findChromium();
    let binary = '';
    try {
      const real = chromium ? fs.realpathSync(chromium) : '';
      const stat = real ? fs.statSync(real) : null;
      binary = stat ? `${real}\0${stat.size}\0${stat.mtimeMs}` : '';
    } catch {
      binary = 'unknown';
    }
    version = `${rendererVersion()}\0${binary}`;
  }
  return version;
}

function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.LAB_FIGURE_IMAGE_CACHE;
  if (setting === 'off' || setting === '0') return null;
  return setting || path.join(projectCacheDir(__dirname), 'figure-images');
}

/**
 * Numbers to 12 significant digits in the key: DuckDB's parallel averages differ between runs in the last bits
 * (the order of a float sum), which no pixel shows, and a run-to-run difference must not make every such chart
 * a miss.
 */
function roundedNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) && Number.isFinite(value)
    ? Number(value.toPrecision(12))
    : value;
}

/** The file a drawing of `request` (its id aside) is kept in, or null when the cache is off. */
export function imageCacheFile(request: Omit<ImageRequest, 'id'>): string | null {
  const dir = cacheDir();
  if (dir === null) return null;
  const { figure, width, height, scale } = request;
  const key = createHash('sha256')
    .update(drawingVersion())
    .update('\0')
    .update(JSON.stringify({ figure, width, height, scale }, roundedNumbers))
    .digest('hex');
  return path.join(dir, `${key.slice(0, 40)}.png`);
}

export function readCachedImage(file: string | null): Buffer | null {
  if (file === null) return null;
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

/** Keeps a drawing; a read-only or full disk only costs the speed-up. */
export function cacheImage(file: string | null, png: Buffer): void {
  if (file === null) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, png);
    fs.renameSync(tmp, file);
  } catch {
    // nothing kept
  }
}
