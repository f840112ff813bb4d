/**
 * The demo-data generator: a seeded, synthetic stand-in for Kaggle's "Spotify 1.2M+ Songs"
 * `tracks_features.csv`, in its exact layout, so every step of the lab runs without the real download.
 * `writeDemoCsv` streams the file; `generateDemoTracks` / `generateDemoTable` give the same rows in memory.
 */
import { createWriteStream, type WriteStream } from 'fs';
import { finished } from 'stream/promises';
import { generateDemoTracks } from './catalog';
import { DEMO_CSV_HEADER, formatDemoRow } from './csv-row';
import { planDirt, type DirtCounts } from './dirt';
import { resolveDemoOptions, type DemoOptions } from './options';

export { generateDemoTracks, type DemoTrack } from './catalog';
export { DEMO_CSV_HEADER, formatDemoRow } from './csv-row';
export { planDirt, dirtCountsFor, type DirtCounts, type DirtPlan } from './dirt';
export { generateDemoTable } from './demo-table';
export { DEMO_DEFAULTS, MAX_DEMO_ROWS, type DemoOptions } from './options';

export interface DemoReport {
  /** Always true: the rows are invented, calibrated to public aggregates; not real tracks. */
  synthetic: true;
  path: string;
  rows: number;
  seed: number;
  /** Rows planted per dirt kind (all 0 with `dirt: false`). */
  dirtyRows: DirtCounts;
  bytes: number;
}

/** Rows per write: ~1 MB strings keep the stream busy without building the whole file in memory. */
const ROWS_PER_CHUNK = 4096;

/** Resolves on 'drain', rejects on 'error' — whichever comes first, leaving no listener behind. */
function drained(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}

/** Writes `options.rows` demo rows (plus the header) to `path`, streaming; resolves when the file is closed. */
export async function writeDemoCsv(path: string, options: DemoOptions = {}): Promise<DemoReport> {
  if (typeof path !== 'string' || path === '')
    throw new Error(`writeDemoCsv expects a file path, got ${String(path)}`);
  const { rows, seed, dirt, onProgress } = resolveDemoOptions(options);
  const plan = planDirt(rows, seed, dirt);
  const out = createWriteStream(path, { encoding: 'utf8' });
  let failure: Error | null = null;
  out.on('error', (error) => (failure = error));
  const write = async (text: string): Promise<void> => {
    if (failure) throw failure;
    if (!out.write(text)) await drained(out);
  };
  try {
    await write(`${DEMO_CSV_HEADER}\n`);
    let lines: string[] = [];
    let done = 0;
    for (const track of generateDemoTracks(rows, seed, plan)) {
      lines.push(formatDemoRow(track));
      done++;
      if (lines.length === ROWS_PER_CHUNK) {
        await write(`${lines.join('\n')}\n`);
        lines = [];
        onProgress?.(done, rows);
      }
    }
    if (lines.length > 0) await write(`${lines.join('\n')}\n`);
    onProgress?.(done, rows);
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  if (failure) throw failure;
  return { synthetic: true, path, rows, seed, dirtyRows: plan.counts, bytes: out.bytesWritten };
}
