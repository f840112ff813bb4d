/**
 * The one error type of the data layer: a problem with an input file that the user can fix, located as
 * precisely as the reader allows (file, 1-based line, column name) and saying what was expected.
 */
export class DataError extends Error {
  /** The file that could not be used. */
  readonly file: string;
  /** 1-based source line, when the problem is on one line. */
  readonly line?: number;
  /** The column (source header name) at fault, when there is one. */
  readonly column?: string;

  constructor(message: string, location: { file: string; line?: number; column?: string }) {
    const where = [
      location.file,
      location.line !== undefined ? `line ${location.line}` : '',
      location.column ? `column '${location.column}'` : '',
    ]
      .filter(Boolean)
      .join(', ');
    super(`${where}: ${message}`);
    this.name = 'DataError';
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
  }
}
