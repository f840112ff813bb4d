/**
 * Where notebook output goes: the running tslab kernel, or anything with the same two methods (tests).
 * tslab's public `display` sends one MIME type per message; a chart needs several in one `display_data` (each
 * front end picks the richest it may show), so bundles go through the kernel's own writer underneath it.
 */
export interface DisplaySink {
  /** One `text/html` output. */
  html(text: string): void;
  /** One `display_data` with several MIME types (`data`) and their `metadata`. */
  bundle(data: Record<string, unknown>, metadata?: Record<string, unknown>): void;
}

type WriteDisplayData = (
  content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: object },
  update: boolean,
) => void;

/** The running kernel's display. Loaded on first use: tslab pulls in a TypeScript compiler. */
export function tslabSink(): DisplaySink {
  return {
    html(text: string): void {
      const { display } = require('tslab') as typeof import('tslab');
      guard(() => display.html(text));
    },
    bundle(data: Record<string, unknown>, metadata: Record<string, unknown> = {}): void {
      const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: WriteDisplayData | null };
      guard(() => {
        if (typeof jupyter.lastWriteDisplayData !== 'function') throw new Error('Not ready');
        jupyter.lastWriteDisplayData({ data, metadata, transient: {} }, false);
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
