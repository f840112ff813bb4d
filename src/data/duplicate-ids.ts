/** How many kept rows repeat an id seen on an earlier kept row (duplicates are counted, never dropped). */
import type { DuckDBConnection } from '@duckdb/node-api';
import { q } from './load-sql';

/**
 * Kept rows of `relation` (its `_drop` is NULL) minus distinct non-empty `_label` values among them.
 * Distinct 64-bit hashes mean distinct ids, so the hash count answers when nothing repeats (the usual case);
 * the exact count over the strings runs only when some hash does. 1.2M ids: 0.22 → 0.17 s.
 */
export async function countDuplicateIds(connection: DuckDBConnection, relation: string): Promise<number> {
  const where = `WHERE _drop IS NULL AND _label <> ''`;
  const [labels, hashes] = (
    await connection.runAndReadAll(
      `SELECT count(_label), count(DISTINCT hash(_label)) FROM ${q(relation)} ${where}`,
    )
  ).getRows()[0];
  if (labels === hashes) return 0;
  const exact = await connection.runAndReadAll(
    `SELECT count(_label) - count(DISTINCT _label) FROM ${q(relation)} ${where}`,
  );
  return Number(exact.getRows()[0][0]);
}
