/**
 * Forecasting benchmark scores from a ladder of runs (DESIGN.md, "Forecasting benchmark scores"):
 * per task,
 *   two-step: loss(N, D) by Approach 3 (loss-laws.ts), then score(loss) (score-curves.ts) — Bhagia
 *             et al. 2024, Gadre et al. 2024;
 *   one-step: score(log10 C) (Owen 2024), the only method without a loss column;
 * with intervals calibrated on the fit's own rolling-origin back-tests (backtest.ts, intervals.ts).
 *
 * `via` chooses each task's method: `loss` (two-step) or `compute` (one-step) for every task, or
 * `auto`: the method with the lower mean absolute error over the task's back-test forecasts
 * (each origin leaves the largest runs out); ties, and tasks without back-test forecasts, go to the
 * two-step method when it exists.
 */
import { FitError } from '../../errors.js';
import { fittedLaw, MIN_RUNS, type LawFit } from '../fit/law-fit.js';
import type { StartGrid } from '../fit/law-grid.js';
import type { ChinchillaLaw } from '../scaling-law.js';
import { rollingBacktest, type BacktestError, type BacktestOrigin } from './backtest.js';
import type { ForecastSpec, TaskSpec } from './forecast.js';
import { calibrateIntervals, WIDTH_OFFSET, type IntervalModel } from './intervals.js';
import { finishedRuns, lossScope, WARMUP_FRACTION, type LadderTask, type LossScope } from './ladder.js';
import { enoughRunsForLaw, forecastGrid, inThreadLawFitter, lawRuns, type LawFitter } from './loss-laws.js';
import type { CurveFitResult, ScoreOnCompute, ScoreOnLoss } from './score-curves.js';
import { fitTaskCurves, METHODS, type ForecastMethod } from './task-curves.js';

export type Via = 'auto' | 'compute' | 'loss';

export const VIAS: readonly Via[] = ['auto', 'compute', 'loss'];

/** Interval widths: one for every task (pooled), or in proportion to each task's scatter (scaled; intervals.ts). */
export type IntervalScaling = 'pooled' | 'scaled';

export const INTERVAL_SCALINGS: readonly IntervalScaling[] = ['pooled', 'scaled'];

/** The smallest scale of a task's scaled intervals, 0.5 points: a curve through its runs exactly would otherwise give it no width. */
export const MIN_INTERVAL_SCALE = 0.005;

export const DEFAULT_LEVEL = 0.8;

export interface ForecastFitOptions {
  via: Via;
  /** Interval level 1 − α (default 0.8). */
  level: number;
  /** Starts of the loss-law fit; undefined: the default grid for its number of runs (loss-laws.ts forecastGrid). */
  grid?: StartGrid;
  warmup: number;
  /**
   * Offset d0 of the interval width w(d) = √(d0 + max(d, 0)), in decades (intervals.ts; default
   * WIDTH_OFFSET, 0.25). A larger one keeps the intervals wide inside the fitted range, where the
   * errors of observational data (models of many families) do not shrink.
   */
  intervalOffset: number;
  /** Pooled (default) or scaled intervals. */
  intervals: IntervalScaling;
  /** How to fit a law (default: in this thread). */
  fitLaw: LawFitter;
}

/** A task as forecast: its chosen method, both methods' constants where they exist, and its back-test figures. */
export interface TaskForecast {
  id: string;
  /** Chance level, the fixed floor; undefined when the floor was fitted. */
  baseline?: number;
  method: ForecastMethod;
  /** 'auto': chosen by the back-test; 'via': as --via asked. */
  chosenBy: 'auto' | 'via';
  /** The task's own loss law (loss per task); the shared law is ForecastModel.law. */
  law?: ChinchillaLaw;
  twoStep?: CurveFitResult<ScoreOnLoss>;
  oneStep?: CurveFitResult<ScoreOnCompute>;
  /** Finished runs and points (checkpoints included) fitted. */
  runs: number;
  points: number;
  /** Compute of the task's largest finished run: forecasts are `distance` decades beyond it. */
  largestCompute: number;
  /** Mean absolute back-test error of each method, and how many forecasts it is over. */
  backtest: Partial<Record<ForecastMethod, { mae: number; n: number }>>;
}

