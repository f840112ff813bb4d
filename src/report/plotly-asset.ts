/** The one local copy of plotly every page and figure uses: no CDN, so pages open offline. */
import * as fs from 'fs';

/** Absolute path of plotly.js-dist-min's bundle in node_modules. */
export function plotlyBundlePath(): string {
  return require.resolve('plotly.js-dist-min/plotly.min.js');
}

/** Copies plotly.min.js to `target` (skipped when an identical-size copy is already there). */
export async function copyPlotly(target: string): Promise<void> {
  const source = plotlyBundlePath();
  const existing = await fs.promises.stat(target).catch(() => null);
  if (existing && existing.size === (await fs.promises.stat(source)).size) return;
  await fs.promises.copyFile(source, target);
}
