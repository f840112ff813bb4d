/**
 * Runs the Lloyd kernel on several threads: the main thread plus `threads − 1` worker_threads, each owning a
 * contiguous range of blocks. Data, labels and partials live on SharedArrayBuffers, so a step sends only the
 * k × d centers. The worker is plain JavaScript evaluated with `eval: true` and compiles the kernel from the
 * source string it is sent: it needs no TypeScript loader, so it runs the same under tsx, jest and tslab.
 */
import { Worker } from 'worker_threads';
import type { LloydKernel } from './lloyd-kernel';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const { source, data, labels, partials, rows } = workerData;
const kernel = new Function(source)();
parentPort.on('message', (m) => {
  kernel(data, m.centers, labels, partials, m.blockStart, m.blockEnd, rows);
  parentPort.postMessage(0);
});
`;

export interface LloydThreadPool {
  /** Runs one assignment pass over every block against `centers`. */
  run(centers: Float64Array): Promise<void>;
  /** Stops the workers. */
  close(): Promise<void>;
}

export interface LloydThreadPoolInput {
  kernel: LloydKernel;
  kernelSource: string;
  data: Float64Array;
  labels: Int32Array;
  partials: Float64Array;
  rows: number;
  blocks: number;
  threads: number;
}

function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

/** Splits blocks [0, blocks) into `parts` contiguous ranges of near-equal size. */
export function splitBlocks(blocks: number, parts: number): Array<[number, number]> {
  return Array.from({ length: parts }, (_, p) => [
    Math.floor((p * blocks) / parts),
    Math.floor(((p + 1) * blocks) / parts),
  ]);
}

export function startLloydThreadPool(input: LloydThreadPoolInput): LloydThreadPool {
  const { kernel, data, labels, partials, rows, blocks } = input;
  if (!isShared(data) || !isShared(labels) || !isShared(partials)) {
    throw new Error('the thread pool needs data, labels and partials on SharedArrayBuffers');
  }
  const threads = Math.max(1, Math.min(input.threads, blocks));
  const ranges = splitBlocks(blocks, threads);
  const workers = ranges.slice(1).map(
    () =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { source: input.kernelSource, data, labels, partials, rows },
      }),
  );
  let failure: Error | undefined;
  const waitFor = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const onMessage = (): void => {
        worker.off('error', onError);
        resolve();
      };
      const onError = (error: Error): void => {
        worker.off('message', onMessage);
        failure = error;
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  return {
    async run(centers) {
      if (failure) throw failure;
      const done = workers.map((worker, w) => {
        const [blockStart, blockEnd] = ranges[w + 1];
        const finished = waitFor(worker);
        worker.postMessage({ centers, blockStart, blockEnd });
        return finished;
      });
      const [mainStart, mainEnd] = ranges[0];
      kernel(data, centers, labels, partials, mainStart, mainEnd, rows);
      await Promise.all(done);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
