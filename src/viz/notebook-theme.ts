/**
 * Charts in a notebook follow the notebook: white paper, dark text (a dark chart in a white notebook glares on
 * a projector). The figure builders default to the dashboard's dark theme; this swaps its colours for the light
 * theme's, leaving colours a figure chose itself untouched.
 */
import { DARK_THEME, LIGHT_THEME, type Theme } from './theme';
import type { PlotlyFigure } from './figure-output';

/** `fig` with every colour of `from` replaced by its counterpart in `to` (a copy; `fig` is not changed). */
export function rethemeFigure(
  fig: PlotlyFigure,
  from: Theme = DARK_THEME,
  to: Theme = LIGHT_THEME,
): PlotlyFigure {
  const colours = new Map<string, string>();
  // Scale ends first, so the plain colours below win where a colour is in both (plotBackground = scale start).
  for (const [a, b] of [
    [from.sequential, to.sequential],
    [from.diverging, to.diverging],
  ] as const) {
    a.forEach(([, colour], i) => colours.set(colour.toLowerCase(), b[i]?.[1] ?? colour));
  }
  colours.set(from.background.toLowerCase(), to.background);
  colours.set(from.plotBackground.toLowerCase(), to.plotBackground);
  colours.set(from.text.toLowerCase(), to.text);
  colours.set(from.grid.toLowerCase(), to.grid);
  const scales: [unknown, unknown][] = [
    [from.sequential, to.sequential],
    [from.diverging, to.diverging],
  ];
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return colours.get(value.toLowerCase()) ?? value;
    if (Array.isArray(value)) {
      const scale = scales.find(([a]) => sameScale(a, value));
      if (scale) return structuredClone(scale[1]);
      return value.map(walk);
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) out[key] = walk(inner);
      return out;
    }
    return value;
  };
  return walk(fig) as PlotlyFigure;
}

/** The figure as a notebook shows it: light theme. */
export function notebookFigure(fig: PlotlyFigure): PlotlyFigure {
  return rethemeFigure(fig, DARK_THEME, LIGHT_THEME);
}

function sameScale(a: unknown, b: unknown[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  return a.every((stop, i) => {
    const other = b[i];
    return (
      Array.isArray(stop) &&
      Array.isArray(other) &&
      stop[0] === other[0] &&
      String(stop[1]).toLowerCase() === String(other[1]).toLowerCase()
    );
  });
}
