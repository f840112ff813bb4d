/** Small multiples: trace axis ids and layout axis keys for panel i of a rows × columns grid. */
import { themedAxis, type Theme } from './theme';

export interface Panel {
  /** For the trace: 'x', 'x2', … */
  xref: string;
  yref: string;
  /** For the layout: 'xaxis', 'xaxis2', … */
  xKey: string;
  yKey: string;
}

export function panel(i: number): Panel {
  const suffix = i === 0 ? '' : String(i + 1);
  return { xref: `x${suffix}`, yref: `y${suffix}`, xKey: `xaxis${suffix}`, yKey: `yaxis${suffix}` };
}

/**
 * Layout entries for one panel per title in a grid of `columns`: Plotly's grid, and themed axes with each
 * panel's title on its y axis.
 */
export function gridLayout(
  titles: readonly string[],
  columns: number,
  theme: Theme,
  axis: { x?: Record<string, unknown>; y?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const rows = Math.ceil(titles.length / columns);
  const layout: Record<string, unknown> = {
    grid: { rows, columns, pattern: 'independent', roworder: 'top to bottom', ygap: 0.35, xgap: 0.2 },
  };
  titles.forEach((title, i) => {
    const p = panel(i);
    layout[p.xKey] = themedAxis(theme, axis.x);
    layout[p.yKey] = themedAxis(theme, { title: { text: title, font: { size: 11 } }, ...axis.y });
  });
  return layout;
}
