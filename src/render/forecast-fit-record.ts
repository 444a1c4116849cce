/**
 * The machine-readable result of a forecast fit (`emerge fit --format json|csv` on a ladder): the
 * loss law, each task's method and constants with its back-test errors, the interval model, and the
 * holdout. Scores and errors are on 0–1.
 */
import type { ForecastErrors, ForecastMethod, ForecastModel, Holdout, IntervalModel, TaskForecast } from '../core/forecast/index.js';
import { conformalLevel, HOLDOUT_FORECASTERS, scoreQuantile } from '../core/forecast/index.js';
import type { ChinchillaConstants } from '../core/fit/law-objective.js';
import type { CsvCell } from './csv.js';

export interface ErrorsRecord {
  n: number;
  mae: number;
  bias: number;
  coverage: number | null;
  width: number | null;
  interval_score: number | null;
}

export interface ForecastTaskRecord {
  id: string;
  method: ForecastMethod;
  chosen_by: 'auto' | 'via';
  runs: number;
  points: number;
  /** The fixed floor (chance level); null when fitted. */
  random_baseline: number | null;
  largest_compute: number;
  law: ChinchillaConstants | null;
  two_step: { L0: number; k: number; floor: number; ceiling: number; rmse: number; converged: boolean } | null;
  one_step: { C0: number; k: number; floor: number; ceiling: number; rmse: number; converged: boolean } | null;
  backtest: { two_step: { mae: number; n: number } | null; one_step: { mae: number; n: number } | null };
}

export interface IntervalRecord {
  n: number;
  /** q of ŷ ± q·w(d) at the level. */
  q: number;
}

export interface HoldoutRecord {
  cutoff: number;
  train_runs: number;
  test_runs: number;
  tasks: ({ id: string; train_runs: number; test_runs: number; method: ForecastMethod } & Record<string, ErrorsRecord | string | number | null>)[];
  pooled: Record<string, ErrorsRecord | null>;
  predictions: { task: string; run: string; compute: number; distance_decades: number; observed: number; forecasts: Record<string, { forecast: number; lower: number | null; upper: number | null } | null> }[];
}

/**
 * The document of a forecast fit (`emerge fit --kind forecast --format json`, `fitForecast`): the
 * loss law, each task's curves (two-step through loss, one-step in compute) with their back-test
 * errors, the intervals calibrated on those errors, the origins of the rolling back-test, and the
 * optional holdout.
 */
export interface ForecastDocument {
  kind: 'forecast';
  file: string;
  rows: number;
  runs: number;
  compute_range: [number, number];
  loss: 'none' | 'shared' | 'task';
  checkpoints: boolean;
  warmup: number;
  via: string;
  level: number;
  law: ChinchillaConstants | null;
  law_fit: { runs: number; objective: number; converged: boolean; grid: string; starts: number } | null;
  intervals: { method: string; offset: number; scaled: boolean; two_step: IntervalRecord | null; one_step: IntervalRecord | null } | null;
  origins: { cutoff: number; runs: number; largest_compute: number; law_refitted: boolean }[];
  tasks: ForecastTaskRecord[];
  skipped: { id: string; reason: string }[];
  holdout: HoldoutRecord | null;
}

const constants = (c: ChinchillaConstants): ChinchillaConstants => ({ E: c.E, A: c.A, B: c.B, alpha: c.alpha, beta: c.beta });

/** The record key of each method and forecaster: two-step → two_step. */
const recordKey = (name: string): string => name.replace('-', '_');

function errorsRecord(e: ForecastErrors | undefined): ErrorsRecord | null {
  return e ? { n: e.n, mae: e.mae, bias: e.bias, coverage: e.coverage ?? null, width: e.width ?? null, interval_score: e.intervalScore ?? null } : null;
}

function intervalRecord(model: IntervalModel | undefined, level: number): IntervalRecord | null {
  return model ? { n: model.n, q: scoreQuantile(model, conformalLevel(model.n, level)) } : null;
}

function taskRecord(t: TaskForecast): ForecastTaskRecord {
  return {
    id: t.id,
    method: t.method,
    chosen_by: t.chosenBy,
    runs: t.runs,
    points: t.points,
    random_baseline: t.baseline ?? null,
    largest_compute: t.largestCompute,
    law: t.law ? constants(t.law) : null,
    two_step: t.twoStep ? { ...t.twoStep.curve, rmse: t.twoStep.rmse, converged: t.twoStep.converged } : null,
    one_step: t.oneStep ? { ...t.oneStep.curve, rmse: t.oneStep.rmse, converged: t.oneStep.converged } : null,
    backtest: { two_step: t.backtest['two-step'] ?? null, one_step: t.backtest['one-step'] ?? null },
  };
}

