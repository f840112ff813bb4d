/**
 * The lab: every step of the pipeline behind one object, each computed once per process and cached on disk,
 * keyed by the data file's fingerprint and the step's parameters. The CLI runs all of them in order; each
 * notebook opens the same lab and asks for the steps it shows, so notebook 05 does not re-read the CSV or
 * re-cluster when notebook 03 already did.
 */
import * as path from 'path';
import { loadTracks, type LoadedTracks } from '../data/load';
import { readTrackTable, TABLE_COLUMNS } from '../data/to-table';
import type { TrackTable } from '../data/schema';
import type { TrackIdentity } from '../explain/prompt';
import { saveModel } from '../model/model-store';
import type { UpliftStudy } from '../model/uplift/uplift-study';
import { createDiskCache, fileFingerprint, type DiskCache } from '../util/cache';
import { startStep, type StepReporter } from '../util/progress';
import { streamSeed, STREAMS } from '../util/random';
import { resolveDataSource, type DataSource } from './data-source';
import { resolveLabOptions, type LabOptions, type ResolvedLabOptions } from './options';
import { computeClusters, type Clusters } from './steps/clusters';
import { computeExplanation, type Explanation } from './steps/explanation';
import { computeLabels, type Labels } from './steps/labels';
import { computeModels, type ModelStep } from './steps/model';
import { computeOverview, type Overview } from './steps/overview';
import { computeTrends, type Trends } from './steps/trends';
import { computeUplift } from './steps/uplift';

/** Bump when a step's output changes shape, so old cache files are not read. */
const CACHE_VERSION = 3;

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
  readonly options: ResolvedLabOptions;
  readonly source: DataSource;
  /** Cheap fingerprint of the data file (path, size, mtime, head and tail bytes). */
  readonly fingerprint: string;
  readonly cache: DiskCache;
  /** Seconds per step of this process (cache hits are near zero). */
  readonly timings: Record<string, number>;
  loaded(): Promise<LoadedTracks>;
  /** The cleaned tracks' numeric columns (+ explicit, popularity where present), in file order. */
  table(): Promise<TrackTable>;
  overview(): Promise<Overview>;
  trends(): Promise<Trends>;
  clusters(): Promise<Clusters>;
  labels(): Promise<Labels>;
  models(): Promise<ModelStep>;
  explanation(): Promise<Explanation>;
  uplift(): Promise<UpliftStudy>;
  /** Names, album and artists of table rows (read from DuckDB for just those rows). */
  identify(rows: readonly number[]): Promise<TrackIdentity[]>;
  /** Every column of the table rows `rows` (ascending), text included: a small TrackTable for pages. */
  rows(rows: Uint32Array): Promise<TrackTable>;
  close(): void;
}

