/** The loader's options, defaults and the columns a loaded table can hold (validated at the door). */
import * as fs from 'fs';
import { DataError } from './errors';
import { RAW_COLUMNS } from './schema';
import type { SourcedColumn } from './layouts';
import type { OnProgress } from '../util/progress';

/** A column of the loaded table. */
export type LoadedColumn = SourcedColumn | 'duration_min' | 'release_year' | 'release_month' | 'release_day';

export const LOADED_COLUMNS: readonly LoadedColumn[] = [
  ...RAW_COLUMNS,
  'duration_min',
  'release_year',
  'release_month',
  'release_day',
  'popularity',
  'genre',
];

export interface LoadOptions {
  /** Columns to keep in the table (memory matters at 1.2M rows). Default: all the layout provides. */
  columns?: readonly LoadedColumn[];
  /** How many rejected rows (and cleaning drops per rule) to cite in the report. Default: 20. */
  maxRejectExamples?: number;
  /**
   * 'auto' detects UTF-8 (BOM or not), UTF-16 (BOM), Windows-1252 and latin-1 (text-encoding.ts); a named
   * encoding skips detection. Default: 'auto'.
   */
  encoding?: 'auto' | 'utf-8' | 'latin-1' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  /** Where a decompressed or transcoded temporary copy goes (deleted after loading). Default: the OS temp dir. */
  workDir?: string;
  /** Force the CSV delimiter. Default: detected from the header line (',', ';', tab or '|'). */
  delimiter?: string;
  /** Table name. Default: 'tracks'. */
  relation?: string;
  /** DuckDB threads. Default: 2 (the machine's cores). */
  threads?: number;
  /** DuckDB memory limit. Default: '2GB'. */
  memoryLimit?: string;
  /** Progress of the loading scan, in percent (done of 100). */
  onProgress?: OnProgress;
}

export const LOAD_DEFAULTS = {
  maxRejectExamples: 20,
  encoding: 'auto',
  relation: 'tracks',
  threads: 2,
  memoryLimit: '2GB',
} as const;

/** Check the file and options before anything is read. */
export function validate(file: string, options: LoadOptions): void {
  if (typeof file !== 'string' || file === '')
    throw new DataError('expected a file path', { file: String(file) });
  if (!fs.existsSync(file))
    throw new DataError('file not found; expected a tracks CSV or Parquet file', { file });
  if (fs.statSync(file).isDirectory())
    throw new DataError('is a directory; expected a tracks CSV or Parquet file', { file });
  const unknown = (options.columns ?? []).filter((c) => !LOADED_COLUMNS.includes(c));
  if (unknown.length)
    throw new Error(
      `unknown column(s) ${unknown.join(', ')}; expected some of: ${LOADED_COLUMNS.join(', ')}`,
    );
  const max = options.maxRejectExamples;
  if (max !== undefined && !(Number.isInteger(max) && max >= 0))
    throw new Error(`maxRejectExamples must be an integer ≥ 0, got ${max}`);
}