export interface ForecastModel {
  level: number;
  warmup: number;
  lossScope: LossScope;
  /** The shared loss law and its fit (loss shared by every task). */
  law?: ChinchillaLaw;
  lawFit?: LawFit;
  /** Per-task law fits (loss per task), by task id. */
  taskLawFits: Map<string, LawFit>;
  /** One interval model per method, pooled over tasks; absent when the back-tests gave no errors. */
  intervals: Partial<Record<ForecastMethod, IntervalModel>>;
  tasks: TaskForecast[];
  /** Tasks that could not be forecast, with the reason (one line each). */
  skipped: { id: string; reason: string }[];
  origins: BacktestOrigin[];
  errors: BacktestError[];
}

export const DEFAULT_FORECAST_FIT: ForecastFitOptions = { via: 'loss', level: DEFAULT_LEVEL, warmup: WARMUP_FRACTION, intervalOffset: WIDTH_OFFSET, intervals: 'pooled', fitLaw: inThreadLawFitter };

/**
 * Fits the forecast of every task (see the module comment). A task without a usable curve for the
 * method asked is skipped (listed in `skipped`, with the reason); the others are fitted.
 * @throws FitError when the shared loss law cannot be fitted (fewer than 6 runs with --via loss, or
 *   no start converging to a finite objective), or when no task can be forecast
 */
export async function fitForecast(tasks: readonly LadderTask[], options: Partial<ForecastFitOptions> = {}): Promise<ForecastModel> {
  const o: ForecastFitOptions = { ...DEFAULT_FORECAST_FIT, ...options };
  const scope = lossScope(tasks);
  if (scope === 'shared' && o.via === 'loss') {
    const runs = lawRuns(tasks.flatMap((t) => t.points)).length;
    if (runs < MIN_RUNS) throw new FitError(`the loss law needs at least ${MIN_RUNS} finished runs, and the ladder has ${runs}; --via compute forecasts from compute alone`);
  }
  // The main loss law and the first back-test refit start at once (on worker threads, when the
  // command's fitter sends them there), and this thread fits the one-step curves meanwhile.
  const main = fitMainLaws(tasks, scope, o);
  const backtests = rollingBacktest({ tasks, scope, warmup: o.warmup, fullLaw: async (key) => lawOf(await main, key), fitLaw: o.fitLaw, ...(o.grid ? { grid: o.grid } : {}) });
  const oneStep = tasks.map((task) => fitTaskCurves(task.points, undefined, task.baseline, o.warmup, ['one-step']));
  const [laws, backtest] = await Promise.all([main, backtests]);

  const fitted: TaskForecast[] = [];
  const skipped: ForecastModel['skipped'] = [];
  for (const [i, task] of tasks.entries()) {
    const law = lawOf(laws, task.id);
    const twoStep = fitTaskCurves(task.points, law, task.baseline, o.warmup, ['two-step']);
    const curves = { ...oneStep[i]!, ...twoStep, missing: { ...oneStep[i]!.missing, ...twoStep.missing } };
    const available = METHODS.filter((m) => (m === 'two-step' ? curves.twoStep : curves.oneStep) !== undefined);
    const scores = backtestMae(backtest.errors, task.id);
    const wanted: ForecastMethod | undefined = o.via === 'loss' ? 'two-step' : o.via === 'compute' ? 'one-step' : undefined;
    const method = wanted === undefined ? chooseMethod(available, scores) : available.includes(wanted) ? wanted : undefined;
    if (method === undefined) {
      const missing = wanted ?? 'two-step';
      const noLaw = scope !== 'none' && law === undefined && missing === 'two-step';
      skipped.push({ id: task.id, reason: noLaw ? `${lawRuns(task.points).length} finished runs; its loss law needs at least ${MIN_RUNS}` : curves.missing[missing] ?? curves.missing['one-step'] ?? 'no curve could be fitted' });
      continue;
    }
    const finished = finishedRuns(task.points);
    const record: TaskForecast = { id: task.id, method, chosenBy: wanted === undefined ? 'auto' : 'via', runs: finished.length, points: task.points.length, largestCompute: finished[finished.length - 1]!.compute, backtest: scores };
    if (task.baseline !== undefined) record.baseline = task.baseline;
    if (scope === 'task' && law) record.law = law;
    if (curves.twoStep) {
      const { law: _chained, ...fit } = curves.twoStep;
      record.twoStep = fit;
    }
    if (curves.oneStep) record.oneStep = curves.oneStep;
    fitted.push(record);
  }
  if (fitted.length === 0) throw new FitError(`no task could be forecast (${skipped.length} skipped: ${skipped[0]?.id}: ${skipped[0]?.reason})`);

  const intervals: ForecastModel['intervals'] = {};
  for (const method of METHODS) {
    // Scaled: each error over its task's scale, and only the errors of tasks that have one.
    const scales = o.intervals === 'scaled' ? new Map(fitted.map((t) => [t.id, taskScale(t, method)] as const).filter((e): e is [string, number] => e[1] !== undefined)) : undefined;
    const errors = backtest.errors.filter((e) => e.method === method && (scales === undefined || scales.has(e.task)));
    if (errors.length > 0) intervals[method] = calibrateIntervals(errors, o.intervalOffset, scales && ((e) => scales.get(e.task)!));
  }
  const model: ForecastModel = { level: o.level, warmup: o.warmup, lossScope: scope, taskLawFits: laws.taskLawFits, intervals, tasks: fitted, skipped, origins: backtest.origins, errors: backtest.errors };
  if (laws.law) model.law = laws.law;
  if (laws.lawFit) model.lawFit = laws.lawFit;
  return model;
}

