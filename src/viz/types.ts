/**
 * Light Plotly types for the figure builders: enough structure to catch a typo in `type` or a missing `data`,
 * without pulling in @types/plotly.js (the browser draws the figure; Node only builds its JSON).
 */

/** One Plotly trace: `type` plus any of Plotly's trace attributes. */
export interface PlotlyTrace {
  type: 'scatter' | 'scattergl' | 'bar' | 'heatmap' | 'histogram' | 'box' | 'violin' | 'pie' | 'table';
  name?: string;
  [attribute: string]: unknown;
}

/** A Plotly layout: title, axes (`xaxis`, `yaxis2`, …), annotations, and the rest. */
export type PlotlyLayout = Record<string, unknown>;

/** A figure as JSON, assignable to the notebook helper's `PlotlyFigure`. */
export interface Figure {
  data: PlotlyTrace[];
  layout: PlotlyLayout;
}
