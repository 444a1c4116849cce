/**
 * Rolling-origin back-tests on the fitted data (Tashman 2000, "Out-of-sample tests of forecasting
 * accuracy", Int. J. Forecasting 16): fit on the runs up to a cutoff, forecast the larger runs, and
 * record each error with its distance beyond the largest run of that fit. The errors calibrate the
 * intervals (intervals.ts) and, with --via auto, choose each task's method.
 *
 * Origins: cutoffs C_max·10^(−j/2), j = 1…4 (half a decade to two decades below the largest finished
 * run), each kept when its training set has at least MIN_CURVE_POINTS runs of distinct compute and
 * differs from the previous one. At every origin both methods are fitted again from scratch on the
 * runs at or below it: step 2 and the one-step curve always; the loss law when at least MIN_RUNS (6)
 * runs remain, else the loss law of the full fit stands in (its own extrapolation error is then not
 * in the back-test; the fit says so). Origins are fitted from the smallest up: the smallest law refit
 * searches the default grid of its runs (loss-laws.ts firstRefitGrid; the coarse grid alone missed
 * the optimum of ten exact runs by five orders of magnitude in the objective), each larger one the
 * coarse grid plus the optimum of the origin below (refitGrid): a fit on a subset informs a fit on a
 * superset, never the other way.
 */
import { fittedLaw } from '../fit/law-fit.js';
import type { StartGrid } from '../fit/law-grid.js';
import type { ChinchillaLaw } from '../scaling-law.js';
import { distanceDecades, finishedRuns, type LadderPoint, type LadderTask, type LossScope } from './ladder.js';
import { enoughRunsForLaw, firstRefitGrid, lawRuns, refitGrid, type LawFitter } from './loss-laws.js';
import { distinctCount, MIN_CURVE_POINTS } from './score-curves.js';
import { curveForecast, fitTaskCurves, type ForecastCurves, type ForecastMethod } from './task-curves.js';

/** Spacing of the origins, in decades of compute. */
export const ORIGIN_SPACING = 0.5;
/** Most origins: 4 × 0.5 = two decades below the largest run. */
export const MAX_ORIGINS = 4;

/** One forecast of a held-out run at one origin. */
export interface BacktestError {
  task: string;
  method: ForecastMethod;
  /** Index of the origin in `origins` (0 the smallest training set). */
  origin: number;
  run: string;
  /** Decades of compute beyond the largest run of the origin's training set. */
  distance: number;
  /** Forecast − observed score, 0–1. */
  error: number;
}

export interface BacktestOrigin {
  /** Runs with finished compute at or below this train. */
  cutoff: number;
  runs: number;
  largestCompute: number;
  /** Whether the loss law was fitted again here (false: the full fit's law stood in). */
  lawRefitted: boolean;
}

export interface RollingBacktest {
  origins: BacktestOrigin[];
  errors: BacktestError[];
}

/**
 * The cutoffs of the rolling origins, smallest first (see the module comment).
 * @example rollingOrigins([1e18, 2e18, 4e18, …, 2.56e20]) // [8.1e18, 2.56e19, 8.1e19]: j = 3, 2, 1 keep 4, 5 and 7 runs; j = 4 would keep 2
 */
export function rollingOrigins(finishedComputes: readonly number[]): number[] {
  const computes = [...finishedComputes].sort((a, b) => a - b);
  const largest = computes[computes.length - 1]!;
  const cutoffs: number[] = [];
  let previous = -1;
  for (let j = 1; j <= MAX_ORIGINS; j++) {
    const cutoff = largest * 10 ** (-j * ORIGIN_SPACING);
    const kept = computes.filter((c) => c <= cutoff);
    if (distinctCount(kept) < MIN_CURVE_POINTS) break;
    if (kept.length === previous) continue;
    previous = kept.length;
    cutoffs.push(cutoff);
  }
  return cutoffs.reverse();
}

export interface BacktestInput {
  tasks: readonly LadderTask[];
  scope: LossScope;
  warmup: number;
  /** The full fit's laws, which stand in where too few runs remain to fit one: shared ('' ), or by task id. */
  fullLaw: (task: string) => Promise<ChinchillaLaw | undefined>;
  fitLaw: LawFitter;
  /** The main fit's grid, when one was given (firstRefitGrid chooses from it). */
  grid?: StartGrid;
}

