/**
 * Progress for long steps, on stderr so stdout stays clean for results. A TTY gets one line redrawn in place;
 * a log (CI, a pipe) gets a line per 10% so the log stays short.
 */
export type OnProgress = (done: number, total: number) => void;

export interface StepReporter {
  /** Report `done` of `total` units. */
  update: OnProgress;
  /** Close the step with a one-line summary; returns elapsed seconds. */
  finish(summary?: string): number;
}

export interface ProgressOptions {
  /** Where progress goes. Default: process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Print nothing (tests, --quiet). Default: false. */
  quiet?: boolean;
}

const BAR_WIDTH = 24;

export function startStep(label: string, options: ProgressOptions = {}): StepReporter {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const tty = Boolean(stream.isTTY);
  const started = performance.now();
  let lastDecile = -1;
  let lastDraw = 0;
  if (!quiet && !tty) stream.write(`▸ ${label} …\n`);
  return {
    update(done, total) {
      if (quiet || total <= 0) return;
      const fraction = Math.min(1, Math.max(0, done / total));
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 80 && done < total) return;
        lastDraw = now;
        const filled = Math.round(fraction * BAR_WIDTH);
        const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
        stream.write(`\r▸ ${label} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}% (${done}/${total})`);
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile > lastDecile && decile < 10) {
          lastDecile = decile;
          stream.write(`  ${label}: ${decile * 10}% (${done}/${total})\n`);
        }
      }
    },
    finish(summary) {
      const seconds = (performance.now() - started) / 1000;
      if (!quiet) {
        const line = `✓ ${label}${summary ? ` — ${summary}` : ''} (${seconds.toFixed(1)} s)`;
        stream.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
      }
      return seconds;
    },
  };
}
