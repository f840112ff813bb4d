import { validateDashboardInput } from '../../src/report/validate';
import type { DashboardInput } from '../../src/report/types';
import { dashboardFixture } from '../helpers/dashboard-input';

const clone = (): DashboardInput => JSON.parse(JSON.stringify(dashboardFixture().input));

test('the fixture is valid', () => {
  expect(() => validateDashboardInput(dashboardFixture().input)).not.toThrow();
});

test('errors name the path and what was expected', () => {
  const missing = clone() as unknown as { pages: Record<string, unknown> };
  delete missing.pages.clusters;
  expect(() => validateDashboardInput(missing as unknown as DashboardInput)).toThrow(
    'pages.clusters must be a page {title, blocks: [...]}',
  );

  const table = clone();
  table.pages.global.blocks.push({ kind: 'table', columns: ['a', 'b'], rows: [[1]] });
  expect(() => validateDashboardInput(table)).toThrow(
    'pages.global.blocks[3].rows[0] must be an array of 2 cells',
  );

  const picker = clone();
  const block = picker.pages.model.blocks[1];
  if (block.kind !== 'trackPicker') throw new Error('fixture changed');
  block.tracks[0].nativeProbability = 1.5;
  expect(() => validateDashboardInput(picker)).toThrow(
    'nativeProbability must be a probability in [0, 1], got 1.5',
  );

  const kind = clone();
  (kind.pages.home.blocks as unknown[]).push({ kind: 'video' });
  expect(() => validateDashboardInput(kind)).toThrow(/kind must be one of metrics, figure/);

  const filter = clone();
  const explorer = filter.pages.explorer.blocks[0];
  if (explorer.kind !== 'trackExplorer') throw new Error('fixture changed');
  explorer.rangeFilters = ['popularity'];
  expect(() => validateDashboardInput(filter)).toThrow(/one of the sample's columns .* got "popularity"/);
});
