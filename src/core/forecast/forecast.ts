/**
 * A fitted forecast as it is written to a forecast file and read back (src/io/forecast-file.ts), and
 * what it says about a planned model: per task the forecast score, its interval, the distance beyond
 * the largest fitted run, the probability of reaching a target, and (inverse.ts) the smallest compute
 * that reaches one. The fit (fit-forecast.ts), `emerge predict --forecast` and `emerge thresholds
 * --forecast` all read forecasts through this one shape, so a forecast shipped with the tool (one
 * fitted to open models' scores, one step in compute) plugs in like one the user fitted.
 */
import type { ChinchillaLaw } from '../scaling-law.js';
import { predictionInterval, probabilityAtLeast, type IntervalModel } from './intervals.js';
import { distanceDecades } from './ladder.js';
import type { ScoreOnCompute, ScoreOnLoss } from './score-curves.js';
import { curveForecast, type ForecastCurves, type ForecastMethod } from './task-curves.js';

export interface TaskSpec {
  /** The task's name as in the fitted file: the id of `--require ID>=SCORE`. */
  id: string;
  /** Display name (the id unless the file gives one). */
  name: string;
  method: ForecastMethod;
  /** The task's own loss law (loss per task); else the forecast's shared law. */
  law?: ChinchillaLaw;
  twoStep?: ScoreOnLoss;
  oneStep?: ScoreOnCompute;
  /** Compute of the largest fitted run, FLOPs. */
  largestCompute: number;
  /** Scale of each method's scaled intervals (intervals.ts): the RMSE of the task's curve fit, 0–1. */
  scale?: Partial<Record<ForecastMethod, number>>;
}

/** A fitted forecast of task scores: per task, the curve from loss or compute to score, and the calibrated intervals. */
export interface ForecastSpec {
  /** Level of the intervals (1 − α). */
  level: number;
  /** The loss law shared by every task (two-step forecasts chain it). */
  law?: ChinchillaLaw;
  intervals: Partial<Record<ForecastMethod, IntervalModel>>;
  tasks: TaskSpec[];
  /** Where the forecast came from, e.g. "emerge fit ladder.csv (6 runs, 1.34e16–2.49e20 FLOPs)". */
  source: string;
}

export interface TaskPrediction {
  id: string;
  name: string;
  /** Forecast score on 0–1. */
  score: number;
  /** Interval at `level`; undefined when the forecast has no interval model for the method. */
  lower?: number;
  upper?: number;
  level: number;
  /** log10(C / C_largest fitted run). */
  distance: number;
  method: ForecastMethod;
}

/** The law a task's two-step forecast chains: its own, else the shared one. */
export function taskLaw(spec: ForecastSpec, task: TaskSpec): ChinchillaLaw | undefined {
  return task.law ?? spec.law;
}

function curvesOf(spec: ForecastSpec, task: TaskSpec): ForecastCurves {
  const law = taskLaw(spec, task);
  return { ...(task.twoStep && law ? { twoStep: { curve: task.twoStep, law } } : {}), ...(task.oneStep ? { oneStep: { curve: task.oneStep } } : {}) };
}

/** Whether the task can forecast by `method` (a two-step forecast needs a curve and a law). */
export function hasMethod(spec: ForecastSpec, task: TaskSpec, method: ForecastMethod): boolean {
  return method === 'two-step' ? task.twoStep !== undefined && taskLaw(spec, task) !== undefined : task.oneStep !== undefined;
}

/**
 * The task's forecast for a model of N parameters trained on D tokens (C = 6ND unless given), by
 * the method the task was fitted to use (see fit-forecast.ts) or another it has, with its interval
 * (intervals.ts).
 * @throws RangeError when the task has no curve for the method (a malformed forecast)
 * @example forecastTask(spec, spec.tasks[0], 6.9e9, 1.38e11) // { id: 'hellaswag', score: 0.64, lower: 0.58, upper: 0.70, level: 0.8, distance: 1.36, method: 'two-step', ... }
 */
export function forecastTask(spec: ForecastSpec, task: TaskSpec, params: number, tokens: number, compute = 6 * params * tokens, method = task.method): TaskPrediction {
  const score = curveForecast(curvesOf(spec, task), method, params, tokens, compute);
  if (score === undefined) throw new RangeError(`${task.id}: the forecast has no ${method} curve`);
  const distance = distanceDecades(compute, task.largestCompute);
  const prediction: TaskPrediction = { id: task.id, name: task.name, score, level: spec.level, distance, method };
  const model = spec.intervals[method];
  if (model) Object.assign(prediction, predictionInterval(model, score, distance, spec.level, intervalScale(model, task, method)));
  return prediction;
}

/** The scale of a task's intervals: its curve's RMSE for a scaled model, else 1. @throws RangeError when a scaled model's task has none */
function intervalScale(model: IntervalModel, task: TaskSpec, method: ForecastMethod): number {
  if (!model.scaled) return 1;
  const scale = task.scale?.[method];
  if (scale === undefined) throw new RangeError(`${task.id}: the ${method} intervals are scaled, and the task has no scale`);
  return scale;
}

/**
 * P(score ≥ target) for a prediction of `forecastTask` (intervals.ts probabilityAtLeast);
 * undefined without an interval model.
 */
export function reachProbability(spec: ForecastSpec, prediction: TaskPrediction, target: number): number | undefined {
  const model = spec.intervals[prediction.method];
  const task = spec.tasks.find((t) => t.id === prediction.id)!;
  return model && probabilityAtLeast(model, prediction.score, prediction.distance, target, intervalScale(model, task, prediction.method));
}

/** Distances beyond which a forecast is flagged: the back-tests of a ladder rarely reach further. */
export const FAR_DECADES = 2;
