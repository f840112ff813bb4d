/**
 * What went wrong in a failed `jupyter nbconvert --execute`, read from its stderr. nbclient reports a failing
 * cell as a Python traceback ending in `CellExecutionError: An error occurred while executing the following
 * cell:` + the cell's source between dashed rules + the kernel's traceback and `ename: evalue` (which tslab
 * fills in only with patches/tslab+1.0.22.patch). Timeouts and dead kernels have their own messages.
 */

export interface NbconvertFailure {
  kind: 'cell-error' | 'timeout' | 'kernel-died' | 'other';
  /** The failing cell's source, when nbconvert printed it. */
  cellSource: string | null;
  /** Index into the `cellSources` given to the parser of the failing cell; -1 when unknown. */
  cellIndex: number;
  /** The error as the kernel reported it (traceback and `ename: evalue`), or the end of stderr. */
  errorText: string;
}

const CELL_ERROR = 'An error occurred while executing the following cell:';
/** nbclient's rule around the cell source: exactly 18 dashes (the source itself may hold dashed lines). */
const RULE = '------------------';
/** Lines of stderr kept when nothing better is recognised. */
const TAIL_LINES = 30;

/**
 * Classifies nbconvert's stderr; never throws. `cellSources` (the notebook's code cells, in order) lets it
 * cut the printed source exactly, even when the source contains dashed lines, and name the cell.
 */
export function parseNbconvertFailure(stderr: string, cellSources: readonly string[] = []): NbconvertFailure {
  const text = stderr.replace(/\r\n/g, '\n');
  const at = text.lastIndexOf(CELL_ERROR);
  if (at >= 0) {
    const after = text.slice(at + CELL_ERROR.length);
    // Longest first: a cell whose source is a prefix of another's must not steal the match.
    const candidates = cellSources.map((source, index) => ({ source, index }));
    candidates.sort((a, b) => b.source.length - a.source.length);
    for (const { source, index } of candidates) {
      const framed = `\n${RULE}\n${source}\n${RULE}\n`;
      if (after.startsWith(framed)) {
        return {
          kind: 'cell-error',
          cellSource: source,
          cellIndex: index,
          errorText: after.slice(framed.length).trim(),
        };
      }
    }
    const { source, rest } = betweenRules(after.split('\n'));
    return { kind: 'cell-error', cellSource: source, cellIndex: -1, errorText: rest.join('\n').trim() };
  }
  const timeout = /A cell timed out while it was being executed, after ([\d.]+) seconds/.exec(text);
  if (timeout) {
    const preview = text.slice(timeout.index).split('\n');
    const { source } = betweenRules(preview);
    return {
      kind: 'timeout',
      cellSource: source,
      cellIndex: source === null ? -1 : cellSources.indexOf(source),
      errorText: `cell timed out after ${timeout[1]} s (raise it with --timeout)`,
    };
  }
  if (/DeadKernelError|Kernel died/.test(text)) {
    return {
      kind: 'kernel-died',
      cellSource: null,
      cellIndex: -1,
      errorText: `the kernel died\n${tail(text)}`,
    };
  }
  return { kind: 'other', cellSource: null, cellIndex: -1, errorText: tail(text) };
}

/** The text between the first two dashed rules, and the lines after the second. */
function betweenRules(lines: string[]): { source: string | null; rest: string[] } {
  const isRule = (line: string): boolean => /^-{18,19}$/.test(line.trim());
  const first = lines.findIndex(isRule);
  if (first < 0) return { source: null, rest: lines };
  const second = lines.findIndex((l, i) => i > first && isRule(l));
  if (second < 0) return { source: null, rest: lines };
  return { source: lines.slice(first + 1, second).join('\n'), rest: lines.slice(second + 1) };
}

function tail(text: string): string {
  return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}
