/// <reference lib="dom" />
/**
 * The dashboard's browser entry (bundled to assets/app.js): reads the page's data script, draws its figures,
 * wires choice pickers, and mounts the widgets.
 */
import { DATA_GLOBAL, type PageData } from '../page-data';
import { mountExplorer } from './explorer';
import { drawVisibleFigures } from './figures';
import { mountPicker } from './picker';

function start(): void {
  const data = (window as unknown as Record<string, PageData | undefined>)[DATA_GLOBAL];
  if (!data) throw new Error(`assets/data-*.js did not set window.${DATA_GLOBAL}`);

  document.querySelectorAll<HTMLElement>('.choice').forEach((choice) => {
    const select = choice.querySelector<HTMLSelectElement>('.choice-select');
    const panels = Array.from(choice.children).filter((c): c is HTMLElement =>
      c.classList.contains('choice-panel'),
    );
    select?.addEventListener('change', () => {
      panels.forEach((panel, i) => (panel.hidden = String(i) !== select.value));
      drawVisibleFigures(choice, data.figures);
    });
  });

  document.querySelectorAll<HTMLElement>('[data-widget]').forEach((mount) => {
    const widget = data.widgets[Number(mount.dataset.widget)];
    if (widget?.kind === 'trackExplorer') mountExplorer(mount, widget);
    else if (widget?.kind === 'trackPicker') mountPicker(mount, widget);
  });

  drawVisibleFigures(document, data.figures);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
