import { parseDemoArgs } from '../../../src/data/demo/cli-args';
import { DEMO_DEFAULTS } from '../../../src/data/demo';

describe('parseDemoArgs', () => {
  it('reads flags and falls back to the defaults', () => {
    expect(parseDemoArgs(['--out', 'x.csv'])).toEqual({
      out: 'x.csv',
      rows: DEMO_DEFAULTS.rows,
      seed: DEMO_DEFAULTS.seed,
      dirt: true,
      quiet: false,
    });
    expect(parseDemoArgs(['--rows', '500', '--seed', '7', '--out', 'y.csv', '--clean', '--quiet'])).toEqual({
      out: 'y.csv',
      rows: 500,
      seed: 7,
      dirt: false,
      quiet: true,
    });
  });

  it('says what is wrong', () => {
    expect(() => parseDemoArgs([])).toThrow(/--out is required; usage/);
    expect(() => parseDemoArgs(['--out'])).toThrow(/--out needs a value/);
    expect(() => parseDemoArgs(['--out', 'x', '--size', '3'])).toThrow(/unknown argument '--size'/);
  });
});
