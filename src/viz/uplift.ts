/** Figures of the uplift study: Qini or uplift curves per policy, and the true lift each targeting policy delivers. */
import type { PolicyAtBudget } from '../model/uplift/policy-comparison';
import type { UpliftCurves } from '../model/uplift/uplift-curves';
import { DARK_THEME, seriesColor, themedAxis, themedLayout, type Theme } from './theme';
import type { Figure, PlotlyTrace } from './types';

export interface UpliftFigureOptions {
  /** 'qini' (extra successes among the treated) or 'uplift' (extra successes had all targeted been treated). Default 'qini'. */
  kind?: 'qini' | 'uplift';
  /** Figure title. Default: 'Qini curves' / 'Uplift curves'. */
  title?: string;
  /** Colours and fonts. Default: DARK_THEME. */
  theme?: Theme;
}

export const UPLIFT_FIGURE_DEFAULTS = { kind: 'qini' as const, theme: DARK_THEME };

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** One curve per named ranking (learners, the promotion score), with the random-targeting line. */
export function upliftCurvesFigure(
  series: { name: string; curves: UpliftCurves }[],
  options: UpliftFigureOptions = {},
): Figure {
  const o = { ...UPLIFT_FIGURE_DEFAULTS, ...options };
  if (series.length === 0) throw new Error('upliftCurvesFigure: expected at least one curve');
  const data: PlotlyTrace[] = series.map(({ name, curves }, i) => {
    const y = o.kind === 'qini' ? curves.qini : curves.uplift;
    const area =
      o.kind === 'qini' ? `Qini ${curves.qiniCoefficient.toFixed(4)}` : `AUUC ${curves.auuc.toFixed(4)}`;
    return {
      type: 'scatter',
      mode: 'lines',
      name: `${name} (${area})`,
      x: curves.fraction.map((v) => round(v)),
      y: y.map((v) => round(v, 2)),
      line: { color: seriesColor(i, o.theme), width: 2 },
      hovertemplate: `${name}: %{x:.0%} targeted → %{y:,.1f}<extra></extra>`,
    };
  });
  const first = series[0].curves;
  const end = o.kind === 'qini' ? first.qini[first.qini.length - 1] : first.uplift[first.uplift.length - 1];
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: 'random targeting',
    x: [0, 1],
    y: [0, round(end, 2)],
    line: { color: '#777777', dash: 'dash', width: 1 },
    hoverinfo: 'skip',
  });
  return {
    data,
    layout: themedLayout(
      o.title ?? (o.kind === 'qini' ? 'Qini curves' : 'Uplift curves'),
      {
        height: 460,
        // Below the axis title, not on it: the default legend sits where a long x-axis title is drawn.
        legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.2, yanchor: 'top' },
        margin: { l: 60, r: 24, t: 56, b: 110 },
        xaxis: themedAxis(o.theme, {
          title: { text: 'share of tracks targeted (ranked by the policy)' },
          tickformat: '.0%',
          range: [0, 1],
        }),
        yaxis: themedAxis(o.theme, {
          title: {
            text:
              o.kind === 'qini' ? 'extra successes (Qini)' : 'extra successes if all targeted were promoted',
          },
        }),
      },
      o.theme,
    ),
  };
}

/** Grouped bars per budget: true total lift of uplift targeting, score targeting, the oracle and random picks. */
export function policyComparisonFigure(
  policies: PolicyAtBudget[],
  options: Omit<UpliftFigureOptions, 'kind'> = {},
): Figure {
  const o = { ...UPLIFT_FIGURE_DEFAULTS, ...options };
  if (policies.length === 0) throw new Error('policyComparisonFigure: expected at least one budget');
  const x = policies.map(
    (p) => `top ${Math.round(p.fraction * 1000) / 10}% (${p.k.toLocaleString('en-US')})`,
  );
  const bars: [string, keyof PolicyAtBudget][] = [
    ['target by predicted uplift', 'upliftPolicy'],
    ['target by promotion score (original app)', 'scorePolicy'],
    ['oracle (true effects)', 'oracle'],
    ['random', 'random'],
  ];
  return {
    data: bars.map(([name, key], i) => ({
      type: 'bar' as const,
      name,
      x,
      y: policies.map((p) => round(p[key] as number, 2)),
      marker: { color: seriesColor(i, o.theme) },
      customdata: policies.map((p) => round(p.overlapShare, 3)),
      hovertemplate: `${name}: %{y:,.1f} extra successes<br>overlap of the two policies: %{customdata:.0%}<extra></extra>`,
    })),
    layout: themedLayout(
      o.title ?? 'True lift delivered by each targeting policy',
      {
        barmode: 'group',
        height: 420,
        yaxis: themedAxis(o.theme, { title: { text: 'true extra successes (Σ effect)' } }),
        annotations: policies.map((p, i) => ({
          x: x[i],
          y: 1,
          yref: 'paper',
          yanchor: 'bottom',
          showarrow: false,
          font: { size: 10 },
          text: `overlap ${(p.overlapShare * 100).toFixed(0)}%`,
        })),
      },
      o.theme,
    ),
  };
}
