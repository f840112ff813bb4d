import type { PageData } from '../../src/report/page-data';
import { formatValue, renderBlocks } from '../../src/report/render-blocks';

const empty = (): PageData => ({ page: 'global', figures: [], widgets: [] });

test('numbers read the same everywhere', () => {
  expect(formatValue(1201225)).toBe('1,201,225');
  expect(formatValue(0.918812)).toBe('0.9188');
  expect(formatValue(null)).toBe('');
  expect(formatValue(true)).toBe('true');
});

test('text from data is escaped in cards, tables and choice labels', () => {
  const html = renderBlocks(
    [
      { kind: 'metrics', cards: [{ label: '<b>L</b>', value: '<i>v</i>', note: '"n"' }] },
      { kind: 'table', columns: ['<th>'], rows: [['<script>alert(1)</script>']] },
      { kind: 'choice', label: 'Pick', options: [{ label: '<o>', blocks: [] }] },
    ],
    empty(),
  );
  for (const raw of ['<b>', '<i>', '<script>', '<o>', '"n"']) expect(html).not.toContain(raw);
  expect(html.match(/<th>/g)).toHaveLength(1);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});

test('figures and widgets become numbered mount points with their JSON in the page data', () => {
  const data = empty();
  const figure = { data: [{ type: 'bar', x: [1], y: [2] }] };
  const html = renderBlocks(
    [
      {
        kind: 'row',
        blocks: [
          { kind: 'figure', title: 'A', figure },
          { kind: 'figure', figure },
        ],
      },
      {
        kind: 'choice',
        label: 'C',
        options: [
          { label: 'x', blocks: [] },
          { label: 'y', blocks: [{ kind: 'figure', figure }] },
        ],
      },
    ],
    data,
  );
  expect(data.figures).toHaveLength(3);
  expect(html.match(/data-figure="(\d)"/g)).toEqual([
    'data-figure="0"',
    'data-figure="1"',
    'data-figure="2"',
  ]);
  expect(html.match(/<div class="choice-panel"( hidden)?>/g)).toEqual([
    '<div class="choice-panel">',
    '<div class="choice-panel" hidden>',
  ]);
});
