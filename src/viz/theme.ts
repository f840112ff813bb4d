/**
 * Shared look of every chart: Spotify green first, a dark background by default (the dashboard is dark), light
 * text. Notebooks swap in LIGHT_THEME (notebook-theme.ts): a dark chart in a white notebook glares on a projector.
 */
import type { PlotlyLayout } from './types';

export const SPOTIFY_GREEN = '#1DB954';

export interface Theme {
  background: string;
  plotBackground: string;
  text: string;
  grid: string;
  /** Series colours in order; the first is Spotify green. */
  palette: readonly string[];
  /** Diverging scale for signed values (correlations, effects): negative → neutral → positive. */
  diverging: [number, string][];
  /** Sequential scale for counts. */
  sequential: [number, string][];
}

export const DARK_THEME: Theme = {
  background: '#121212',
  plotBackground: '#181818',
  text: '#E8E8E8',
  grid: '#2E2E2E',
  palette: [
    SPOTIFY_GREEN,
    '#509BF5',
    '#F573A0',
    '#FFC864',
    '#AF2896',
    '#4B917D',
    '#F59B23',
    '#B49BC8',
    '#E8115B',
  ],
  diverging: [
    [0, '#509BF5'],
    [0.5, '#2A2A2A'],
    [1, SPOTIFY_GREEN],
  ],
  sequential: [
    [0, '#181818'],
    [1, SPOTIFY_GREEN],
  ],
};

export const LIGHT_THEME: Theme = {
  ...DARK_THEME,
  background: '#FFFFFF',
  plotBackground: '#FAFAFA',
  text: '#191414',
  grid: '#E3E3E3',
  diverging: [
    [0, '#2D6FD6'],
    [0.5, '#F4F4F4'],
    [1, '#148A3E'],
  ],
  sequential: [
    [0, '#F4F4F4'],
    [1, '#148A3E'],
  ],
};

/**
 * Fonts of every chart: Latin faces first, then Noto CJK (fonts-noto-cjk, installed by scripts/setup-system.sh)
 * so Japanese, Chinese and Korean track names draw as text, not boxes, in PNG figures and PDFs.
 */
export const FONT_FAMILY =
  'Inter, "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR", sans-serif';

/** The colour of series `i` (cycling). */
export function seriesColor(i: number, theme: Theme = DARK_THEME): string {
  return theme.palette[i % theme.palette.length];
}

/** `color` (#RRGGBB) at `alpha`, for interval bands. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (!hex) throw new Error(`withAlpha: expected a #RRGGBB colour, got '${color}'`);
  const v = parseInt(hex[1], 16);
  return `rgba(${(v >> 16) & 255}, ${(v >> 8) & 255}, ${v & 255}, ${alpha})`;
}

/** A layout with the theme's colours and fonts, `title`, and `extra` merged on top. */
export function themedLayout(
  title: string,
  extra: PlotlyLayout = {},
  theme: Theme = DARK_THEME,
): PlotlyLayout {
  const axis = { gridcolor: theme.grid, zerolinecolor: theme.grid, linecolor: theme.grid, automargin: true };
  return {
    title: { text: title, x: 0.02, xanchor: 'left' },
    paper_bgcolor: theme.background,
    plot_bgcolor: theme.plotBackground,
    font: { family: FONT_FAMILY, color: theme.text, size: 12 },
    colorway: [...theme.palette],
    margin: { l: 60, r: 24, t: 56, b: 48 },
    legend: { orientation: 'h', y: -0.12 },
    hoverlabel: { namelength: -1 },
    xaxis: axis,
    yaxis: axis,
    ...extra,
  };
}

/** Axis styling for subplot axes beyond the first (`xaxis2`, …), which themedLayout does not cover. */
export function themedAxis(
  theme: Theme = DARK_THEME,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    gridcolor: theme.grid,
    zerolinecolor: theme.grid,
    linecolor: theme.grid,
    automargin: true,
    ...extra,
  };
}
