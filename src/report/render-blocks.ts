/**
 * Server-side HTML for a page's blocks. Text is escaped here; figures and widgets become empty mount points
 * whose JSON goes to the page's data script, so no data is ever parsed as HTML by the browser.
 */
import { escapeHtml } from '../util/html';
import { renderMarkdown } from './markdown';
import type { PageData } from './page-data';
import type { Block, Cell, MetricCard } from './types';

/** Numbers read the same everywhere: integers with thousands separators, others with up to 4 decimals. */
export function formatValue(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return value.toLocaleString('en-US');
    return Number(value.toFixed(4)).toString();
  }
  return String(value);
}

function renderCard(card: MetricCard): string {
  const note = card.note ? `<div class="metric-note">${escapeHtml(card.note)}</div>` : '';
  return (
    `<div class="metric"><div class="metric-label">${escapeHtml(card.label)}</div>` +
    `<div class="metric-value">${escapeHtml(formatValue(card.value))}</div>${note}</div>`
  );
}

function titled(title: string | undefined, body: string, caption?: string): string {
  const head = title ? `<h3>${escapeHtml(title)}</h3>` : '';
  const foot = caption ? `<p class="caption">${escapeHtml(caption)}</p>` : '';
  return `<section class="block">${head}${body}${foot}</section>`;
}

/** HTML for `blocks`; figures and widgets are appended to `data` and referenced by index. */
export function renderBlocks(blocks: Block[], data: PageData): string {
  return blocks.map((block) => renderBlock(block, data)).join('\n');
}

function renderBlock(block: Block, data: PageData): string {
  switch (block.kind) {
    case 'metrics':
      return `<div class="metrics">${block.cards.map(renderCard).join('')}</div>`;
    case 'text':
      return `<div class="text">${renderMarkdown(block.text)}</div>`;
    case 'figure': {
      data.figures.push(block.figure);
      const mount = `<div class="figure" data-figure="${data.figures.length - 1}"></div>`;
      return titled(block.title, mount, block.caption);
    }
    case 'table': {
      const head = block.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((v) => `<td>${escapeHtml(formatValue(v))}</td>`).join('')}</tr>`)
        .join('');
      const table = `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
      return titled(block.title, table, block.caption);
    }
    case 'row':
      return `<div class="row">${block.blocks.map((b) => `<div class="col">${renderBlock(b, data)}</div>`).join('')}</div>`;
    case 'choice': {
      const options = block.options
        .map((option, i) => `<option value="${i}">${escapeHtml(option.label)}</option>`)
        .join('');
      const panels = block.options
        .map(
          (option, i) =>
            `<div class="choice-panel"${i === 0 ? '' : ' hidden'}>${renderBlocks(option.blocks, data)}</div>`,
        )
        .join('');
      return (
        `<div class="choice"><label class="choice-label">${escapeHtml(block.label)} ` +
        `<select class="choice-select">${options}</select></label>${panels}</div>`
      );
    }
    case 'trackExplorer':
    case 'trackPicker':
      data.widgets.push(block);
      return `<div class="widget widget-${block.kind}" data-widget="${data.widgets.length - 1}"></div>`;
  }
}
