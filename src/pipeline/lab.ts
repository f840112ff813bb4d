/**
 * The lab: the steps of ./lab-steps behind one object, each taking its parameters where it is called.
 * Results are cached in memory and on disk under keys the registry derives (step, parameters, upstream keys,
 * data content fingerprint, code version); the cleaned tracks come from the track store, parsed once per
 * data content for every process. The CLI runs every step in order; each notebook opens the same lab.
 *
 *   const c4 = await lab.clusters({ k: 4 });                 // computed once, then cached
 *   const m = await lab.train({ rounds: 30, params: { max_depth: 3 } });
 *   const q = await lab.sql('select year, count(*) as n from tracks group by year');
 */
import * as path from 'path';
import type { LoadedTracks } from '../data/load';
import type { TrackTable } from '../data/schema';
import { TABLE_COLUMNS } from '../data/to-table';
import { cachedColumns } from '../data/column-cache';
import { putTempTable } from './temp-table';
import { openTrackStore, queryColumns, readStoredRows, type TrackStore } from '../data/track-store';
import type { TrackIdentity } from '../explain/prompt';
import { saveModel } from '../model/model-store';
import { TrainingSession } from '../model/xgboost';
import type { UpliftStudy } from '../model/uplift/uplift-study';
import { createDiskCache, type DiskCache } from '../util/cache';
import { startStep, type StepReporter } from '../util/progress';
import { resultSettings, type RunConfig } from './config';
import { resolveDataSource, type DataSource } from './data-source';
import { Frame } from './frame';
import {
  LAB_STEPS,
  type ClusterParameters,
  type ExplanationParameters,
  type LabelParameters,
  type LabResources,
  type TrainParameters,
} from './lab-steps';
import { resolveLabOptions, type LabOptions, type ResolvedLabOptions } from './options';
import { availableColumns } from './requirements';
import { createStepRunner, type StepRunner } from './registry';
import { stepTables, STEP_TABLE_NAMES, type StepTableName } from './step-tables';
import type { Clusters } from './steps/clusters';
import type { Explanation } from './steps/explanation';
import type { Labels } from './steps/labels';
import type { ModelStep, TrainedModel } from './steps/model';
import type { Overview } from './steps/overview';
import type { Scores } from './steps/scores';
import type { Trends } from './steps/trends';

/** Numeric columns the modelling steps need; text stays in DuckDB until a page needs names. */
const MODEL_COLUMNS = [
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'duration_ms',
  'duration_min',
  'time_signature',
  'year',
  'explicit',
] as const;

export interface Lab {
  /** The run configuration (every option with its value). */
  readonly options: ResolvedLabOptions;
  /** The same object as `options`, under the name the notebooks use. */
  readonly config: RunConfig;
  readonly source: DataSource;
  /** Content fingerprint of the data (from the track store). Available after `loaded()`; '' before. */
  readonly fingerprint: string;
  readonly cache: DiskCache;
  /** The step registry's runner: parameters, derived keys and cached runs of every step. */
  readonly steps: StepRunner;
  /** Seconds per step of this process (cache hits are near zero). */
  readonly timings: Record<string, number>;
  /** The cleaned tracks in DuckDB (the track store: parsed once per data content, then opened). */
  loaded(): Promise<LoadedTracks>;
  /** The cleaned tracks' numeric columns (+ explicit, popularity where present), in file order. */
  table(): Promise<TrackTable>;
  overview(): Promise<Overview>;
  trends(): Promise<Trends>;
  clusters(parameters?: Partial<ClusterParameters>): Promise<Clusters>;
  labels(parameters?: Partial<LabelParameters>): Promise<Labels>;
  /** The promotion model (and the popularity model where the data has popularity). */
  models(parameters?: Partial<TrainParameters>): Promise<ModelStep>;
  /** The promotion model trained with these parameters: `m.evaluation.rocAuc`, `m.meta`, `m.history`. */
  train(parameters?: Partial<TrainParameters>): Promise<TrainedModel>;
  /** The promotion model's probability for every table row (the model of `lab.train` with these parameters). */
  scores(parameters?: Partial<TrainParameters>): Promise<Float32Array>;
  explanation(parameters?: Partial<ExplanationParameters>): Promise<Explanation>;
  uplift(parameters?: Partial<TrainParameters>): Promise<UpliftStudy>;
  /**
   * Asks the data: SQL over `tracks` (the cleaned table; `rowid` is the row position) and the latest step
   * results of this lab as tables `clusters(row, cluster, mood)`, `labels(row, rule, label, flipped)` and
   * `scores(row, score, test)`. Returns a Frame (a table when shown, `q.plot.line({x, y})` to chart).
   */
  sql(query: string): Promise<Frame>;
  /** Names, album and artists of table rows (read from DuckDB for just those rows). */
  identify(rows: readonly number[]): Promise<TrackIdentity[]>;
  /** Every column of the table rows `rows` (ascending), text included: a small TrackTable for pages. */
  rows(rows: Uint32Array): Promise<TrackTable>;
  close(): void;
}

