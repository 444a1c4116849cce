/**
 * `emerge fit --holdout-above C` for forecasts: the whole forecast (loss law, curves, back-tests and
 * intervals) fitted again on the runs whose finished compute is at most C, then judged on the
 * finished runs above C, per task and pooled: the chosen method, the two-step and the one-step
 * forecast, each with MAE, bias, coverage, mean width and interval score (metrics.ts), beside
 * persistence, the score of the task's largest training run (no interval).
 */
import { forecastSpec, fitForecast, type ForecastFitOptions, type ForecastModel } from './fit-forecast.js';
import { forecastTask, hasMethod, type TaskPrediction } from './forecast.js';
import { distanceDecades, finishedRuns, type LadderTask } from './ladder.js';
import { forecastErrors, type ForecastErrors, type ScoredForecast } from './metrics.js';
import { METHODS, type ForecastMethod } from './task-curves.js';

/** The forecasts compared: the method each task chose, both methods, and persistence. */
export type HoldoutForecaster = 'forecast' | ForecastMethod | 'persistence';

export const HOLDOUT_FORECASTERS: readonly HoldoutForecaster[] = ['forecast', 'two-step', 'one-step', 'persistence'];

export interface HoldoutPrediction {
  task: string;
  run: string;
  compute: number;
  distance: number;
  observed: number;
  /** Each forecaster's forecast (and interval), where it has one. */
  forecasts: Partial<Record<HoldoutForecaster, ScoredForecast>>;
}

export interface HoldoutTask {
  id: string;
  trainRuns: number;
  testRuns: number;
  method: ForecastMethod;
  figures: Partial<Record<HoldoutForecaster, ForecastErrors>>;
}

export interface Holdout {
  cutoff: number;
  trainRuns: number;
  testRuns: number;
  /** The forecast fitted on the runs at or below the cutoff. */
  model: ForecastModel;
  tasks: HoldoutTask[];
  predictions: HoldoutPrediction[];
  /** Figures over every held-out point of every task. */
  pooled: Partial<Record<HoldoutForecaster, ForecastErrors>>;
}

/**
 * Fits on the runs at or below `cutoff` FLOPs (finished compute) and scores every forecaster on the
 * finished runs above it (see the module comment).
 * @throws RangeError when no run lies on one side of the cutoff; FitError as fitForecast
 */
export async function holdoutForecast(tasks: readonly LadderTask[], cutoff: number, options: Partial<ForecastFitOptions> = {}): Promise<Holdout> {
  const finished = finishedRuns(tasks.flatMap((t) => t.points));
  const compute = new Map(finished.map((p) => [p.run, p.compute]));
  const trainRuns = finished.filter((p) => p.compute <= cutoff).length;
  const testRuns = finished.length - trainRuns;
  if (trainRuns === 0 || testRuns === 0) throw new RangeError(`${trainRuns} runs at or below the cutoff and ${testRuns} above it; both sides need runs`);
  const train = tasks.map((t) => ({ ...t, points: t.points.filter((p) => compute.get(p.run)! <= cutoff) })).filter((t) => t.points.length > 0);
  const model = await fitForecast(train, options);
  const spec = forecastSpec(model, 'holdout');

  const predictions: HoldoutPrediction[] = [];
  const perTask: HoldoutTask[] = [];
  for (const fitted of model.tasks) {
    const task = tasks.find((t) => t.id === fitted.id)!;
    const trainFinished = finishedRuns(train.find((t) => t.id === fitted.id)!.points);
    const persistence = trainFinished[trainFinished.length - 1]!.score;
    const held = finishedRuns(task.points.filter((p) => compute.get(p.run)! > cutoff));
    if (held.length === 0) continue;
    const taskSpec = spec.tasks.find((t) => t.id === fitted.id)!;
    const mine: HoldoutPrediction[] = held.map((p) => {
      const forecasts: HoldoutPrediction['forecasts'] = { persistence: { observed: p.score, forecast: persistence } };
      for (const method of METHODS) {
        if (hasMethod(spec, taskSpec, method)) forecasts[method] = scored(p.score, forecastTask(spec, taskSpec, p.params, p.tokens, p.compute, method));
      }
      // The task's own method is one of the two just forecast.
      forecasts.forecast = forecasts[taskSpec.method]!;
      return { task: fitted.id, run: p.run, compute: p.compute, distance: distanceDecades(p.compute, taskSpec.largestCompute), observed: p.score, forecasts };
    });
    predictions.push(...mine);
    perTask.push({ id: fitted.id, trainRuns: trainFinished.length, testRuns: held.length, method: fitted.method, figures: figures(mine, spec.level) });
  }
  return { cutoff, trainRuns, testRuns, model, tasks: perTask, predictions, pooled: figures(predictions, spec.level) };
}

function scored(observed: number, p: TaskPrediction): ScoredForecast {
  return p.lower === undefined || p.upper === undefined ? { observed, forecast: p.score } : { observed, forecast: p.score, lower: p.lower, upper: p.upper };
}

function figures(predictions: readonly HoldoutPrediction[], level: number): HoldoutTask['figures'] {
  const result: HoldoutTask['figures'] = {};
  for (const who of HOLDOUT_FORECASTERS) {
    const scoredOnes = predictions.map((p) => p.forecasts[who]).filter((f): f is ScoredForecast => f !== undefined);
    if (scoredOnes.length === predictions.length && scoredOnes.length > 0) result[who] = forecastErrors(scoredOnes, level);
  }
  return result;
}
