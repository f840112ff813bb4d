/**
 * CSV text for the explorer's download (RFC 4180, CRLF line ends), safe to open in a spreadsheet.
 *
 * Formula injection (OWASP "CSV Injection", ASVS 1.2.10): a spreadsheet runs a cell as a formula when it
 * starts with = + - @, a tab, a CR or an LF, so a track named `=HYPERLINK("http://x","y")` would arrive as a
 * live link. Every text cell, whatever column it comes from (ids, names, albums, artist lists, the header),
 * is checked, and a `'` — which spreadsheets read as "this is text" and do not show — goes before any
 * stretch that could start a cell with such a character:
 * - at the start of the text, also behind leading spaces or double quotes (some spreadsheets skip them);
 * - after a `,` `;` tab, CR or LF inside the text: OWASP warns that a separator lets an attacker start a new
 *   cell mid-text. Quoting protects a comma-separated reading, but a spreadsheet whose locale splits on `;`
 *   or tabs honours quotes only at the start of a field, so `Artist 1; =cmd` would split there;
 * - NUL (ASVS) and the full-width ＝ ＋ － ＠ that some East-Asian set-ups normalise to ASCII count too.
 * Every text cell is also wrapped in double quotes, with quotes doubled (OWASP's alternative rule).
 *
 * Numbers: a genuine number (a finite JS number, e.g. loudness −7.2) is written as a bare numeric literal,
 * not prefixed. OWASP's blanket rule would make it the text `'-7.2`, which a spreadsheet can no longer sort,
 * sum or chart; a numeric literal cannot call a function, so it is inert as it is. Only values that are
 * numbers in the data get this: a *text* cell that merely looks like `-1` is still prefixed.
 *
 * Pure, so it is tested in Node; a browser test downloads it from the dashboard and checks every cell.
 */
export type CsvCell = string | number | readonly string[] | null | undefined;

/** Characters that make a spreadsheet evaluate a cell when they lead it. */
const FORMULA_LEADS = new Set([...'=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20']);
/** Where a spreadsheet may start a new cell inside a text (its locale's list separator, a tab, a line end). */
const SEPARATORS = new Set([',', ';', '\t', '\r', '\n']);
/** Skipped before the lead by some spreadsheets: spaces (Unicode ones too) and double quotes. */
const SKIPPED = /^[^\S\t\r\n]|^"/;

/** `text` made inert for a spreadsheet: a `'` at every cell start whose first character would run a formula. */
export function defuseFormula(text: string): string {
  let out = '';
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    if (cellStart) {
      let j = i;
      while (j < text.length && SKIPPED.test(text[j])) j++;
      // A `'` is the text marker itself: an already defused text gains nothing.
      if (j < text.length && FORMULA_LEADS.has(text[j])) out += "'";
      cellStart = false;
    }
    out += text[i];
    if (SEPARATORS.has(text[i])) cellStart = true;
  }
  return out;
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' ? value : value.join('; ');
  return quote(defuseFormula(text));
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