/**
 * How a lab runs, apart from its results: what its user may want to know as it works (side effects stay with
 * the caller), and what it keeps between calls.
 */
export interface LabHooks {
  /** Called when the lab starts computing something slow: parsing the data file, a step its cache lacks. */
  onCompute?(what: string): void;
  /**
   * Keep one training worker for all the lab's trainings, holding the binned matrices of its last two data sets
   * (TrainingSession): training again on the same labels and features with new parameters skips building,
   * sending and binning them (about 1 s at 1.2M rows, for ~35 MB kept). For notebooks, where a user retrains;
   * `close()` ends it. Default false: a worker per training, as a run that trains each model once wants.
   */
  keepTrainingData?: boolean;
  /**
   * Keep the table's columns as raw files beside the track store (../data/column-cache.ts), so the next process
   * reads them in about 0.5 s instead of 1.0-1.3 s at 1.2M rows, for ~160 MB of disk. For notebook kernels,
   * which each read the table. Default false.
   */
  columnCache?: boolean;
}

export async function openLab(options: LabOptions = {}, hooks: LabHooks = {}): Promise<Lab> {
  const o = resolveLabOptions(options);
  const progress = (label: string): StepReporter => startStep(label, { quiet: o.quiet });
  const dataStep = progress('data source');
  const source = await resolveDataSource({
    data: o.data,
    demoRows: o.demoRows,
    seed: o.seed,
    dataDir: path.join(o.outDir, 'data'),
    onProgress: dataStep.update,
  });
  dataStep.finish(source.synthetic ? `${source.origin}: ${source.path}` : source.description);
  const cache = createDiskCache({ dir: o.cacheDir, refresh: o.refresh });
  const timings: Record<string, number> = {};

  // The store is opened before the runner: cache keys hold its content fingerprint.
  const storeStep = progress(`load + clean ${path.basename(source.path)}`);
  let parsing = false;
  const store: TrackStore = await openTrackStore(source.path, {
    cacheDir: o.cacheDir,
    refresh: o.refresh,
    // Called only while the file is parsed, not when its stored table is opened.
    onProgress: (done, total) => {
      if (!parsing) hooks.onCompute?.('load');
      parsing = true;
      storeStep.update(done, total);
    },
  });
  timings.load = storeStep.finish(
    `${store.origin === 'parsed' ? 'parsed and stored' : 'opened the stored table'}: ` +
      `${store.report.rowsRead.toLocaleString('en-US')} read, ${store.rowCount.toLocaleString('en-US')} kept`,
  );

  let tablePromise: Promise<TrackTable> | null = null;
  const table = (): Promise<TrackTable> => {
    tablePromise ??= (async () => {
      const reporter = progress('columns for modelling');
      // Only the columns the file has: a step sees what is there and says what it does without the rest.
      const available = availableColumns(store);
      const columns: string[] = [...MODEL_COLUMNS, 'popularity'].filter((c) => available.includes(c));
      const t = hooks.columnCache
        ? await cachedColumns(store.file, columns, store.rowCount, () => store.toTable(columns))
        : await store.toTable(columns);
      timings.table = reporter.finish(`${t.length.toLocaleString('en-US')} rows × ${columns.length} columns`);
      return t;
    })();
    return tablePromise;
  };
  const rows = (picked: Uint32Array): Promise<TrackTable> => {
    const has = (c: string) => store.report.mapped.some((m) => m.column === c);
    const columns = TABLE_COLUMNS.filter(
      (c) => (c !== 'genre' || has('genre')) && (c !== 'popularity' || has('popularity')),
    );
    return readStoredRows(store, picked, columns);
  };
  const identify = async (wanted: readonly number[]): Promise<TrackIdentity[]> => {
    const list = wanted.map(Number);
    if (list.some((r) => !Number.isInteger(r) || r < 0))
      throw new Error(`identify expects row numbers, got ${wanted.join(', ')}`);
    if (list.length === 0) return [];
    const sorted = Uint32Array.from(new Set(list)).sort();
    const picked = await rows(sorted);
    const at = new Map(Array.from(sorted, (r, i) => [r, i]));
    return list.map((r) => {
      const i = at.get(r)!;
      return {
        id: picked.text.id?.[i] ?? '',
        name: picked.text.name?.[i] ?? '',
        album: picked.text.album?.[i] ?? '',
        artists: picked.lists.artists?.[i] ?? [],
      };
    });
  };

  let session: TrainingSession | null = null;
  const trainingSession = hooks.keepTrainingData ? () => (session ??= TrainingSession.start()) : undefined;
  const resources: LabResources = {
    store: async () => store,
    table,
    identify,
    config: o,
    trainingSession,
  };
  const steps = createStepRunner({
    steps: LAB_STEPS,
    config: o,
    fingerprint: store.fingerprint,
    cache,
    resources,
    progress,
    timings,
    onCompute: hooks.onCompute,
  });
  const run = async <T>(name: string, given: object = {}): Promise<T> =>
    (await steps.run<T>(name, { ...given })).value;

  // What lab.sql's step tables show: the parameters of the latest call of each step (defaults until then).
  const latest: Record<'clusters' | 'labels' | 'model', Record<string, unknown>> = {
    clusters: {},
    labels: {},
    model: {},
  };
  const registered = new Map<StepTableName, string>();
  let savedModelKey: string | null = null;

  const lab: Lab = {
    options: o,
    config: o,
    source,
    fingerprint: store.fingerprint,
    cache,
    steps,
    timings,
    loaded: async () => store,
    table,
    overview: () => run('overview'),
    trends: () => run('trends'),
    clusters: (p = {}) => {
      latest.clusters = { ...p };
      return run('clusters', p);
    },
    labels: (p = {}) => {
      latest.labels = { ...p };
      return run('labels', p);
    },
    models: async (p = {}) => {
      latest.model = { ...p };
      const result = await steps.run<ModelStep>('model', { ...p });
      // The run's own model (the configuration's parameters) is what models/ holds; experiments are not saved.
      if (Object.keys(p).length === 0 && savedModelKey !== result.key) {
        const dir = path.join(o.outDir, 'models');
        saveModel(dir, result.value.promotion);
        if (result.value.popularity) saveModel(dir, result.value.popularity, { name: 'popularity_model' });
        savedModelKey = result.key;
      }
      return result.value;
    },
    train: async (p = {}) => {
      latest.model = { ...p };
      return (await run<ModelStep>('model', p)).promotion;
    },
    scores: async (p = {}) => (await run<Scores>('scores', p)).promotion,
    explanation: (p = {}) => run('explanation', p),
    uplift: (p = {}) => run('uplift', p),
    sql: async (query) => {
      if (typeof query !== 'string' || query.trim() === '')
        throw new Error('lab.sql expects a SQL query string');
      for (const name of STEP_TABLE_NAMES) {
        if (!new RegExp(`\\b${name}\\b`, 'i').test(query)) continue;
        // Each table is the step of its name; `scores` with the parameters of the latest lab.train.
        const given = latest[name === 'scores' ? 'model' : name];
        const key = steps.key(name, { ...given });
        if (registered.get(name) === key) continue;
        const columns = await stepTables[name](lab, given);
        await putTempTable(store.connection, name, columns);
        registered.set(name, key);
      }
      const answer = await queryColumns(store.connection, query);
      return new Frame(answer.names, answer.types, answer.columns, query.trim());
    },
    identify,
    rows,
    close: () => {
      session?.close();
      session = null;
      store.close();
    },
  };
  return lab;
}

/** Whether two configurations give the same results (quiet/refresh aside). */
export function sameResults(a: RunConfig, b: RunConfig): boolean {
  return JSON.stringify(resultSettings(a)) === JSON.stringify(resultSettings(b));
}