interface MainLaws {
  law?: ChinchillaLaw;
  lawFit?: LawFit;
  taskLawFits: Map<string, LawFit>;
}

/** Step 1 on all the data: the shared law, or each task's own. */
async function fitMainLaws(tasks: readonly LadderTask[], scope: LossScope, o: ForecastFitOptions): Promise<MainLaws> {
  const taskLawFits = new Map<string, LawFit>();
  if (scope === 'shared') {
    const runs = lawRuns(tasks.flatMap((t) => t.points));
    if (enoughRunsForLaw(runs)) {
      const lawFit = await o.fitLaw(runs, o.grid ?? forecastGrid(runs.length));
      return { law: fittedLaw(lawFit, 'forecast'), lawFit, taskLawFits };
    }
  } else if (scope === 'task') {
    for (const task of tasks) {
      const runs = lawRuns(task.points);
      if (enoughRunsForLaw(runs)) taskLawFits.set(task.id, await o.fitLaw(runs, o.grid ?? forecastGrid(runs.length)));
    }
  }
  return { taskLawFits };
}

/** The law of a task: the shared one, or its own (undefined without one). */
function lawOf(laws: MainLaws, id: string): ChinchillaLaw | undefined {
  if (laws.law) return laws.law;
  const fit = laws.taskLawFits.get(id);
  return fit && fittedLaw(fit, id);
}

/** Mean absolute back-test error of each method for one task. */
function backtestMae(errors: readonly BacktestError[], task: string): TaskForecast['backtest'] {
  const result: TaskForecast['backtest'] = {};
  for (const method of METHODS) {
    const mine = errors.filter((e) => e.task === task && e.method === method);
    if (mine.length > 0) result[method] = { mae: mine.reduce((s, e) => s + Math.abs(e.error), 0) / mine.length, n: mine.length };
  }
  return result;
}

/** --via auto: the available method with the lower back-test MAE; the two-step method on ties or without back-tests. */
function chooseMethod(available: readonly ForecastMethod[], scores: TaskForecast['backtest']): ForecastMethod | undefined {
  if (available.length <= 1) return available[0];
  const two = scores['two-step'];
  const one = scores['one-step'];
  if (two && one) return one.mae < two.mae ? 'one-step' : 'two-step';
  return 'two-step';
}

/** The scale of a task's scaled intervals for a method: the RMSE of its curve fit, at least MIN_INTERVAL_SCALE. */
export function taskScale(task: TaskForecast, method: ForecastMethod): number | undefined {
  const fit = method === 'two-step' ? task.twoStep : task.oneStep;
  return fit && Math.max(fit.rmse, MIN_INTERVAL_SCALE);
}

/** The forecast as a ForecastSpec (what a forecast file holds), with its provenance `source`. */
export function forecastSpec(model: ForecastModel, source: string): ForecastSpec {
  const spec: ForecastSpec = {
    level: model.level,
    intervals: model.intervals,
    source,
    tasks: model.tasks.map((t) => {
      const task: TaskSpec = { id: t.id, name: t.id, method: t.method, largestCompute: t.largestCompute };
      if (t.law) task.law = t.law;
      if (t.twoStep) task.twoStep = t.twoStep.curve;
      if (t.oneStep) task.oneStep = t.oneStep.curve;
      const scale: TaskSpec['scale'] = {};
      for (const method of METHODS) {
        const s = taskScale(t, method);
        if (model.intervals[method]?.scaled && s !== undefined) scale[method] = s;
      }
      if (Object.keys(scale).length > 0) task.scale = scale;
      return task;
    }),
  };
  if (model.law) spec.law = model.law;
  return spec;
}
