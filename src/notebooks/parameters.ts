/**
 * Notebook parameters, papermill's way: the first code cell, tagged `parameters`, declares them with their
 * defaults (`let k = 6;`); a run that sets some (`npm run notebooks -- --set k=4`, or `lab run --k 4`) gets a
 * cell tagged `injected-parameters` right after it that assigns the new values and prints them, so the
 * exported HTML says which parameters it ran with. The committed notebook is never changed.
 */
import { DEFAULTS, type RunConfig } from '../pipeline/config';

export type ParameterValue = string | number | boolean | null | object;

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[]; [key: string]: unknown };
  outputs?: unknown[];
  execution_count?: number | null;
  [key: string]: unknown;
}
export interface NotebookJson {
  cells: Cell[];
  [key: string]: unknown;
}

/** A cell's source as one string (nbformat allows a list of lines). */
export const sourceOf = (cell: Cell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);
const tagged = (cell: Cell, tag: string) => (cell.metadata?.tags ?? []).includes(tag);

/** The index of the cell tagged `parameters`, or −1. */
export function parametersCellIndex(notebook: NotebookJson): number {
  return notebook.cells.findIndex((c) => c.cell_type === 'code' && tagged(c, 'parameters'));
}

/** The names the parameters cell declares (`let name = …`; `const` cannot be overridden). */
export function declaredParameters(notebook: NotebookJson): string[] {
  const i = parametersCellIndex(notebook);
  if (i < 0) return [];
  return [...sourceOf(notebook.cells[i]).matchAll(/^\s*let\s+([A-Za-z_$][\w$]*)\b/gm)].map((m) => m[1]);
}

/** `name=value` → [name, value]; the value is JSON when it parses (4, 0.1, true, {"max_depth":3}), else text. */
export function parseSetting(text: string): [string, ParameterValue] {
  const eq = text.indexOf('=');
  const name = eq < 0 ? '' : text.slice(0, eq).trim();
  if (!/^[A-Za-z_$][\w$]*$/.test(name))
    throw new Error(`--set expects name=value with a parameter name such as k=4, got '${text}'`);
  const raw = text.slice(eq + 1).trim();
  try {
    return [name, JSON.parse(raw) as ParameterValue];
  } catch {
    return [name, raw];
  }
}

/** The run configuration's notebook parameters that differ from DEFAULTS (what `lab run --k 8` changes). */
export function configParameters(config: RunConfig): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const key of ['seed', 'k', 'flipRate', 'rounds'] as const)
    if (config[key] !== DEFAULTS[key]) out[key] = config[key];
  return out;
}

/**
 * The notebook with an `injected-parameters` cell after its parameters cell (replacing an earlier injected
 * cell), assigning those of `values` it declares. Returns the notebook unchanged when none applies.
 */
export function injectParameters(
  notebook: NotebookJson,
  values: Record<string, ParameterValue>,
): { notebook: NotebookJson; injected: Record<string, ParameterValue> } {
  const at = parametersCellIndex(notebook);
  const declared = new Set(declaredParameters(notebook));
  const injected = Object.fromEntries(Object.entries(values).filter(([name]) => declared.has(name)));
  if (at < 0 || Object.keys(injected).length === 0) return { notebook, injected: {} };
  const lines = Object.entries(injected).map(([name, value]) => `${name} = ${JSON.stringify(value)};`);
  const summary = Object.entries(injected)
    .map(([name, value]) => `${name} = ${JSON.stringify(value)}`)
    .join(', ');
  const cell: Cell = {
    cell_type: 'code',
    id: 'injected-parameters',
    execution_count: null,
    metadata: { tags: ['injected-parameters'] },
    outputs: [],
    source: [
      '// Injected parameters (papermill convention): this run overrides the defaults above.\n',
      ...lines.map((l) => `${l}\n`),
      `console.log(${JSON.stringify(`Ran with ${summary}`)});`,
    ],
  };
  const cells = notebook.cells.filter((c) => !tagged(c, 'injected-parameters'));
  const index = parametersCellIndex({ ...notebook, cells });
  return {
    notebook: { ...notebook, cells: [...cells.slice(0, index + 1), cell, ...cells.slice(index + 1)] },
    injected,
  };
}
