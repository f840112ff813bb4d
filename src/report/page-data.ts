/**
 * What one page's `assets/data-PAGE.js` holds (`window.__LAB_DATA__ = …`): its figures and widgets, referred
 * to from the HTML by index (`data-figure="3"`, `data-widget="0"`). Shared by the exporter and the browser
 * code. Data travels as a script file because browsers block fetch() from file://.
 */
import type { Figure, PageKey, TrackExplorerBlock, TrackPickerBlock } from './types';

export type WidgetData = TrackExplorerBlock | TrackPickerBlock;

export interface PageData {
  page: PageKey;
  figures: Figure[];
  widgets: WidgetData[];
}

/** The global the data script assigns. */
export const DATA_GLOBAL = '__LAB_DATA__';
