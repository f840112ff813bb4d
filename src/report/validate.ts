/**
 * Checks a DashboardInput once, at the exporter's door, with errors that name the offending path and what
 * was expected. Inside, the renderers trust the shapes.
 */
import { PAGE_KEYS, type Block, type DashboardInput } from './types';

function fail(path: string, expected: string, got: unknown): never {
  const shown =
    typeof got === 'object'
      ? Array.isArray(got)
        ? 'an array'
        : got === null
          ? 'null'
          : 'an object'
      : JSON.stringify(got);
  throw new Error(`dashboard input: ${path} must be ${expected}, got ${shown}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function validateBlock(block: Block, path: string): void {
  if (!isObject(block)) fail(path, 'a block object', block);
  switch (block.kind) {
    case 'metrics':
      if (!Array.isArray(block.cards)) fail(`${path}.cards`, 'an array of {label, value}', block.cards);
      block.cards.forEach((card, i) => {
        if (typeof card?.label !== 'string') fail(`${path}.cards[${i}].label`, 'a string', card?.label);
      });
      return;
    case 'figure':
      if (!isObject(block.figure) || !Array.isArray(block.figure.data)) {
        fail(`${path}.figure`, 'a Plotly figure {data: [...], layout}', block.figure);
      }
      return;
    case 'table':
      if (!Array.isArray(block.columns)) fail(`${path}.columns`, 'an array of column names', block.columns);
      if (!Array.isArray(block.rows)) fail(`${path}.rows`, 'an array of rows', block.rows);
      block.rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length !== block.columns.length) {
          fail(`${path}.rows[${i}]`, `an array of ${block.columns.length} cells`, row);
        }
      });
      return;
    case 'text':
      if (typeof block.text !== 'string') fail(`${path}.text`, 'a string', block.text);
      return;
    case 'row':
      if (!Array.isArray(block.blocks)) fail(`${path}.blocks`, 'an array of blocks', block.blocks);
      block.blocks.forEach((b, i) => validateBlock(b, `${path}.blocks[${i}]`));
      return;
    case 'choice':
      if (!Array.isArray(block.options) || block.options.length === 0) {
        fail(`${path}.options`, 'a non-empty array of {label, blocks}', block.options);
      }
      block.options.forEach((o, i) =>
        o.blocks.forEach((b, j) => validateBlock(b, `${path}.options[${i}].blocks[${j}]`)),
      );
      return;
    case 'trackExplorer': {
      const { columns, rows } = block.sample ?? {};
      if (!Array.isArray(columns) || !Array.isArray(rows))
        fail(`${path}.sample`, 'a TrackSample {columns, rows}', block.sample);
      rows.forEach((row, i) => {
        if (!Array.isArray(row) || row.length !== columns.length)
          fail(`${path}.sample.rows[${i}]`, `an array of ${columns.length} cells`, row);
      });
      const keys = new Set(columns.map((c) => c.key));
      for (const key of [
        ...(block.rangeFilters ?? []),
        ...(block.searchColumns ?? []),
        ...(block.yearColumn ? [block.yearColumn] : []),
      ]) {
        if (!keys.has(key))
          fail(`${path} filter column`, `one of the sample's columns (${[...keys].join(', ')})`, key);
      }
      return;
    }
    case 'trackPicker':
      if (!isObject(block.model)) fail(`${path}.model`, "a model in XGBoost's JSON format", block.model);
      if (!Array.isArray(block.featureNames))
        fail(`${path}.featureNames`, 'an array of feature names', block.featureNames);
      if (!Array.isArray(block.tracks)) fail(`${path}.tracks`, 'an array of PickerTrack', block.tracks);
      block.tracks.forEach((track, i) => {
        if (!Array.isArray(track.features) || track.features.length !== block.featureNames.length) {
          fail(
            `${path}.tracks[${i}].features`,
            `${block.featureNames.length} values (one per feature)`,
            track.features,
          );
        }
        const p = track.nativeProbability;
        if (typeof p !== 'number' || !(p >= 0 && p <= 1))
          fail(`${path}.tracks[${i}].nativeProbability`, 'a probability in [0, 1]', p);
      });
      return;
    default:
      fail(
        `${path}.kind`,
        'one of metrics, figure, table, text, row, choice, trackExplorer, trackPicker',
        (block as { kind: unknown }).kind,
      );
  }
}

export function validateDashboardInput(input: DashboardInput): void {
  if (!isObject(input)) fail('input', 'an object {meta, pages}', input);
  const { meta } = input;
  if (!isObject(meta)) fail('meta', 'an object', meta);
  if (typeof meta.title !== 'string') fail('meta.title', 'a string', meta.title);
  if (!Number.isFinite(meta.seed)) fail('meta.seed', 'a finite number', meta.seed);
  const source = meta.dataSource;
  if (!isObject(source) || (source.kind !== 'demo' && source.kind !== 'file')) {
    fail('meta.dataSource.kind', "'demo' or 'file'", source?.kind);
  }
  if (!Number.isFinite(source.rows) || !Number.isFinite(source.rowsRead)) {
    fail('meta.dataSource.rows/rowsRead', 'row counts', [source.rows, source.rowsRead]);
  }
  if (!isObject(input.pages)) fail('pages', `an object with ${PAGE_KEYS.join(', ')}`, input.pages);
  for (const key of PAGE_KEYS) {
    const page = input.pages[key];
    if (!isObject(page) || !Array.isArray(page.blocks))
      fail(`pages.${key}`, 'a page {title, blocks: [...]}', page);
    page.blocks.forEach((block, i) => validateBlock(block, `pages.${key}.blocks[${i}]`));
  }
}
