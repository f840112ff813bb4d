/**
 * Text exactly as pandas writes it: the 1.2M file was saved with `DataFrame.to_csv`, so floats are Python's
 * `repr`, list columns are the `repr` of a Python list of str, and fields are quoted like the `csv` module's
 * QUOTE_MINIMAL. Matching byte for byte lets loaders be tested on the same traps as the real file.
 */

/**
 * A float the way Python's `repr` writes it. Both languages print the shortest string that round-trips; they
 * differ only in when they switch to exponent form (Python below 1e-4 or from 1e16, JS below 1e-6 or from
 * 1e21), in the exponent's digits (`e-05` vs `e-5`) and in integral values (`4.0` vs `4`).
 */
export function pythonFloat(value: number): string {
  if ((value >= 1e-4 && value < 1e16) || (value <= -1e-4 && value > -1e16)) {
    const text = `${value}`; // not String(value): a global lookup, slow under jest's vm context
    return text.indexOf('.') < 0 ? `${text}.0` : text;
  }
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // Left: magnitudes below 1e-4 or from 1e16, which Python writes in exponent form.
  const [mantissa, exponent] = value.toExponential().split('e');
  const sign = exponent[0] === '-' ? '-' : '+';
  return `${mantissa}e${sign}${exponent.slice(1).padStart(2, '0')}`;
}

const NEEDS_ESCAPE_OR_QUOTE_CHOICE = /['"\\\x00-\x1f\x7f]/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Python's `repr` of a str: single quotes unless the text holds `'` and no `"`; backslash escapes for `\`,
 * control characters and the chosen quote; non-ASCII kept as is (Python 3 does so for printable text,
 * the only kind the generator writes).
 */
export function pythonStrRepr(text: string): string {
  if (!NEEDS_ESCAPE_OR_QUOTE_CHOICE.test(text)) return `'${text}'`;
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote) body += `\\${quote}`;
    else if (SIMPLE_ESCAPES[ch] !== undefined) body += SIMPLE_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += ch;
  }
  return quote + body + quote;
}

/** Python's `repr` of a list of str: `['A', "Guns N' Roses"]`. */
export function pythonListRepr(items: readonly string[]): string {
  return `[${items.map(pythonStrRepr).join(', ')}]`;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field as Python's csv writer (QUOTE_MINIMAL) writes it: quoted only when needed, quotes doubled. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
