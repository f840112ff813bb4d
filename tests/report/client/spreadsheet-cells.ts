/**
 * How a spreadsheet would cut a downloaded CSV into cells, written independently of src/report/client/csv.ts
 * so the download can be judged by what a reader's spreadsheet sees, not by how it was made.
 *
 * `cells(text, separator)` splits like Excel and LibreOffice do: a field that *starts* with `"` is quoted
 * (`""` is a quote, CR/LF and separators inside are text); a quote anywhere else is an ordinary character,
 * and text after a closing quote runs on to the next separator. With `,` this is RFC 4180; with `;` or a tab
 * it is what a spreadsheet in a locale with that list separator does to a comma-separated file.
 */
export function cells(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let fieldStart = true;
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStart = true;
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (fieldStart && c === '"') {
      quoted = true;
      fieldStart = false;
      i++;
    } else if (c === separator) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStart = false;
      i++;
    }
  }
  if (!fieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Characters that make a spreadsheet evaluate a cell (OWASP's list, NUL from ASVS, full-width twins). */
const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0', '＝', '＋', '－', '＠'];
/** A bare numeric literal: a spreadsheet reads it as the number itself, nothing to call. */
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Why `cell` would not be inert in a spreadsheet, or null when it is text (or a plain number). */
export function formulaRisk(cell: string): string | null {
  if (NUMBER.test(cell)) return null;
  // Spreadsheets that trim leading spaces, or skip a stray quote, see what follows them.
  const first = [...cell].find((ch) => !/[\s"]/.test(ch) || FORMULA_LEADS.includes(ch));
  if (first === undefined || !FORMULA_LEADS.includes(first)) return null;
  return `cell ${JSON.stringify(cell)} starts a formula with ${JSON.stringify(first)}`;
}

/** Every risky cell of `text` read with `,`, `;` and tab as the separator. */
export function risksInCsv(text: string): string[] {
  const risks: string[] = [];
  for (const separator of [',', ';', '\t']) {
    for (const row of cells(text, separator)) {
      for (const cell of row) {
        const risk = formulaRisk(cell);
        if (risk) risks.push(`${JSON.stringify(separator)}: ${risk}`);
      }
    }
  }
  return risks;
}
