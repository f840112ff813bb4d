/**
 * Lists of names as the 1.2M file stores them: Python list literals written by `repr(list)`, e.g.
 * `['A', 'B']`, `["Guns N' Roses"]` (double quotes when a name holds an apostrophe), `['It\'s "x"']`
 * (backslash escapes when it holds both). Other layouts hold one plain name, which becomes a one-element list.
 *
 * `parseNameList` is the reference; `nameListSql` is the same grammar in DuckDB SQL (RE2), used at load time
 * because it runs inside the scan (a JS parser would need every string to cross into JS). Tests check that
 * both agree on the tricky cases.
 */

/** Parse one cell into names: a Python list literal, a plain name (one element), or '' / null (no names). */
export function parseNameList(cell: string | null | undefined): string[] {
  if (cell === null || cell === undefined) return [];
  const text = cell.trim();
  if (text === '') return [];
  if (!text.startsWith('[')) return [cell];
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const quote = text[i];
    if (quote !== "'" && quote !== '"') {
      i++;
      continue;
    }
    let name = '';
    let j = i + 1;
    for (; j < text.length && text[j] !== quote; j++) {
      if (text[j] === '\\' && j + 1 < text.length) j++;
      name += text[j];
    }
    if (j >= text.length) break; // an unterminated element is not a name (the SQL pattern does not match it either)
    names.push(name);
    i = j + 1;
  }
  return names;
}

/** A quoted element: '…' or "…", where a backslash escapes the next character. */
const ELEMENT_PATTERN = `'(?:[^'\\\\]|\\\\.)*'|"(?:[^"\\\\]|\\\\.)*"`;

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * `['A', 'B']` with no backslash and no double quote anywhere: then no name holds a single quote (repr would
 * have switched to double quotes or escaped it), so the names are the text between `['` and `']` split on
 * `', '`. Most cells of the 1.2M file look like this; the match and split cost 0.4 s of CPU there against
 * 0.9 s for extracting and unescaping each element (one thread).
 */
const PLAIN_LIST_PATTERN = `\\['[^'"\\\\]*'(?:, '[^'"\\\\]*')*\\]`;

/** The names of a cell matching `plainListSql(cell)`; only valid on such cells (see PLAIN_LIST_PATTERN). */
export function plainListNamesSql(cell: string): string {
  return `string_split(${cell}[3:-3], ${sqlString("', '")})`;
}

/** True (SQL) when `cell` is a plain list literal, for which `plainListNamesSql` gives the names. */
export function plainListSql(cell: string): string {
  return `regexp_full_match(${cell}, ${sqlString(PLAIN_LIST_PATTERN)})`;
}

/** The general list-literal branch: extract quoted elements, strip their quotes, undo backslash escapes. */
export function quotedElementsSql(cell: string): string {
  const elements = `regexp_extract_all(${cell}, ${sqlString(ELEMENT_PATTERN)})`;
  return `list_transform(${elements}, x -> regexp_replace(x[2:-2], '\\\\(.)', '\\1', 'g'))`;
}

/**
 * A DuckDB SQL expression turning the VARCHAR expression `cell` into a VARCHAR[] with `parseNameList`'s
 * semantics. Plain lists take the fast branch first; tests check it equals the general one.
 */
export function nameListSql(cell: string): string {
  return (
    `CASE WHEN ${plainListSql(cell)} THEN ${plainListNamesSql(cell)} ` +
    `WHEN ${cell} IS NULL OR trim(${cell}) = '' THEN []::VARCHAR[] ` +
    `WHEN starts_with(ltrim(${cell}), '[') THEN ${quotedElementsSql(cell)} ELSE [${cell}] END`
  );
}
