/**
 * k-means++ with each pass split over threads: the calling thread plus `threads − 1` workers take blocks from
 * a shared atomic counter (as the Lloyd pool does). The centers are identical to `kmeansPlusPlus` on one
 * thread: every block writes its own slots and the generator adds them up in block order.
 */
import { Worker } from 'worker_threads';
import type { FeatureMatrix } from './feature-matrix';
import {
  allocatePlusPlus,
  kmeansPlusPlus,
  kmeansPlusPlusPasses,
  localTrials,
  validatePlusPlus,
  type KMeansPlusPlusOptions,
  type KMeansPlusPlusPass,
} from './kmeans-plus-plus';
import { compileKMeansPlusPlusKernel, kmeansPlusPlusKernelSource } from './kmeans-plus-plus-kernel';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('worker_threads');
const { source, data, rows, distances, potentials, trials, blocks, next } = workerData;
const kernel = new Function(source)();
parentPort.on('message', (p) => {
  for (let b = Atomics.add(next, 0, 1); b < blocks; b = Atomics.add(next, 0, 1)) {
    kernel(data, rows, distances, potentials, trials, p.trialCount, p.current, p.first, b, b + 1);
  }
  parentPort.postMessage(0);
});
`;

export interface KMeansPlusPlusThreadOptions extends KMeansPlusPlusOptions {
  /** Threads including the calling one. Default: 2. */
  threads?: number;
}

/** `kmeansPlusPlus` on several threads; the matrix must be on a SharedArrayBuffer (else it runs on one). */
export async function kmeansPlusPlusThreaded(
  matrix: FeatureMatrix,
  k: number,
  options: KMeansPlusPlusThreadOptions = {},
): Promise<Float64Array> {
  validatePlusPlus(matrix, k);
  const buffers = allocatePlusPlus(matrix.rows, localTrials(k, options), true);
  const blocks = buffers.blockSums.length;
  const threads = Math.max(1, Math.min(options.threads ?? 2, blocks));
  if (threads === 1 || !(matrix.values.buffer instanceof SharedArrayBuffer))
    return kmeansPlusPlus(matrix, k, options);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const { rows, cols, values: data } = matrix;
  const trialCount = buffers.trials.length;
  const source = kmeansPlusPlusKernelSource(cols, trialCount);
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { source, data, rows, ...buffers, blocks, next },
      }),
  );
  const kernel = compileKMeansPlusPlusKernel(cols, trialCount);
  const finished = (worker: Worker): Promise<void> =>
    new Promise((resolve, reject) => {
      const onMessage = () => {
        worker.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  const run = async (p: KMeansPlusPlusPass): Promise<void> => {
    Atomics.store(next, 0, 0);
    const done = workers.map((worker) => {
      const f = finished(worker);
      worker.postMessage(p);
      return f;
    });
    const { distances, potentials, trials } = buffers;
    for (let b = Atomics.add(next, 0, 1); b < blocks; b = Atomics.add(next, 0, 1)) {
      kernel(data, rows, distances, potentials, trials, p.trialCount, p.current, p.first, b, b + 1);
    }
    await Promise.all(done);
  };
  try {
    const passes = kmeansPlusPlusPasses(matrix, k, options, buffers);
    for (let step = passes.next(); ; step = passes.next()) {
      if (step.done) return step.value;
      await run(step.value);
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
