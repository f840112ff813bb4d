/** Top artists / albums as horizontal bars, largest at the top, with the counting note as a caption. */
import type { TopEntities } from '../analysis/top-entities';
import { DARK_THEME, SPOTIFY_GREEN, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure } from './types';
import { wrapText } from './wrap-text';

export interface TopEntitiesFigureOptions {
  /** Figure title. Default: 'Top artists by track count' / 'Top albums by track count'. */
  title?: string;
  /** Bar colour. Default: Spotify green. */
  color?: string;
  /** Show the result's note under the chart. Default: true. */
  showNote?: boolean;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const TOP_ENTITIES_FIGURE_DEFAULTS = { color: SPOTIFY_GREEN, showNote: true, theme: DARK_THEME };

export function topEntitiesFigure(top: TopEntities, options: TopEntitiesFigureOptions = {}): Figure {
  const o = { ...TOP_ENTITIES_FIGURE_DEFAULTS, ...options };
  if (top.rows.length === 0) throw new Error(`topEntitiesFigure: no ${top.kind}s to draw`);
  // Two albums may share a title: the id keeps their bars apart on the category axis.
  const titles = top.rows.map((r) => r.name);
  const labels = top.rows.map((r) =>
    r.id !== undefined && titles.filter((t) => t === r.name).length > 1 ? `${r.name} (${r.id})` : r.name,
  );
  const title = o.title ?? `Top ${top.kind}s by track count`;
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: top.kind,
        x: top.rows.map((r) => r.tracks),
        y: labels,
        marker: { color: o.color },
        hovertemplate: `%{y}: %{x:,} tracks<extra></extra>`,
      },
    ],
    layout: themedLayout(
      title,
      {
        height: 120 + 28 * top.rows.length,
        yaxis: themedAxis(o.theme, { autorange: 'reversed', type: 'category' }),
        xaxis: themedAxis(o.theme, { title: { text: 'tracks' } }),
        margin: { l: 60, r: 24, t: 56, b: o.showNote ? 116 : 48 },
        annotations: o.showNote
          ? [
              {
                text: wrapText(
                  `${top.note} ${top.distinct.toLocaleString('en-US')} ${top.kind}s in ${top.totalTracks.toLocaleString('en-US')} tracks.`,
                  110,
                ),
                xref: 'paper',
                yref: 'paper',
                x: 0,
                y: 0,
                yshift: -58,
                xanchor: 'left',
                yanchor: 'top',
                showarrow: false,
                align: 'left',
                font: { size: 10 },
              },
            ]
          : [],
      },
      o.theme,
    ),
  };
}
