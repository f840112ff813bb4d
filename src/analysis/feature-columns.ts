/** The plain-TS door of the analysis steps: fetch feature columns, refusing an empty table or a missing value. */
import { column, type NumericColumn, type TrackTable } from '../data/schema';

/** The columns `names` of `table`, checked: at least one row, every value a finite number. */
export function finiteColumns(
  table: TrackTable,
  names: readonly NumericColumn[],
  step: string,
): Float64Array[] {
  if (table.length === 0) throw new Error(`${step}: the table is empty; expected at least one track`);
  return names.map((name) => {
    const values = column(table, name);
    if (values.length !== table.length) {
      throw new Error(
        `${step}: column '${name}' has ${values.length} values for a table of ${table.length} rows`,
      );
    }
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new Error(
          `${step}: column '${name}' has a missing (NaN) value at row ${i}; clean the table first`,
        );
      }
    }
    return values;
  });
}

/** Throws unless `features` is a non-empty list without duplicates. */
export function assertFeatureList(features: readonly string[], step: string): void {
  if (features.length === 0) throw new Error(`${step}: expected at least one feature`);
  const seen = new Set<string>();
  for (const name of features) {
    if (seen.has(name)) throw new Error(`${step}: feature '${name}' is listed twice`);
    seen.add(name);
  }
}
