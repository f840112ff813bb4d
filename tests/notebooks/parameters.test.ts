/** Papermill-style parameters: the committed notebooks declare them; runs inject overrides after them. */
import * as fs from 'fs';
import * as path from 'path';
import {
  configParameters,
  declaredParameters,
  injectParameters,
  parametersCellIndex,
  parseSetting,
  type NotebookJson,
} from '../../src/notebooks/parameters';
import { resolveConfig } from '../../src/pipeline/config';
import { ROOT } from './run-cli';

const NOTEBOOKS = path.join(ROOT, 'notebooks');
const names = fs.readdirSync(NOTEBOOKS).filter((f) => /^\d+_.+\.ipynb$/.test(f));
const read = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, name), 'utf8')) as NotebookJson;
const text = (c: NotebookJson['cells'][number]) => (Array.isArray(c.source) ? c.source.join('') : c.source);

test('seven notebooks', () => expect(names).toHaveLength(7));

test.each(names)(
  '%s: first code cell is the parameters cell; steps are called with parameters; a try-it cell',
  (name) => {
    const nb = read(name);
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    expect(parametersCellIndex(nb)).toBe(nb.cells.indexOf(code[0]));
    expect(declaredParameters(nb).length).toBeGreaterThan(0);
    const all = code.map(text).join('\n');
    // Every declared parameter is used after the parameters cell.
    for (const p of declaredParameters(nb))
      expect(code.slice(1).map(text).join('\n')).toMatch(new RegExp(`\\b${p}\\b`));
    expect(all).toMatch(/lab\.(clusters|labels|train|models|uplift|explanation)\(\{|lab\.sql\(/);
    expect(nb.cells.some((c) => c.cell_type === 'markdown' && /\*\*Try it\.\*\*/.test(text(c)))).toBe(true);
    // Committed without outputs.
    for (const c of code) {
      expect(c.outputs).toEqual([]);
      expect(c.execution_count).toBeNull();
    }
  },
);

test('notebook 05 writes out the XGBoost call with Python names', () => {
  const all = read('05_training.ipynb').cells.map(text).join('\n');
  for (const name of [
    'xgb.DMatrix(',
    'xgb.train(params, dtrain',
    'num_boost_round',
    'evals:',
    'early_stopping_rounds',
  ])
    expect(all).toContain(name);
});

test('injection adds one injected-parameters cell after the parameters cell, only for declared names', () => {
  const nb = read('03_clustering.ipynb');
  const { notebook, injected } = injectParameters(nb, { k: 4, flipRate: 0.2 });
  expect(injected).toEqual({ k: 4 });
  const at = parametersCellIndex(notebook);
  const cell = notebook.cells[at + 1];
  expect(cell.metadata?.tags).toEqual(['injected-parameters']);
  expect(text(cell)).toContain('k = 4;');
  expect(text(cell)).toContain('Ran with k = 4');
  expect(notebook.cells).toHaveLength(nb.cells.length + 1);
  // Injecting again replaces the injected cell rather than stacking a second one.
  const twice = injectParameters(notebook, { k: 5 }).notebook;
  expect(twice.cells.filter((c) => c.metadata?.tags?.includes('injected-parameters'))).toHaveLength(1);
  expect(injectParameters(nb, { nothing: 1 }).notebook).toBe(nb);
});

test('--set values parse as JSON when they can', () => {
  expect(parseSetting('k=4')).toEqual(['k', 4]);
  expect(parseSetting('feature=acousticness')).toEqual(['feature', 'acousticness']);
  expect(parseSetting('params={"max_depth":3}')).toEqual(['params', { max_depth: 3 }]);
  expect(() => parseSetting('4')).toThrow(/name=value/);
});

test('a run configuration passes its non-default settings as notebook parameters (lab run --k 8)', () => {
  expect(configParameters(resolveConfig({ k: 8, rounds: 50 }))).toEqual({ k: 8, rounds: 50 });
  expect(configParameters(resolveConfig({}))).toEqual({});
});
