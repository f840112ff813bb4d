/**
 * Steps as data: each step declares its name, its parameters (with defaults from the RunConfig), the steps it
 * reads (with the parameters it asks of them), the data columns it needs, and how to compute. The runner
 * derives every cache key from that declaration — (step, its code version, parameters, upstream keys, the
 * data's content fingerprint) — so no step writes a key by hand, and a key never holds a file path.
 *
 * Same parameters → the in-memory or on-disk result at once; new parameters → computed, then cached.
 */
import type { DiskCache } from '../util/cache';
import { stableHash } from '../util/cache';
import { shapeCheck, type Shape } from '../util/shape-check';
import type { StepReporter } from '../util/progress';
import type { RunConfig } from './config';
import { StepSkipped } from './requirements';

/** Bump to invalidate every cached step at once (a change shared by all steps, e.g. the table's contract). */
export const REGISTRY_VERSION = 4;

/** What a step's compute receives besides its parameters. */
export interface StepContext<C> {
  /** Resolves an input: `input('labels', { flipRate: 0.1 })` runs (or reuses) that step with those parameters. */
  input<T>(name: string, parameters?: Record<string, unknown>): Promise<T>;
  /** Shared resources of the lab (the table, the track store, …). */
  readonly resources: C;
  /** Progress of this step (a no-op reporter when quiet). */
  readonly reporter: StepReporter;
}

