/**
 * String order by Unicode code point — the order DuckDB's default (binary UTF-8) collation gives — so
 * ties broken by name come out the same in SQL and TS. JavaScript's `<` compares UTF-16 units instead, which
 * puts astral characters (emoji, many CJK extensions) before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
