/**
 * Where notebook output goes: the running tslab kernel, or anything with the same two methods (tests).
 * A chart needs several MIME types in one `display_data` (each front end picks the richest it may show):
 * the patched tslab's `display.bundle` sends that (patches/tslab+1.0.22.patch).
 */
export interface DisplaySink {
  /** One `text/html` output. */
  html(text: string): void;
  /** One `display_data` with several MIME types (`data`) and their `metadata`. */
  bundle(data: Record<string, unknown>, metadata?: Record<string, unknown>): void;
}

type BundleDisplay = { bundle(data: Record<string, unknown>, metadata?: Record<string, unknown>): void };

/** The running kernel's display. Loaded on first use: tslab pulls in a TypeScript compiler. */
export function tslabSink(): DisplaySink {
  return {
    html(text: string): void {
      const { display } = require('tslab') as typeof import('tslab');
      guard(() => display.html(text));
    },
    bundle(data: Record<string, unknown>, metadata: Record<string, unknown> = {}): void {
      const { display } = require('tslab') as { display: Partial<BundleDisplay> };
      guard(() => {
        if (typeof display.bundle !== 'function') {
          throw new Error('this tslab has no display.bundle; run npm install to apply patches/');
        }
        display.bundle(data, metadata);
      });
    },
  };
}

function guard(send: () => void): void {
  try {
    send();
  } catch (error) {
    throw new Error(
      `show/table/metrics display output inside a tslab notebook kernel; outside one, use ` +
        `figureBundle/tableHtml/metricsHtml (${(error as Error).message})`,
    );
  }
}
