/**
 * The lab's dark theme (src/viz/theme) as a Plotly template. Plotly.js ships no templates (Python's
 * `plotly_dark` lives in the Python package), so the dashboard and the figure exporter bring this one.
 * No DOM here: the Node-side exporters import it too.
 */
import { DARK_THEME } from '../../viz/theme';

const AXIS = { gridcolor: DARK_THEME.grid, zerolinecolor: DARK_THEME.grid, linecolor: DARK_THEME.grid };

/** Applied under each figure's own layout, so figures that bring colours keep them. */
export const DARK_TEMPLATE = {
  layout: {
    paper_bgcolor: DARK_THEME.plotBackground,
    plot_bgcolor: DARK_THEME.plotBackground,
    font: { color: DARK_THEME.text, family: '"Circular", "Segoe UI", system-ui, sans-serif' },
    colorway: [...DARK_THEME.palette],
    xaxis: AXIS,
    yaxis: AXIS,
    margin: { l: 60, r: 24, t: 48, b: 48 },
    legend: { bgcolor: 'rgba(0,0,0,0)' },
    hoverlabel: { bgcolor: '#282828' },
  },
};
