import { renderInline, renderMarkdown } from '../../src/report/markdown';

test('bold and code spans, everything else escaped', () => {
  expect(renderInline('a **b** and `c**d**` <i>')).toBe(
    'a <strong>b</strong> and <code>c**d**</code> &lt;i&gt;',
  );
  expect(renderInline('`<script>`')).toBe('<code>&lt;script&gt;</code>');
});

test('headings, lists and paragraphs; links and raw HTML stay text', () => {
  const html = renderMarkdown(
    '# Title\n\n- one\n- **two**\n\nline 1\nline 2\n\n[x](javascript:alert(1)) <b onclick=x>',
  );
  expect(html).toBe(
    '<h2>Title</h2>\n<ul><li>one</li><li><strong>two</strong></li></ul>\n<p>line 1<br>line 2</p>\n' +
      '<p>[x](javascript:alert(1)) &lt;b onclick=x&gt;</p>',
  );
});