export async function openLab(options: LabOptions = {}): Promise<Lab> {
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
  const fingerprint = fileFingerprint(source.path);
  const cache = createDiskCache({ dir: o.cacheDir, refresh: o.refresh });
  const timings: Record<string, number> = {};
  const base = { v: CACHE_VERSION, fingerprint, seed: o.seed };

  const memo = new Map<string, Promise<unknown>>();
  let rowsViews = 0;
  function once<T>(name: string, run: () => Promise<T>): Promise<T> {
    if (!memo.has(name)) memo.set(name, run());
    return memo.get(name) as Promise<T>;
  }
  /** A step: in-memory once, on disk by key, timed and reported. */
  function step<T>(
    name: string,
    label: string,
    key: unknown,
    compute: (r: StepReporter) => Promise<T>,
    summary?: (v: T) => string,
  ) {
    return once(name, async () => {
      const reporter = progress(label);
      const { value, hit } = await cache.getOrCompute(name, { ...base, key }, () => compute(reporter));
      timings[name] = reporter.finish(
        `${hit ? 'cached' : 'computed'}${summary ? `: ${summary(value)}` : ''}`,
      );
      return value;
    });
  }

  const lab: Lab = {
    options: o,
    source,
    fingerprint,
    cache,
    timings,
    loaded: () =>
      once('load', async () => {
        const reporter = progress(`load + clean ${path.basename(source.path)}`);
        const loaded = await loadTracks(source.path, { onProgress: reporter.update });
        timings.load = reporter.finish(
          `${loaded.report.rowsRead.toLocaleString('en-US')} read, ${loaded.rowCount.toLocaleString('en-US')} kept`,
        );
        return loaded;
      }),
    table: () =>
      once('table', async () => {
        const loaded = await lab.loaded();
        const reporter = progress('columns for modelling');
        const columns: string[] = [...MODEL_COLUMNS];
        if (loaded.report.mapped.some((m) => m.column === 'popularity')) columns.push('popularity');
        const table = await loaded.toTable(columns);
        timings.table = reporter.finish(
          `${table.length.toLocaleString('en-US')} rows × ${columns.length} columns`,
        );
        return table;
      }),
    overview: () => step('overview', 'overview', {}, async () => computeOverview(await lab.loaded())),
    trends: () =>
      step(
        'trends',
        'trends (DuckDB)',
        {},
        async () => computeTrends(await lab.loaded(), { hasGenre: (await lab.overview()).hasGenre }),
        (t) => `${t.yearly.periods.length} years, top artist ${t.topArtists.rows[0]?.name ?? '—'}`,
      ),
    clusters: () =>
      step(
        'clusters',
        `mood clusters (k = ${o.k})`,
        { k: o.k },
        async (r) =>
          computeClusters(await lab.table(), {
            k: o.k,
            seed: streamSeed(o.seed, STREAMS.kmeans),
            onProgress: r.update,
          }),
        (c) => c.profiles.map((p) => p.name).join(' · '),
      ),
    labels: () =>
      once('labels', async () => {
        const reporter = progress('labels');
        const labels = computeLabels(await lab.table(), { seed: o.seed, flipRate: o.flipRate });
        timings.labels = reporter.finish(
          `rule promotes ${(100 * labels.promotion.ruleBaseRate).toFixed(1)}%, ceiling AUC ${labels.ceiling.auc.toFixed(3)}`,
        );
        return labels;
      }),
    models: () =>
      once('models', async () => {
        const value = await step(
          'model',
          `promotion model (${o.rounds} rounds)`,
          { rounds: o.rounds, flipRate: o.flipRate },
          async (r) =>
            computeModels(await lab.table(), await lab.labels(), {
              seed: o.seed,
              rounds: o.rounds,
              onProgress: r.update,
            }),
          (m) =>
            `test AUC ${m.promotion.evaluation.rocAuc.toFixed(3)}${m.popularity ? `, popularity AUC ${m.popularity.evaluation.rocAuc.toFixed(3)}` : ''}`,
        );
        const dir = path.join(o.outDir, 'models');
        saveModel(dir, value.promotion);
        if (value.popularity) saveModel(dir, value.popularity, { name: 'popularity_model' });
        return value;
      }),
    explanation: () =>
      step(
        'explanation',
        'explanations (SHAP)',
        { rounds: o.rounds, flipRate: o.flipRate, offline: o.offline || !process.env.HF_TOKEN },
        async () =>
          computeExplanation(await lab.table(), (await lab.models()).promotion, {
            seed: streamSeed(o.seed, STREAMS.shap),
            offline: o.offline,
            cacheDir: o.cacheDir,
            predictor: fingerprint,
            identify: lab.identify,
          }),
        (e) =>
          `top feature ${e.importance[0]?.feature}, ${e.examples.filter((x) => x.text.source !== 'offline').length}/${e.examples.length} from an LLM`,
      ),
    uplift: () =>
      step(
        'uplift',
        'uplift study',
        { rounds: o.rounds, flipRate: o.flipRate },
        async (r) => {
          const models = await lab.models();
          return computeUplift(await lab.table(), await lab.labels(), models.promotion.allScores, {
            seed: streamSeed(o.seed, STREAMS.uplift),
            features: models.promotion.meta.features,
            onProgress: r.update,
          });
        },
        (u) =>
          u.learners
            .map(
              (l) =>
                `${l.kind} Qini ${l.curves.qiniCoefficient.toFixed(3)}${l.pehe === undefined ? '' : ` PEHE ${l.pehe.toFixed(3)}`}`,
            )
            .join(', '),
      ),
    identify: async (rows) => {
      const list = rows.map(Number);
      if (list.some((r) => !Number.isInteger(r) || r < 0))
        throw new Error(`identify expects row numbers, got ${rows.join(', ')}`);
      if (list.length === 0) return [];
      const sorted = Uint32Array.from(new Set(list)).sort();
      const picked = await lab.rows(sorted);
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
    },
    rows: async (rows) => {
      const loaded = await lab.loaded();
      for (let i = 1; i < rows.length; i++)
        if (rows[i] <= rows[i - 1]) throw new Error('rows must be ascending and distinct');
      if (rows.length > 0 && rows[rows.length - 1] >= loaded.rowCount)
        throw new Error(`row ${rows[rows.length - 1]} is past the table's ${loaded.rowCount} rows`);
      // Table row i is the i-th row in rowid order (rowids have gaps where cleaning deleted rows).
      const view = `rows_view_${++rowsViews}`;
      await loaded.connection.run(
        `CREATE OR REPLACE TEMP TABLE "${view}_pos" AS SELECT unnest([${Array.from(rows).join(',') || 'NULL'}]::BIGINT[]) AS pos`,
      );
      await loaded.connection.run(
        `CREATE OR REPLACE TEMP VIEW "${view}" AS SELECT t.* EXCLUDE (pos) FROM
           (SELECT *, row_number() OVER (ORDER BY rowid) - 1 AS pos FROM "${loaded.relation}") t
           JOIN "${view}_pos" USING (pos) ORDER BY pos`,
      );
      const has = (c: string) => loaded.report.mapped.some((m) => m.column === c);
      const columns = TABLE_COLUMNS.filter(
        (c) => (c !== 'genre' || has('genre')) && (c !== 'popularity' || has('popularity')),
      );
      return readTrackTable(loaded.connection, view, columns);
    },
    close: () => {
      const loaded = memo.get('load') as Promise<LoadedTracks> | undefined;
      void loaded?.then((l) => l.close());
    },
  };
  return lab;
}
