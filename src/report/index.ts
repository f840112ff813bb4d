/**
 * The report room: the static Streamlit-like dashboard, standalone figure files (HTML + PNG), and one track's
 * insight page as PDF. The input model is in `types.ts`; see `exportDashboard` for the site's layout.
 *
 * @example
 * ```ts
 * import { buildTrackSample, exportDashboard } from './src/report';
 * const sample = buildTrackSample(table, { size: 5000, seed: 42, extra: { cluster: { label: 'Cluster', values: labels } } });
 * await exportDashboard({ meta, pages: { home, global, explorer: { title: 'Track Explorer',
 *   blocks: [{ kind: 'trackExplorer', sample }] }, clusters, model } }, 'reports/dashboard');
 * ```
 */
export { EXPORT_DASHBOARD_DEFAULTS, exportDashboard } from './export-dashboard';
export type { ExportDashboardOptions } from './export-dashboard';
export { EXPORT_FIGURES_DEFAULTS, exportFigures } from './export-figures';
export type { ExportFiguresOptions } from './export-figures';
export { TRACK_PDF_DEFAULTS, renderTrackPdf, trackInsightHtml } from './track-pdf';
export type { TrackInsight, TrackPdfOptions } from './track-pdf';
export { TRACK_SAMPLE_DEFAULTS, buildTrackSample } from './track-sample';
export type { ExtraColumn, TrackSampleOptions } from './track-sample';
export { validateDashboardInput } from './validate';
export { findChromium, launchChromium } from './chromium';
export { waterfallFigure } from './client/waterfall';
export { PAGE_KEYS } from './types';
export type {
  Block,
  Cell,
  ChoiceBlock,
  DashboardInput,
  DashboardMeta,
  DataSource,
  Figure,
  FigureBlock,
  MetricCard,
  MetricsBlock,
  Page,
  PageKey,
  PickerTrack,
  RowBlock,
  SampleColumn,
  TableBlock,
  TextBlock,
  TrackExplanation,
  TrackExplorerBlock,
  TrackPickerBlock,
  TrackSample,
} from './types';
