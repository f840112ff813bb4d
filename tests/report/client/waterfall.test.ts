import { waterfallFigure } from '../../../src/report/client/waterfall';

test('bars run from the base value through contributions (largest first) to the prediction', () => {
  const figure = waterfallFigure(
    ['a', 'b', 'c'],
    [1, null, 0.123456],
    { values: [0.1, -0.5, 0.2], bias: -1 },
    { maxFeatures: 2 },
  );
  const trace = figure.data[0] as { y: string[]; x: number[]; measure: string[] };
  expect(trace.y).toEqual(['base value', 'b = missing', 'c = 0.1235', '1 other features', 'prediction']);
  expect(trace.x).toEqual([-1, -0.5, 0.2, 0.1, expect.closeTo(-1.2, 12)]);
  expect(trace.measure).toEqual(['absolute', 'relative', 'relative', 'relative', 'total']);
  expect(JSON.stringify(figure.layout)).toContain('p 0.231');
});