function holdoutRecord(h: Holdout): HoldoutRecord {
  const figures = (f: Holdout['pooled']): Record<string, ErrorsRecord | null> => Object.fromEntries(HOLDOUT_FORECASTERS.map((who) => [recordKey(who), errorsRecord(f[who])]));
  return {
    cutoff: h.cutoff,
    train_runs: h.trainRuns,
    test_runs: h.testRuns,
    tasks: h.tasks.map((t) => ({ id: t.id, train_runs: t.trainRuns, test_runs: t.testRuns, method: t.method, ...figures(t.figures) })),
    pooled: figures(h.pooled),
    predictions: h.predictions.map((p) => ({
      task: p.task,
      run: p.run,
      compute: p.compute,
      distance_decades: p.distance,
      observed: p.observed,
      forecasts: Object.fromEntries(HOLDOUT_FORECASTERS.map((who) => {
        const f = p.forecasts[who];
        return [recordKey(who), f ? { forecast: f.forecast, lower: f.lower ?? null, upper: f.upper ?? null } : null];
      })),
    })),
  };
}

export interface ForecastFitContext {
  file: string;
  rows: number;
  /** Finished runs fitted, and the range of their compute. */
  runs: number;
  computeRange: [number, number];
  checkpoints: boolean;
  via: string;
  gridName: string;
}

export function forecastDocument(model: ForecastModel, holdout: Holdout | undefined, context: ForecastFitContext): ForecastDocument {
  const intervalsPresent = Object.keys(model.intervals).length > 0;
  return {
    kind: 'forecast',
    file: context.file,
    rows: context.rows,
    runs: context.runs,
    compute_range: context.computeRange,
    loss: model.lossScope,
    checkpoints: context.checkpoints,
    warmup: model.warmup,
    via: context.via,
    level: model.level,
    law: model.law ? constants(model.law) : null,
    law_fit: model.lawFit ? { runs: model.lawFit.n, objective: model.lawFit.objective, converged: model.lawFit.converged, grid: context.gridName, starts: model.lawFit.starts } : null,
    intervals: intervalsPresent
      ? { method: 'split conformal on rolling-origin back-test errors, w(d) = sqrt(offset + max(d, 0))', offset: Object.values(model.intervals)[0]!.offset, scaled: Object.values(model.intervals)[0]!.scaled === true, two_step: intervalRecord(model.intervals['two-step'], model.level), one_step: intervalRecord(model.intervals['one-step'], model.level) }
      : null,
    origins: model.origins.map((o) => ({ cutoff: o.cutoff, runs: o.runs, largest_compute: o.largestCompute, law_refitted: o.lawRefitted })),
    tasks: model.tasks.map(taskRecord),
    skipped: model.skipped,
    holdout: holdout ? holdoutRecord(holdout) : null,
  };
}

export function forecastCsvHeader(withHoldout: boolean): string[] {
  return [
    'id', 'method', 'chosen_by', 'runs', 'points', 'random_baseline', 'largest_compute',
    'two_step_L0', 'two_step_k', 'two_step_floor', 'two_step_ceiling', 'one_step_C0', 'one_step_k', 'one_step_floor', 'one_step_ceiling',
    'backtest_mae_two_step', 'backtest_mae_one_step',
    ...(withHoldout ? ['holdout_test_runs', 'holdout_mae', 'holdout_bias', 'holdout_coverage', 'holdout_width', 'holdout_interval_score', 'holdout_mae_two_step', 'holdout_mae_one_step', 'holdout_mae_persistence'] : []),
  ];
}

export function forecastCsvRows(doc: ForecastDocument): CsvCell[][] {
  return doc.tasks.map((t) => {
    const row: CsvCell[] = [
      t.id, t.method, t.chosen_by, t.runs, t.points, t.random_baseline, t.largest_compute,
      t.two_step?.L0, t.two_step?.k, t.two_step?.floor, t.two_step?.ceiling, t.one_step?.C0, t.one_step?.k, t.one_step?.floor, t.one_step?.ceiling,
      t.backtest.two_step?.mae, t.backtest.one_step?.mae,
    ];
    if (doc.holdout) {
      const h = doc.holdout.tasks.find((x) => x.id === t.id);
      const f = (key: string): ErrorsRecord | null => (h?.[key] as ErrorsRecord | null | undefined) ?? null;
      const own = f('forecast');
      row.push(h?.test_runs, own?.mae, own?.bias, own?.coverage, own?.width, own?.interval_score, f('two_step')?.mae, f('one_step')?.mae, f('persistence')?.mae);
    }
    return row;
  });
}
