/// <reference lib="dom" />
/**
 * The Track Explorer widget: range sliders (year and features), a search box over name/artists/album, a
 * sortable paged table, the row count, and a CSV download of the filtered rows (Blob + a[download], which
 * works from file:// with no server).
 */
import type { TrackExplorerBlock } from '../types';
import { toCsv } from './csv';
import { el, formatNumber } from './dom';
import { columnExtent, filterRows, sortRows, type ExplorerSort } from './explorer-filter';

const DEFAULT_RANGE_FILTERS = ['danceability', 'energy', 'tempo'];
const DEFAULT_SEARCH = ['name', 'artists', 'album'];
const DEFAULT_PAGE_SIZE = 25;

export function mountExplorer(mount: HTMLElement, block: TrackExplorerBlock): void {
  const { columns, rows, populationRows, seed } = block.sample;
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const yearColumn = block.yearColumn ?? 'year';
  const rangeKeys = [yearColumn, ...(block.rangeFilters ?? DEFAULT_RANGE_FILTERS)].filter(
    (key, i, all) => index.has(key) && all.indexOf(key) === i,
  );
  const searchColumns = (block.searchColumns ?? DEFAULT_SEARCH).filter((key) => index.has(key));
  const pageSize = block.pageSize ?? DEFAULT_PAGE_SIZE;

  const ranges: Record<string, [number, number]> = {};
  let search = '';
  let sort: ExplorerSort | null = null;
  let pageNumber = 0;
  let visible: number[] = [];

  mount.append(
    el(
      'div',
      { class: 'note' },
      `This is a seeded sample of ${rows.length.toLocaleString('en-US')} tracks (seed ${seed}) out of ` +
        `${populationRows.toLocaleString('en-US')} cleaned tracks; filters, sorting and the CSV download apply to the sample.`,
    ),
  );

  const filters = el('div', { class: 'filters' });
  for (const key of rangeKeys) {
    const column = columns[index.get(key)!];
    const [lo, hi] = columnExtent(rows, index.get(key)!);
    ranges[key] = [lo, hi];
    const isYear = key === yearColumn;
    const step = isYear ? '1' : String((hi - lo) / 100 || 1);
    const digits = isYear ? 0 : (column.digits ?? 3);
    const shown = el('span', { class: 'filter-value' });
    const show = (): void =>
      void (shown.textContent = `${formatNumber(ranges[key][0], digits)} – ${formatNumber(ranges[key][1], digits)}`);
    const slider = (bound: 0 | 1): HTMLInputElement => {
      const input = el('input', {
        type: 'range',
        min: String(lo),
        max: String(hi),
        step,
        value: String(bound === 0 ? lo : hi),
        'data-filter': key,
        'data-bound': bound === 0 ? 'min' : 'max',
        'aria-label': `${column.label} ${bound === 0 ? 'minimum' : 'maximum'}`,
      });
      input.addEventListener('input', () => {
        // The last step of a float slider can land a hair under max; snap the ends so "all" means all.
        const raw = Number(input.value);
        const value = raw >= hi - Number(step) / 2 ? hi : raw <= lo + Number(step) / 2 ? lo : raw;
        ranges[key][bound] = value;
        show();
        pageNumber = 0;
        update();
      });
      return input;
    };
    show();
    filters.append(
      el(
        'div',
        { class: 'filter' },
        el('label', {}, `${column.label}: `, shown),
        el('div', { class: 'range-pair' }, slider(0), slider(1)),
      ),
    );
  }
  const searchBox = el('input', {
    type: 'search',
    placeholder: `Search ${searchColumns.join(', ')}`,
    'aria-label': 'Search tracks',
    'data-filter': 'search',
  });
  searchBox.addEventListener('input', () => {
    search = searchBox.value;
    pageNumber = 0;
    update();
  });
  filters.append(el('div', { class: 'filter' }, el('label', {}, 'Artist / album / track search'), searchBox));
  mount.append(filters);

  const count = el('span', { class: 'row-count' });
  const pageLabel = el('span', { class: 'page-label' });
  const prev = el('button', { type: 'button', class: 'page-prev' }, '‹ Prev');
  const next = el('button', { type: 'button', class: 'page-next' }, 'Next ›');
  const download = el('button', { type: 'button', class: 'primary download-csv' }, 'Download CSV');
  prev.addEventListener('click', () => {
    pageNumber = Math.max(0, pageNumber - 1);
    renderTable();
  });
  next.addEventListener('click', () => {
    pageNumber += 1;
    renderTable();
  });
  download.addEventListener('click', () => downloadCsv());
  mount.append(el('div', { class: 'toolbar' }, count, download, prev, pageLabel, next));

  const head = el('tr');
  columns.forEach((column, i) => {
    const th = el('th', { class: 'sortable', 'data-column': column.key, title: 'Sort' }, column.label);
    th.addEventListener('click', () => {
      sort =
        sort && sort.column === i
          ? { column: i, descending: !sort.descending }
          : { column: i, descending: column.type === 'number' };
      pageNumber = 0;
      update();
    });
    head.append(th);
  });
  const body = el('tbody');
  mount.append(
    el('div', { class: 'table-wrap' }, el('table', { class: 'explorer-table' }, el('thead', {}, head), body)),
  );

  function update(): void {
    const kept = filterRows(columns, rows, { ranges, search, searchColumns });
    visible = sort ? sortRows(rows, kept, sort) : kept;
    count.textContent = `${visible.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} sample tracks`;
    count.dataset.count = String(visible.length);
    head.querySelectorAll('th').forEach((th, i) => {
      th.classList.toggle('sorted', sort?.column === i);
      th.textContent = columns[i].label + (sort?.column === i ? (sort.descending ? ' ▼' : ' ▲') : '');
    });
    renderTable();
  }

  function renderTable(): void {
    const pages = Math.max(1, Math.ceil(visible.length / pageSize));
    pageNumber = Math.min(pageNumber, pages - 1);
    prev.disabled = pageNumber === 0;
    next.disabled = pageNumber >= pages - 1;
    pageLabel.textContent = `page ${pageNumber + 1} of ${pages}`;
    body.replaceChildren(
      ...visible.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize).map((r) =>
        el(
          'tr',
          {},
          ...rows[r].map((value, i) => {
            const text =
              value === null
                ? ''
                : Array.isArray(value)
                  ? value.join(', ')
                  : typeof value === 'number'
                    ? formatNumber(value, columns[i].digits ?? 3)
                    : value;
            return el('td', { title: text }, text);
          }),
        ),
      ),
    );
  }

  function downloadCsv(): void {
    const csv = toCsv(
      columns.map((c) => c.key),
      visible.map((r) => rows[r]),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { href: url, download: `tracks-sample-filtered-${visible.length}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  update();
}
