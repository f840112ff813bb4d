/**
 * What a load did, so nothing is silent: which layout and mapping, which columns were rescaled, how many rows
 * were read, rejected by the CSV reader (per error type, with the first lines) and dropped by cleaning (per rule).
 * Invariant: rowsRead = rowsKept + rowsRejected + cleaning.dropped.
 */
import { CleaningReport } from './clean';

export interface MappedColumn {
  /** Schema column. */
  column: string;
  /** Header name in the file. */
  source: string;
  /** How it was converted, when not as-is (e.g. 'percent ÷ 100', 'seconds → ms', 'm:ss → ms'). */
  note?: string;
}

/** What became of one column of the file: the report lists every one, in file order. */
export interface FileColumnReport {
  /** Position in the file (0-based). */
  index: number;
  /** Header name as written ('' for a blank cell). */
  source: string;
  /**
   * 'mapped' onto `target`; 'index' (an unnamed row index such as pandas' `Unnamed: 0`, dropped); 'duplicate'
   * (would map to `target`, which another column already supplies); 'unusable' (maps to `target` but its values
   * are not in a unit the lab can convert, see `note`); 'unused' (no schema column).
   */
  status: 'mapped' | 'index' | 'duplicate' | 'unusable' | 'unused';
  target?: string;
  /** How it was converted or why it was not used (e.g. 'percent ÷ 100', 'm:ss → ms'). */
  note?: string;
}

export interface RejectExample {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** Source column at fault, when the reader could name it. */
  column?: string;
  /** DuckDB's error type: CAST, MISSING COLUMNS, TOO MANY COLUMNS, UNQUOTED VALUE, INVALID ENCODING, LINE SIZE OVER MAXIMUM. */
  errorType: string;
  /** The reader's message, e.g. `Could not convert string "abc" to 'DOUBLE'`. */
  message: string;
}

export interface LoadReport {
  file: string;
  format: 'csv' | 'parquet';
  /** CSV dialect used (absent for Parquet). */
  dialect?: {
    delimiter: string;
    bom: boolean;
    newline: string;
    /** The file's encoding as detected: utf-8, utf-16le, utf-16be, windows-1252 or latin-1. */
    encoding: string;
    /** The file was gzip-compressed. */
    gzip?: boolean;
    /** 1-based line of the header (> 1 when title lines come first). */
    headerLine?: number;
    /** Invalid UTF-8 sequences replaced by U+FFFD (rows kept). */
    replacedBytes?: number;
  };
  /** Detected layout name. */
  layout: string;
  mapped: MappedColumn[];
  /** Every file column: mapped to what and converted how, or why not used. */
  columns: FileColumnReport[];
  /**
   * Loaded columns that hold data from the file (derived ones included: year from release_date, duration_min,
   * release_year/month/day). Anything else is NULL in the table; steps skip or reduce on this list.
   */
  available: string[];
  /** Schema columns the file does not have. */
  notFound: string[];
  /** File columns not used. */
  extra: string[];
  /** 0–1 features found on a 0–100 scale and divided by 100. */
  percentScaled: string[];
  rowsRead: number;
  rowsKept: number;
  /** Rows the reader could not parse (counted once per row, whatever the number of errors on it). */
  rowsRejected: number;
  /** Rejected rows per error type (a row with two errors counts under each). */
  rejectedByType: Record<string, number>;
  /** The first rejected rows' errors, in line order. */
  rejectExamples: RejectExample[];
  cleaning: CleaningReport;
  /** Kept rows whose non-empty id already appeared on an earlier kept row (kept, not dropped); null when the file has no id. */
  duplicateIds: number | null;
  /** Anything else worth knowing (encoding fallback, derived year, …). */
  notes: string[];
}

/** A short human-readable summary, one fact per line. */
export function formatLoadReport(report: LoadReport): string {
  const lines = [
    `${report.file} (${report.format}${report.dialect ? `, delimiter ${JSON.stringify(report.dialect.delimiter)}, ${report.dialect.encoding}` : ''})`,
    `layout ${report.layout}: ${report.mapped.map((m) => (m.source === m.column && !m.note ? m.column : `${m.column} ← ${m.source}${m.note ? ` (${m.note})` : ''}`)).join(', ')}`,
  ];
  if (report.dialect?.headerLine && report.dialect.headerLine > 1)
    lines.push(`header on line ${report.dialect.headerLine}`);
  lines.push('file columns:');
  for (const c of report.columns) {
    const name = c.source === '' ? '""' : c.source;
    const what =
      c.status === 'mapped'
        ? `→ ${c.target}${c.note ? ` (${c.note})` : ''}`
        : c.status === 'unused'
          ? '→ unused'
          : `→ not used: ${c.note}`;
    lines.push(`  ${name} ${what}`);
  }
  if (report.notFound.length) lines.push(`not in file: ${report.notFound.join(', ')}`);
  if (report.percentScaled.length) lines.push(`percent-scaled (÷ 100): ${report.percentScaled.join(', ')}`);
  lines.push(
    `rows read ${report.rowsRead}, kept ${report.rowsKept}, rejected ${report.rowsRejected}, dropped by cleaning ${report.cleaning.dropped}`,
  );
  for (const [type, count] of Object.entries(report.rejectedByType))
    lines.push(`  rejected ${type}: ${count}`);
  for (const example of report.rejectExamples.slice(0, 5)) {
    lines.push(
      `    line ${example.line}${example.column ? ` column '${example.column}'` : ''}: ${example.message}`,
    );
  }
  for (const [reason, count] of Object.entries(report.cleaning.byReason))
    lines.push(`  dropped ${reason}: ${count}`);
  if (report.duplicateIds) lines.push(`duplicated ids (kept): ${report.duplicateIds}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}
