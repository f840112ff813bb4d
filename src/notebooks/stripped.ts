/**
 * Notebooks live in git without outputs or execution counts: diffs stay readable, a 5 MB plotly.js copy
 * never lands in history, and no stale result poses as current. Strip in place with
 * `jupyter nbconvert --clear-output --inplace notebooks/*.ipynb`.
 */

/** What keeps a notebook (parsed .ipynb JSON) from being stripped; empty when it is. */
export function strippedProblems(notebook: unknown): string[] {
  const cells = (notebook as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) return ['not a notebook: no "cells" array'];
  const problems: string[] = [];
  cells.forEach((cell: { cell_type?: string; outputs?: unknown[]; execution_count?: unknown }, i) => {
    if (cell?.cell_type !== 'code') return;
    if (Array.isArray(cell.outputs) && cell.outputs.length > 0) {
      problems.push(`cell ${i + 1} has ${cell.outputs.length} output(s)`);
    }
    if (cell.execution_count !== null && cell.execution_count !== undefined) {
      problems.push(`cell ${i + 1} has execution_count ${String(cell.execution_count)}`);
    }
  });
  return problems;
}
