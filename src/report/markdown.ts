/**
 * A tiny, safe subset of Markdown for text blocks: everything is escaped first, then only `# heading`,
 * `- item` lists, **bold** and `code` are turned back into tags. Links and raw HTML are deliberately not
 * supported: text may come from data or an LLM, and nothing it says may become markup.
 */
import { escapeHtml } from '../util/html';

/** One escaped line with **bold** and `code` spans. */
export function renderInline(text: string): string {
  // Code spans first so `**` inside code stays literal; the placeholders cannot occur in escaped text.
  const codes: string[] = [];
  let html = escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${code}</code>`);
    return `\u0000${codes.length - 1}\u0000`;
  });
  html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  return html.replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)]);
}

/** Paragraphs (split on blank lines), `#`/`##`/`###` headings and `- ` lists, as HTML. */
export function renderMarkdown(text: string): string {
  const out: string[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const heading = /^(#{1,3})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      // Page titles are h1, so text headings start at h2.
      const level = heading[1].length + 1;
      out.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
    } else if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
      const items = lines.map((line) => `<li>${renderInline(line.replace(/^\s*[-*]\s+/, ''))}</li>`);
      out.push(`<ul>${items.join('')}</ul>`);
    } else {
      out.push(`<p>${lines.map(renderInline).join('<br>')}</p>`);
    }
  }
  return out.join('\n');
}