/**
 * Back-tests both methods of every task at every origin (see the module comment). The law refits
 * run first, as one chain from the smallest origin up; the one-step curves, which need no law, are
 * fitted while the first refit runs (on worker threads, when the fitter sends it there).
 * @throws FitError when a law refit fails outright (no start reaches a finite objective)
 */
export async function rollingBacktest(input: BacktestInput): Promise<RollingBacktest> {
  const { tasks, scope, warmup } = input;
  const allFinished = finishedRuns(tasks.flatMap((t) => t.points));
  const finishedCompute = new Map(allFinished.map((p) => [p.run, p.compute]));
  const origins = rollingOrigins(allFinished.map((p) => p.compute)).map((cutoff) => {
    const inTrain = (p: LadderPoint): boolean => finishedCompute.get(p.run)! <= cutoff;
    const train = allFinished.filter(inTrain);
    return { cutoff, inTrain, info: { cutoff, runs: train.length, largestCompute: train[train.length - 1]!.compute, lawRefitted: false } as BacktestOrigin };
  });
  const errors: BacktestError[] = [];
  const record = (index: number, task: LadderTask, curves: ForecastCurves, method: ForecastMethod, inTrain: (p: LadderPoint) => boolean): void => {
    const finished = finishedRuns(task.points.filter(inTrain));
    if (finished.length === 0) return;
    const largest = finished[finished.length - 1]!.compute;
    for (const held of finishedRuns(task.points.filter((p) => !inTrain(p)))) {
      const forecast = curveForecast(curves, method, held.params, held.tokens, held.compute);
      if (forecast !== undefined) errors.push({ task: task.id, method, origin: index, run: held.run, distance: distanceDecades(held.compute, largest), error: forecast - held.score });
    }
  };

  // The laws of every origin, by key ('' shared, else the task id), each fitted on the one below.
  const laws = scope === 'none' ? Promise.resolve([]) : originLaws(input, origins);
  for (const [index, { inTrain }] of origins.entries()) {
    for (const task of tasks) {
      const points = task.points.filter(inTrain);
      if (points.length > 0) record(index, task, fitTaskCurves(points, undefined, task.baseline, warmup, ['one-step']), 'one-step', inTrain);
    }
  }
  const fitted = await laws;
  for (const [index, { inTrain, info }] of origins.entries()) {
    const byKey = fitted[index];
    if (!byKey) continue;
    for (const task of tasks) {
      const law = byKey.get(scope === 'shared' ? '' : task.id);
      if (!law) continue;
      if (law.refitted) info.lawRefitted = true;
      record(index, task, fitTaskCurves(task.points.filter(inTrain), law.law, task.baseline, warmup, ['two-step']), 'two-step', inTrain);
    }
  }
  return { origins: origins.map((o) => o.info), errors: errors.sort((a, b) => a.origin - b.origin || (a.task < b.task ? -1 : a.task > b.task ? 1 : 0) || (a.method < b.method ? -1 : 1)) };
}

type OriginLaw = { law: ChinchillaLaw; refitted: boolean };

/**
 * The law of each origin for each key: refitted when at least MIN_RUNS runs remain (the first refit
 * from firstRefitGrid, each later one from refitGrid and the optimum below), else the full fit's.
 */
async function originLaws(input: BacktestInput, origins: readonly { inTrain: (p: LadderPoint) => boolean }[]): Promise<Map<string, OriginLaw>[]> {
  const keys = input.scope === 'shared' ? [{ key: '', points: input.tasks.flatMap((t) => t.points) }] : input.tasks.map((t) => ({ key: t.id, points: t.points }));
  const previous = new Map<string, number[]>();
  const result: Map<string, OriginLaw>[] = [];
  for (const { inTrain } of origins) {
    const byKey = new Map<string, OriginLaw>();
    for (const { key, points } of keys) {
      const runs = lawRuns(points.filter(inTrain));
      if (runs.length === 0) continue;
      if (!enoughRunsForLaw(runs)) {
        const law = await input.fullLaw(key);
        if (law) byKey.set(key, { law, refitted: false });
        continue;
      }
      const theta = previous.get(key);
      const fit = await input.fitLaw(runs, theta === undefined ? firstRefitGrid(input.grid, runs.length) : refitGrid(theta));
      previous.set(key, fit.theta);
      byKey.set(key, { law: fittedLaw(fit, 'back-test'), refitted: true });
    }
    result.push(byKey);
  }
  return result;
}
