/**
 * The frame every dashboard page shares: a sidebar with the five pages (like Streamlit's multipage nav),
 * the page's content, and three local scripts — the one shared plotly copy, the page's data, the app.
 * Paths are relative so the folder opens from disk and can be moved or zipped.
 */
import { escapeHtml } from '../util/html';
import type { DashboardMeta, PageKey } from './types';

/** File name and sidebar label of each page, in navigation order. */
export const PAGE_FILES: Record<PageKey, { file: string; nav: string }> = {
  home: { file: 'index.html', nav: 'Home' },
  global: { file: 'global.html', nav: 'Global Dashboard' },
  explorer: { file: 'explorer.html', nav: 'Track Explorer' },
  clusters: { file: 'clusters.html', nav: 'Mood Clusters' },
  model: { file: 'model.html', nav: 'Promotion Model' },
};

export interface PageShellInput {
  key: PageKey;
  title: string;
  meta: DashboardMeta;
  /** The page's content, already escaped. */
  bodyHtml: string;
  /** Load plotly (4.7 MB to parse): only pages with charts need it. */
  usesPlotly: boolean;
}

export function renderPageShell({ key, title, meta, bodyHtml, usesPlotly }: PageShellInput): string {
  const nav = (Object.keys(PAGE_FILES) as PageKey[])
    .map((k) => {
      const current = k === key ? ' class="active" aria-current="page"' : '';
      return `<li><a href="${PAGE_FILES[k].file}"${current}>${escapeHtml(PAGE_FILES[k].nav)}</a></li>`;
    })
    .join('');
  const source = meta.dataSource.kind === 'demo' ? 'demo data' : 'real data';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(meta.title)}</title>
<link rel="stylesheet" href="assets/style.css">
</head>
<body data-page="${key}">
<input type="checkbox" id="nav-toggle" class="nav-toggle" aria-label="Show navigation">
<label for="nav-toggle" class="nav-button" aria-hidden="true">☰</label>
<nav class="sidebar">
<div class="brand"><span class="brand-dot"></span>${escapeHtml(meta.title)}</div>
<ul class="nav">${nav}</ul>
<div class="sidebar-foot">${escapeHtml(source)} · ${escapeHtml(meta.dataSource.rows.toLocaleString('en-US'))} rows<br>seed ${escapeHtml(meta.seed)}</div>
</nav>
<main class="content">
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
${usesPlotly ? '<script src="assets/plotly.min.js"></script>\n' : ''}<script src="assets/data-${key}.js"></script>
<script src="assets/app.js"></script>
</body>
</html>
`;
}
