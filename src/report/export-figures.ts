/**
 * Writes figures as standalone files: `NAME.html` (offline; plotly is a relative copy in the same folder so
 * twenty figures do not carry twenty 4.7 MB copies) and, where Chromium exists, `NAME.png`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { escapeHtml, jsonForScript } from '../util/html';
import type { OnProgress } from '../util/progress';
import { findChromium, launchChromium } from './chromium';
import { copyPlotly } from './plotly-asset';
import type { Figure } from './types';
import { DARK_TEMPLATE } from './client/plot-template';
import { DARK_THEME, FONT_FAMILY } from '../viz/theme';

export interface ExportFiguresOptions {
  /** Write PNGs: `auto` when Chromium exists, `true` fails without it, `false` skips. Default: 'auto'. */
  png?: boolean | 'auto';
  /** PNG size in CSS pixels (the figure's own layout width/height win). Default: 900×520. */
  width?: number;
  height?: number;
  /** Device scale factor of PNGs. Default: 2. */
  scale?: number;
  /** Chromium binary. Default: LAB_CHROMIUM or /usr/bin/chromium. */
  chromiumPath?: string;
  onProgress?: OnProgress;
}

export const EXPORT_FIGURES_DEFAULTS = { png: 'auto', width: 900, height: 520, scale: 2 } as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A standalone page drawing one figure with the dark theme; `plotlySrc` is relative to the page. */
export function figurePage(
  name: string,
  figure: Figure,
  plotlySrc: string,
  size: { width: number; height: number },
): string {
  const layout = {
    template: DARK_TEMPLATE,
    width: size.width,
    height: size.height,
    ...(figure.layout ?? {}),
  };
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(name)}</title>
<style>html,body{margin:0;background:${DARK_THEME.background};font-family:${FONT_FAMILY}}#figure{display:inline-block}</style></head>
<body><div id="figure"></div>
<script src="${escapeHtml(plotlySrc)}"></script>
<script>
Plotly.newPlot('figure', ${jsonForScript(figure.data)}, ${jsonForScript(layout)}, ${jsonForScript({ displaylogo: false, ...(figure.config ?? {}) })})
  .then(function () { document.body.setAttribute('data-drawn', '1'); });
</script></body></html>
`;
}

export async function exportFigures(
  figures: Record<string, Figure>,
  dir: string,
  options: ExportFiguresOptions = {},
): Promise<{ files: string[] }> {
  const { png, width, height, scale } = { ...EXPORT_FIGURES_DEFAULTS, ...options };
  for (const [name, figure] of Object.entries(figures)) {
    if (!NAME.test(name))
      throw new Error(
        `figure name '${name}' must be letters, digits, '_', '-' or '.' (it becomes a file name)`,
      );
    if (!figure || !Array.isArray(figure.data))
      throw new Error(`figure '${name}' must be a Plotly figure {data: [...], layout}`);
  }
  const chromium = findChromium(options.chromiumPath);
  if (png === true && !chromium)
    throw new Error('PNG export needs Chromium (/usr/bin/chromium or LAB_CHROMIUM)');
  const makePng = png !== false && chromium !== null;

  await fs.promises.mkdir(dir, { recursive: true });
  const files: string[] = [];
  const plotly = path.join(dir, 'plotly.min.js');
  await copyPlotly(plotly);
  files.push(path.resolve(plotly));
  const names = Object.keys(figures);
  const total = names.length * (makePng ? 2 : 1);
  const pages: string[] = [];
  for (const name of names) {
    const figure = figures[name];
    const size = {
      width: Number(figure.layout?.width ?? width),
      height: Number(figure.layout?.height ?? height),
    };
    const file = path.resolve(dir, `${name}.html`);
    await fs.promises.writeFile(file, figurePage(name, figure, 'plotly.min.js', size), 'utf8');
    files.push(file);
    pages.push(file);
    options.onProgress?.(pages.length, total);
  }
  if (!makePng) return { files };

  const browser = await launchChromium(chromium ?? undefined);
  try {
    const context = await browser.newContext({
      deviceScaleFactor: scale,
      viewport: { width: width + 40, height: height + 40 },
    });
    const page = await context.newPage();
    // Parsing plotly.js takes about a second: load the first page once, then redraw each figure in place.
    await page.goto(`file://${pages[0]}`);
    await page.waitForSelector('body[data-drawn="1"]', { timeout: 30000 });
    for (let i = 0; i < pages.length; i++) {
      const figure = figures[names[i]];
      const layout = {
        template: DARK_TEMPLATE,
        width: Number(figure.layout?.width ?? width),
        height: Number(figure.layout?.height ?? height),
        ...(figure.layout ?? {}),
      };
      const config = { displaylogo: false, ...(figure.config ?? {}) };
      if (i > 0) {
        await page.evaluate(
          ([data, lay, conf]) => {
            const plotly = (
              globalThis as unknown as {
                Plotly: { newPlot(...args: unknown[]): Promise<unknown>; purge(id: string): void };
              }
            ).Plotly;
            plotly.purge('figure');
            return plotly.newPlot('figure', data, lay, conf).then(() => undefined);
          },
          [figure.data, layout, config] as const,
        );
      }
      const target = pages[i].replace(/\.html$/, '.png');
      await page.locator('#figure').screenshot({ path: target });
      files.push(target);
      options.onProgress?.(pages.length + i + 1, total);
    }
  } finally {
    await browser.close();
  }
  return { files };
}
