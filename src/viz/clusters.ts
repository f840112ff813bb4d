/**
 * Mood-cluster figures: the elbow (inertia and silhouette against k), the 2-D PCA map coloured by cluster with
 * profile names in the legend, and the profile heatmap (z-scores, hover in original units). Pure builders:
 * results in, Plotly {data, layout} out.
 */
import type { ClusterMap } from '../cluster/cluster-map';
import type { ElbowPoint } from '../cluster/elbow';
import type { ClusterProfile } from '../cluster/profiles';
import { DARK_THEME, seriesColor, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure, PlotlyTrace } from './types';

export interface ClusterFigureOptions {
  /** Figure title. Default: per figure ('Choosing k', 'Mood clusters — PCA map', 'Cluster profiles'). */
  title?: string;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export interface ElbowFigureOptions extends ClusterFigureOptions {
  /** k marked with a dashed line (the one used downstream); none when null. Default: 6 (the original app). */
  chosenK?: number | null;
}

export const CLUSTER_FIGURE_DEFAULTS = { theme: DARK_THEME, chosenK: 6, mapDecimals: 3 } as const;

/** Fixed decimals keep an 8k-point map's JSON small and its snapshot stable. */
function rounded(values: ArrayLike<number>, decimals: number): number[] {
  const scale = 10 ** decimals;
  return Array.from(values, (v) => Math.round(v * scale) / scale);
}

export function elbowFigure(points: readonly ElbowPoint[], options: ElbowFigureOptions = {}): Figure {
  if (points.length === 0) throw new Error('elbow figure: expected at least one (k, inertia) point');
  const theme = options.theme ?? CLUSTER_FIGURE_DEFAULTS.theme;
  const chosenK = options.chosenK === undefined ? CLUSTER_FIGURE_DEFAULTS.chosenK : options.chosenK;
  const ks = points.map((p) => p.k);
  const data: PlotlyTrace[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'inertia',
      x: ks,
      y: points.map((p) => p.inertia),
      line: { color: seriesColor(0, theme), width: 2 },
      hovertemplate: 'k = %{x}: inertia %{y:,.0f}<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'silhouette (sample)',
      x: ks,
      y: points.map((p) => p.silhouette),
      yaxis: 'y2',
      line: { color: seriesColor(1, theme), width: 2, dash: 'dot' },
      hovertemplate: 'k = %{x}: silhouette %{y:.3f}<extra></extra>',
    },
  ];
  const shapes =
    chosenK !== null && ks.includes(chosenK)
      ? [
          {
            type: 'line',
            xref: 'x',
            yref: 'paper',
            x0: chosenK,
            x1: chosenK,
            y0: 0,
            y1: 1,
            line: { color: theme.text, width: 1, dash: 'dash' },
          },
        ]
      : [];
  return {
    data,
    layout: themedLayout(
      options.title ?? 'Choosing k — inertia (elbow) and silhouette',
      {
        xaxis: themedAxis(theme, { title: { text: 'k (clusters)' }, dtick: 1 }),
        yaxis: themedAxis(theme, { title: { text: 'inertia (sum of squared distances)' } }),
        yaxis2: themedAxis(theme, {
          title: { text: 'mean silhouette' },
          overlaying: 'y',
          side: 'right',
          showgrid: false,
        }),
        shapes,
      },
      theme,
    ),
  };
}

/** One trace per cluster so the legend names each mood and toggles it. */
export function clusterMapFigure(
  map: ClusterMap,
  profiles: readonly ClusterProfile[],
  options: ClusterFigureOptions = {},
): Figure {
  const theme = options.theme ?? CLUSTER_FIGURE_DEFAULTS.theme;
  const byCluster = new Map(profiles.map((p) => [p.cluster, p]));
  const clusters = Array.from(new Set(map.cluster)).sort((a, b) => a - b);
  const data: PlotlyTrace[] = clusters.map((c) => {
    const profile = byCluster.get(c);
    if (!profile) throw new Error(`cluster map figure: no profile for cluster ${c}`);
    const idx = Array.from(map.cluster.keys()).filter((i) => map.cluster[i] === c);
    return {
      type: 'scatter',
      mode: 'markers',
      name: `${c + 1}: ${profile.name} (${(profile.share * 100).toFixed(1)}%)`,
      x: rounded(
        idx.map((i) => map.x[i]),
        CLUSTER_FIGURE_DEFAULTS.mapDecimals,
      ),
      y: rounded(
        idx.map((i) => map.y[i]),
        CLUSTER_FIGURE_DEFAULTS.mapDecimals,
      ),
      marker: { color: seriesColor(c, theme), size: 4, opacity: 0.6 },
      hovertemplate: `${profile.name}<br>PC1 %{x:.2f}, PC2 %{y:.2f}<extra>cluster ${c + 1}</extra>`,
    };
  });
  const axisTitle = (i: number) =>
    `PC${i + 1} (${(map.explainedVarianceRatio[i] * 100).toFixed(1)}% of variance)`;
  return {
    data,
    layout: themedLayout(
      options.title ?? `Mood clusters — PCA map of ${map.rows.length.toLocaleString('en-US')} sampled tracks`,
      {
        xaxis: themedAxis(theme, { title: { text: axisTitle(0) } }),
        yaxis: themedAxis(theme, { title: { text: axisTitle(1) } }),
        legend: { orientation: 'v', x: 1.02, y: 1 },
      },
      theme,
    ),
  };
}

/** Heatmap of centroid z-scores (rows: clusters, columns: features); hover shows original units. */
export function clusterProfileFigure(
  profiles: readonly ClusterProfile[],
  options: ClusterFigureOptions = {},
): Figure {
  if (profiles.length === 0) throw new Error('cluster profile figure: expected at least one profile');
  const theme = options.theme ?? CLUSTER_FIGURE_DEFAULTS.theme;
  const features = Object.keys(profiles[0].z);
  const labels = profiles.map((p) => `${p.cluster + 1}: ${p.name}`);
  const z = profiles.map((p) => features.map((f) => Math.round(p.z[f] * 1000) / 1000));
  const limit = Math.max(1, ...z.flat().map(Math.abs));
  return {
    data: [
      {
        type: 'heatmap',
        x: features,
        y: labels,
        z,
        zmid: 0,
        zmin: -limit,
        zmax: limit,
        colorscale: theme.diverging,
        colorbar: { title: { text: 'z-score' } },
        text: z.map((row) => row.map((v) => v.toFixed(2))),
        texttemplate: '%{text}',
        customdata: profiles.map((p) => features.map((f) => Number(p.centroid[f].toPrecision(4)))),
        hovertemplate: '%{y}<br>%{x}: %{customdata} (z = %{z:.2f})<extra></extra>',
      },
    ],
    layout: themedLayout(
      options.title ?? 'Cluster profiles — centroid z-scores',
      {
        xaxis: themedAxis(theme, { side: 'bottom' }),
        yaxis: themedAxis(theme, { autorange: 'reversed' }),
        height: 120 + 48 * profiles.length,
      },
      theme,
    ),
  };
}
