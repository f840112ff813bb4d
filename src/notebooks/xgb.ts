/**
 * XGBoost in a notebook cell with Python's names, so course material translates line by line:
 *
 *   const dtrain = xgb.DMatrix(X_train, { label: y_train });           // xgb.DMatrix(X_train, label=y_train)
 *   const booster = xgb.train(params, dtrain, {                          // xgb.train(params, dtrain,
 *     num_boost_round: 100,                                              //   num_boost_round=100,
 *     evals: [[dtrain, "train"], [dvalid, "validation"]],                //   evals=[(dtrain, "train"), (dvalid, "validation")],
 *     early_stopping_rounds: 10,                                         //   early_stopping_rounds=10)
 *   });
 *   booster.best_iteration; booster.evals_result; booster.predict(dtest);
 *
 * A thin layer over src/model/xgboost (the same libxgboost Python uses); `lab.train` runs the same call with
 * the lab's split and caches the result.
 */
import type { FeatureMatrix } from '../model/features';
import {
  DMatrix as NativeDMatrix,
  train as nativeTrain,
  type Booster,
  type EvalHistory,
  type XGBoostParams,
} from '../model/xgboost';

export type { XGBoostParams };

/** A DMatrix from a feature matrix (rows × features) and its labels, like Python's `xgb.DMatrix(X, label=y)`. */
export function DMatrix(data: FeatureMatrix, options: { label?: ArrayLike<number> } = {}): NativeDMatrix {
  const labels = options.label === undefined ? undefined : Float32Array.from(options.label);
  if (labels && labels.length !== data.rows)
    throw new Error(`DMatrix: ${labels.length} labels for ${data.rows} rows`);
  return NativeDMatrix.fromDense({ data: data.data, rows: data.rows, cols: data.cols, labels });
}

export interface TrainKwargs {
  /** Boosting rounds. Default: 10 (Python's default). */
  num_boost_round?: number;
  /** [matrix, name] pairs evaluated after each round; the last one decides early stopping. Default: []. */
  evals?: Array<[NativeDMatrix, string]>;
  /** Stop when the last eval set's metric has not improved for this many rounds. Default: none. */
  early_stopping_rounds?: number;
  /** Print the eval line every this many rounds (true = every round). Default: false (a notebook shows a table). */
  verbose_eval?: boolean | number;
}

/** A trained booster with Python's result attributes. Free it with `free()` when done with it. */
export interface TrainedBooster {
  booster: Booster;
  /** Round with the best validation score (the last round without early stopping). */
  best_iteration: number;
  best_score: number | null;
  /** Metric history: set name → metric → one value per round (Python's `evals_result`). */
  evals_result: EvalHistory;
  /** Probabilities for `dmat`, using rounds up to best_iteration (Python: iteration_range=(0, best_iteration + 1)). */
  predict(dmat: NativeDMatrix): Float32Array;
  free(): void;
}

/** Python's `xgb.train(params, dtrain, num_boost_round, evals, early_stopping_rounds, verbose_eval)`. */
export function train(
  params: XGBoostParams,
  dtrain: NativeDMatrix,
  kwargs: TrainKwargs = {},
): TrainedBooster {
  const every =
    kwargs.verbose_eval === true ? 1 : typeof kwargs.verbose_eval === 'number' ? kwargs.verbose_eval : 0;
  const seed = typeof params.seed === 'number' ? params.seed : 0;
  const result = nativeTrain(dtrain, {
    params,
    rounds: kwargs.num_boost_round ?? 10,
    evals: (kwargs.evals ?? []).map(([matrix, name]) => ({ name, matrix })),
    earlyStoppingRounds: kwargs.early_stopping_rounds ?? 0,
    seed,
    onRound: every
      ? (info) => {
          if (info.round % every === 0)
            console.log(
              `[${info.round}]\t${Object.entries(info.evals)
                .flatMap(([set, m]) =>
                  Object.entries(m).map(([metric, v]) => `${set}-${metric}:${v.toFixed(5)}`),
                )
                .join('\t')}`,
            );
        }
      : undefined,
  });
  const booster = result.booster;
  return {
    booster,
    best_iteration: result.bestIteration,
    best_score: result.bestScore,
    evals_result: result.history,
    predict: (dmat) => booster.predict(dmat, { iterationEnd: result.bestIteration + 1 }),
    free: () => booster.free(),
  };
}
