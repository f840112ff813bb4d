/**
 * CSV text for the explorer's download (RFC 4180): a field is quoted when it holds a comma, quote, CR or LF,
 * and quotes double. Artist lists are joined with "; ". Pure, so it is tested in Node.
 */
export type CsvCell = string | number | string[] | null | undefined;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value)
    ? value.join('; ')
    : typeof value === 'number'
      ? Number.isFinite(value)
        ? String(value)
        : ''
      : value;
  // A leading = + - @ would make spreadsheets run the cell as a formula; prefixing ' is OWASP's advice.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