export interface StepDefinition<P extends object, T, C> {
  name: string;
  /** Bump when the step's output for the same inputs changes (its code version). */
  version: number;
  /** Data columns the step needs (for src/pipeline/requirements: a step is skipped when they are missing). */
  requires?: readonly string[];
  /** Full parameters from the run configuration and what the caller gave (unknown keys are an error). */
  parameters(config: RunConfig, given: Partial<P>): P;
  /** The upstream steps this step reads, with the parameters it asks of each (part of the cache key). */
  inputs?(parameters: P): ReadonlyArray<readonly [string, Record<string, unknown>]>;
  /** 'disk': cached across processes; 'memory': cheap enough to recompute per process. */
  cache: 'disk' | 'memory';
  /** What a disk-cached value must look like to be trusted (else it is reported and recomputed). */
  shape?: Shape;
  /** Whether a computed value may be cached on disk (false: a stand-in, retried next run). Default: yes. */
  cacheable?(value: T): boolean;
  /** The progress line's label. */
  label(parameters: P): string;
  compute(parameters: P, context: StepContext<C>): Promise<T>;
  /** A one-line summary for the progress line. */
  summary?(value: T, parameters: P): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStep<C> = StepDefinition<any, any, C>;

export interface StepRunnerOptions<C> {
  steps: readonly AnyStep<C>[];
  config: RunConfig;
  /** Content fingerprint of the data (never its path). */
  fingerprint: string;
  cache: DiskCache;
  resources: C;
  progress(label: string): StepReporter;
  /** Seconds per step name (the last run of each). */
  timings: Record<string, number>;
  /**
   * Called when a disk-cached step starts computing (not when its result comes from memory or the cache).
   * Steps kept in memory only are the quick ones, computed again by every process; they are not reported.
   */
  onCompute?(step: string): void;
}

export interface StepRun<T> {
  value: T;
  key: string;
  /** 'memory': this process had it; 'disk': read from the step cache; 'computed': computed now. */
  source: 'memory' | 'disk' | 'computed';
}

export interface StepRunner {
  /** The step's full parameters for what the caller gave. */
  parameters(name: string, given?: Record<string, unknown>): Record<string, unknown>;
  /** The cache key of the step with those parameters (derived; computes nothing). */
  key(name: string, given?: Record<string, unknown>): string;
  run<T>(name: string, given?: Record<string, unknown>): Promise<StepRun<T>>;
  /** The declared steps, by name. */
  readonly steps: ReadonlyMap<string, AnyStep<unknown>>;
}

export function createStepRunner<C>(options: StepRunnerOptions<C>): StepRunner {
  const steps = new Map(options.steps.map((s) => [s.name, s]));
  if (steps.size !== options.steps.length) throw new Error('two steps share a name');
  const memo = new Map<string, Promise<unknown>>();

  const step = (name: string): AnyStep<C> => {
    const s = steps.get(name);
    if (!s) throw new Error(`no step '${name}'; steps: ${[...steps.keys()].join(', ')}`);
    return s;
  };
  const parameters = (name: string, given: Record<string, unknown> = {}) => {
    for (const [k, v] of Object.entries(given)) if (v === undefined) delete given[k];
    return step(name).parameters(options.config, given) as Record<string, unknown>;
  };
  const keyOf = (name: string, full: Record<string, unknown>, seen: string[]): string => {
    if (seen.includes(name)) throw new Error(`steps form a cycle: ${[...seen, name].join(' → ')}`);
    const s = step(name);
    const inputs = (s.inputs?.(full) ?? []).map(
      ([input, asked]) => [input, keyOf(input, parameters(input, { ...asked }), [...seen, name])] as const,
    );
    return stableHash({
      registry: REGISTRY_VERSION,
      step: name,
      version: s.version,
      parameters: full,
      inputs,
      data: options.fingerprint,
    });
  };

  const runner: StepRunner = {
    steps: steps as ReadonlyMap<string, AnyStep<unknown>>,
    parameters,
    key: (name, given = {}) => keyOf(name, parameters(name, { ...given }), []),
    run: async <T>(name: string, given: Record<string, unknown> = {}): Promise<StepRun<T>> => {
      const s = step(name);
      const full = parameters(name, { ...given });
      const key = keyOf(name, full, []);
      const cached = memo.get(key) as Promise<StepRun<T>> | undefined;
      if (cached) return { ...(await cached), source: 'memory' };
      const pending = (async (): Promise<StepRun<T>> => {
        const reporter = options.progress(s.label(full));
        const context: StepContext<C> = {
          input: async <U>(input: string, asked: Record<string, unknown> = {}) =>
            (await runner.run<U>(input, asked)).value,
          resources: options.resources,
          reporter,
        };
        let value: T;
        let source: StepRun<T>['source'] = 'computed';
        const compute = () => {
          if (s.cache === 'disk') options.onCompute?.(name);
          return s.compute(full, context) as Promise<T>;
        };
        try {
          if (s.cache === 'disk') {
            const got = await options.cache.getOrCompute(name, { key }, compute, {
              shape: s.shape && shapeCheck(s.shape),
              cacheable: s.cacheable,
            });
            value = got.value;
            if (got.hit) source = 'disk';
          } else value = await compute();
        } catch (error) {
          // A step that cannot run on this file ends its progress line with the reason (src/pipeline/requirements).
          if (error instanceof StepSkipped) reporter.finish(`skipped: ${error.reason}`);
          throw error;
        }
        const summary = s.summary ? `: ${s.summary(value, full)}` : '';
        options.timings[name] = reporter.finish(`${source === 'disk' ? 'cached' : 'computed'}${summary}`);
        return { value, key, source };
      })();
      memo.set(key, pending);
      // A failed step is not remembered: the next call (new data, fixed parameters) tries again.
      pending.catch(() => memo.delete(key));
      return pending;
    },
  };
  return runner;
}

/** Merges what a caller gave over defaults, rejecting keys the step does not take. */
export function withDefaults<P extends object>(step: string, defaults: P, given: Partial<P>): P {
  const unknown = Object.keys(given).filter((k) => !(k in defaults));
  if (unknown.length > 0)
    throw new Error(
      `${step} takes ${Object.keys(defaults).join(', ')}; got unknown parameter(s) ${unknown.join(', ')}`,
    );
  return { ...defaults, ...given };
}
