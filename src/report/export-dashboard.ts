/**
 * Writes the static dashboard: five pages that share a sidebar, one local plotly, one bundled app script and
 * one data script per page. Opens with a double click — no server, no network.
 */
import * as fs from 'fs';
import * as path from 'path';
import { jsonForScript } from '../util/html';
import type { OnProgress } from '../util/progress';
import { bundleClient, reportSourceFile } from './bundle-client';
import { DATA_GLOBAL, type PageData } from './page-data';
import { PAGE_FILES, renderPageShell } from './page-shell';
import { copyPlotly } from './plotly-asset';
import { provenanceBlocks } from './provenance';
import { renderBlocks } from './render-blocks';
import { PAGE_KEYS, type DashboardInput } from './types';
import { validateDashboardInput } from './validate';

export interface ExportDashboardOptions {
  /** Minify the browser bundle. Default: true. */
  minify?: boolean;
  /** Called after each file is written. */
  onProgress?: OnProgress;
}

export const EXPORT_DASHBOARD_DEFAULTS = { minify: true } as const;

/** The data script for one page: `window.__LAB_DATA__ = {...}`, safe to load as a script. */
export function dataScript(data: PageData): string {
  return `window.${DATA_GLOBAL} = ${jsonForScript(data)};\n`;
}

/** Writes the site into `outDir` (e.g. `reports/dashboard`); returns the files written (absolute paths). */
export async function exportDashboard(
  input: DashboardInput,
  outDir: string,
  options: ExportDashboardOptions = {},
): Promise<{ files: string[] }> {
  validateDashboardInput(input);
  const { minify } = { ...EXPORT_DASHBOARD_DEFAULTS, ...options };
  const assets = path.join(outDir, 'assets');
  await fs.promises.mkdir(assets, { recursive: true });
  const total = 3 + 2 * PAGE_KEYS.length;
  const files: string[] = [];
  const written = (file: string): void => {
    files.push(path.resolve(file));
    options.onProgress?.(files.length, total);
  };
  const write = async (file: string, text: string): Promise<void> => {
    await fs.promises.writeFile(file, text, 'utf8');
    written(file);
  };

  const plotly = path.join(assets, 'plotly.min.js');
  await copyPlotly(plotly);
  written(plotly);
  await write(
    path.join(assets, 'style.css'),
    await fs.promises.readFile(reportSourceFile('style.css'), 'utf8'),
  );
  await write(path.join(assets, 'app.js'), bundleClient(undefined, { minify }));

  for (const key of PAGE_KEYS) {
    const page = input.pages[key];
    const data: PageData = { page: key, figures: [], widgets: [] };
    const blocks = key === 'home' ? [...page.blocks, ...provenanceBlocks(input.meta)] : page.blocks;
    const bodyHtml = renderBlocks(blocks, data);
    const usesPlotly = data.figures.length > 0 || data.widgets.some((w) => w.kind === 'trackPicker');
    await write(path.join(assets, `data-${key}.js`), dataScript(data));
    await write(
      path.join(outDir, PAGE_FILES[key].file),
      renderPageShell({ key, title: page.title, meta: input.meta, bodyHtml, usesPlotly }),
    );
  }
  return { files };
}
