/**
 * The Home page's account of the run: which data (real or demo), how many rows, what cleaning dropped and
 * why, and how to reproduce it (command, seed, versions, date). Built from `meta`, so it cannot be left out.
 */
import type { Block, DashboardMeta } from './types';

export function provenanceBlocks(meta: DashboardMeta): Block[] {
  const { dataSource } = meta;
  const dropped = dataSource.rowsRead - dataSource.rows;
  const drops = Object.entries(dataSource.dropsByReason);
  return [
    {
      kind: 'metrics',
      cards: [
        { label: 'Data source', value: dataSource.kind === 'demo' ? 'Demo (generated)' : 'Real file' },
        { label: 'Rows read', value: dataSource.rowsRead },
        { label: 'Rows kept', value: dataSource.rows },
        {
          label: 'Rows dropped',
          value: dropped,
          note: `${((100 * dropped) / Math.max(1, dataSource.rowsRead)).toFixed(2)} % of rows read`,
        },
      ],
    },
    {
      kind: 'row',
      blocks: [
        {
          kind: 'table',
          title: 'Drops by reason',
          columns: ['Reason', 'Rows'],
          rows: drops.length > 0 ? drops : [['(none)', 0]],
        },
        {
          kind: 'table',
          title: 'How this was produced',
          columns: ['Item', 'Value'],
          rows: [
            ['Command', meta.command],
            ['Seed', meta.seed],
            ['Date', meta.date],
            ['Data file', dataSource.path],
            ...Object.entries(meta.versions).map(([tool, version]): [string, string] => [tool, version]),
          ],
        },
      ],
    },
  ];
}
