/**
 * The mapping report: every file column with what became of it (mapped to which schema column and how it was
 * converted, dropped as a row index, a second candidate for a taken column, unusable in its unit, or unused),
 * and the list of schema columns that hold data (`available`).
 */
import { AUDIO_FEATURES } from './schema';
import type { Layout, SourcedColumn } from './layouts';
import type { UnitDecision } from './units';
import type { FileColumnReport, MappedColumn } from './load-report';
import { checkMinimumColumns } from './minimum-columns';

/** Take columns whose values cannot be read in the schema's unit out of the mapping (re-checking the minimum). */
export function dropUnusable(
  layout: Layout,
  units: ReadonlyMap<SourcedColumn, UnitDecision>,
  header: readonly string[],
  file: string,
  headerLine: number,
): Layout {
  const unusable = new Set([...units.values()].filter((u) => u.unusable).map((u) => u.target));
  if (unusable.size === 0) return layout;
  const mapped = layout.mapped.filter((m) => !unusable.has(m.target));
  checkMinimumColumns(header, mapped, file, headerLine);
  return {
    ...layout,
    mapped,
    notFound: [...layout.notFound, ...unusable],
    extra: [...layout.extra, ...layout.mapped.filter((m) => unusable.has(m.target)).map((m) => m.source)],
  };
}

/** Schema columns holding data from the file, derived columns included, in `order`. */
export function availableColumns<C extends string>(mapped: ReadonlySet<string>, order: readonly C[]): C[] {
  const has = new Set(mapped);
  if (has.has('duration_ms')) has.add('duration_min');
  if (has.has('release_date'))
    ['release_year', 'release_month', 'release_day', 'year'].forEach((c) => has.add(c));
  return order.filter((c) => has.has(c));
}

/** `mapped` (one per schema column) and `columns` (one per file column) for the report. */
export function describeColumns(
  layout: Layout,
  units: ReadonlyMap<SourcedColumn, UnitDecision>,
): { mapped: MappedColumn[]; columns: FileColumnReport[] } {
  const conversion = (target: SourcedColumn) => [units.get(target)?.note ?? ''].filter(Boolean).join(', ');
  const mapped: MappedColumn[] = layout.mapped.map((m) => {
    const note = conversion(m.target);
    return note ? { column: m.target, source: m.source, note } : { column: m.target, source: m.source };
  });
  const byIndex = new Map(layout.mapped.map((m) => [m.index, m]));
  const columns: FileColumnReport[] = layout.columns.map((c) => {
    const m = byIndex.get(c.index);
    if (m) {
      const note = conversion(m.target);
      return {
        index: c.index,
        source: c.source,
        status: 'mapped',
        target: m.target,
        ...(note ? { note } : {}),
      };
    }
    const u = c.target ? units.get(c.target) : undefined;
    const primary = layout.mapped.find((x) => x.fallbacks?.some((f) => f.index === c.index));
    if (primary)
      return {
        index: c.index,
        source: c.source,
        status: 'mapped',
        target: primary.target,
        note: `used where ${primary.source} is empty`,
      };
    if (c.status === 'mapped' && u?.unusable)
      return { index: c.index, source: c.source, status: 'unusable', target: c.target, note: u.unusable };
    if (c.status === 'index')
      return { index: c.index, source: c.source, status: 'index', note: 'unnamed row index, dropped' };
    if (c.status === 'duplicate')
      return {
        index: c.index,
        source: c.source,
        status: 'duplicate',
        target: c.target,
        note: `another column already maps to ${c.target}`,
      };
    return { index: c.index, source: c.source, status: 'unused' };
  });
  return { mapped, columns };
}

/** How many of the nine audio features a mapping has (for one-line summaries). */
export function audioFeatureCount(available: readonly string[]): number {
  return AUDIO_FEATURES.filter((f) => available.includes(f)).length;
}
