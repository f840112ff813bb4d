/**
 * The worker side of `trainInWorker`: every XGBoost call for this booster runs on this one thread (XGBoost keeps
 * per-thread state: prediction cache, last error, log callback), while the parent's event loop stays free.
 */
import { parentPort, workerData } from 'worker_threads';
import type { DenseMatrix } from './dmatrix';
import { train, type EvalHistory, type RoundInfo, type TrainSettings } from './train';

/** What the parent sends (transferred, not copied, where the buffers allow it). */
export interface TrainingJob {
  train: DenseMatrix;
  evals: Array<{ name: string; matrix: DenseMatrix }>;
  settings: TrainSettings;
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'round'; info: RoundInfo }
  | { type: 'done'; model: Uint8Array; history: EvalHistory; bestIteration: number; bestScore: number | null }
  | { type: 'error'; message: string };

export function runTrainingWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('train-worker must run inside a worker_threads Worker');
  const job = workerData as TrainingJob;
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(message, transfer);
  try {
    const result = train(job.train, {
      ...job.settings,
      evals: job.evals,
      onRound: (info) => post({ type: 'round', info }),
    });
    const model = result.booster.toJson();
    result.booster.free();
    post(
      {
        type: 'done',
        model,
        history: result.history,
        bestIteration: result.bestIteration,
        bestScore: result.bestScore,
      },
      [model.buffer as ArrayBuffer],
    );
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
