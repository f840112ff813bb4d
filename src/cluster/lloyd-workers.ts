/**
 * Runs the Lloyd kernel on several threads: the main thread plus `threads − 1` worker_threads. Threads take
 * blocks one at a time from a shared atomic counter rather than fixed halves: on a busy machine a descheduled
 * thread then delays the step by one block, not by half the data. Each block writes its own partials, so the
 * result does not depend on which thread ran it. Data, labels and partials live on SharedArrayBuffers, so a
 * step sends only the k × d centers. The worker is plain JavaScript evaluated with `eval: true` and compiles the kernel from the
 * source string it is sent: it needs no TypeScript loader, so it runs the same under tsx, jest and tslab.
 */
import { Worker } from 'worker_threads';
import type { LloydKernel } from './lloyd-kernel';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const { source, data, labels, partials, rows, blocks, next, upper, lower } = workerData;
const kernel = new Function(source)();
parentPort.on('message', (centers) => {
  for (let b = Atomics.add(next, 0, 1); b < blocks; b = Atomics.add(next, 0, 1)) {
    kernel(data, centers, labels, partials, b, b + 1, rows, upper, lower);
  }
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
  /** Per-row upper and lower bounds for the bounded kernel (SharedArrayBuffers). Default: none (plain Lloyd). */
  upper?: Float64Array;
  lower?: Float64Array;
}

function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}

export function startLloydThreadPool(input: LloydThreadPoolInput): LloydThreadPool {
  const { kernel, data, labels, partials, rows, blocks, upper, lower } = input;
  if (
    !isShared(data) ||
    !isShared(labels) ||
    !isShared(partials) ||
    [upper, lower].some((b) => b !== undefined && !isShared(b))
  ) {
    throw new Error('the thread pool needs data, labels and partials on SharedArrayBuffers');
  }
  const threads = Math.max(1, Math.min(input.threads, blocks));
  /** The next block to take. */
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { source: input.kernelSource, data, labels, partials, rows, blocks, next, upper, lower },
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
      Atomics.store(next, 0, 0);
      const done = workers.map((worker) => {
        const finished = waitFor(worker);
        worker.postMessage(centers);
        return finished;
      });
      for (let b = Atomics.add(next, 0, 1); b < blocks; b = Atomics.add(next, 0, 1)) {
        kernel(data, centers, labels, partials, b, b + 1, rows, upper, lower);
      }
      await Promise.all(done);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
