/**
 * Every failure of a load reaches the user as a DataError: the file, the line/column where known, what is wrong
 * and what to do. DuckDB's error class names ("Invalid Input Error", "Binder Error", …) are internal words; they
 * are removed and the message is rephrased where the cause is known.
 */
import { DataError } from './errors';

const DUCKDB_CLASS =
  /^(?:[A-Z][A-Za-z]* )*(?:Error|Exception): |^(?:Invalid Input|Binder|Conversion|Parser|Catalog|IO|Out of Memory|Internal|Not implemented|Constraint|Serialization|Dependency) Error: /;

/** `error` as a DataError about `file` (a DataError passes through). */
export function toDataError(error: unknown, file: string): DataError {
  if (error instanceof DataError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return new DataError('cannot be read (permission denied); check the file permissions', { file });
  if (code === 'ENOSPC')
    return new DataError(
      'no space left on the disk for the temporary copy; free space or set workDir to another disk',
      { file },
    );
  let message = raw;
  for (let previous = ''; previous !== message;) {
    previous = message;
    message = message.replace(DUCKDB_CLASS, '');
  }
  message = message.split('\n')[0].trim();
  const line = Number(raw.match(/\bline (\d+)/i)?.[1]) || undefined;
  if (/out of memory|memory limit/i.test(raw))
    return new DataError(
      `the file does not fit in the loader's memory limit (${message}); load fewer columns or a smaller file, or raise memoryLimit`,
      { file },
    );
  if (/encod|unicode|utf-?8/i.test(raw))
    return new DataError(
      `the text encoding could not be read (${message}); save the file as UTF-8 (in Excel: "CSV UTF-8")`,
      { file, line },
    );
  return new DataError(
    `could not be loaded: ${message}. Check that it is a CSV (or Parquet) file of tracks with a header line; if it is, this is a loader bug worth reporting with the file's first lines`,
    { file, line },
  );
}
