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
 * searches 972 starts (loss-laws.ts firstRefitGrid; the coarse grid alone missed the optimum of ten
 * exact runs by five orders of magnitude in the objective), each larger one the coarse grid plus the
 * optimum of the origin below (refitGrid): a fit on a subset informs a fit on a superset, never the
 * other way.
 */
import { fittedLaw } from '../fit/law-fit.js';
import type { StartGrid } from '../fit/law-grid.js';
import type { ChinchillaLaw } from '../scaling-law.js';
import { distanceDecades, finishedRuns, type LadderPoint, type LadderTask, type LossScope } from './ladder.js';
import { enoughRunsForLaw, firstRefitGrid, lawRuns, refitGrid, type LawFitter } from './loss-laws.js';
import { distinctCount, MIN_CURVE_POINTS } from './score-curves.js';
import { curveForecast, fitTaskCurves, METHODS, type ForecastMethod } from './task-curves.js';

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
  /** The main fit's grid (firstRefitGrid chooses from it). */
  grid: StartGrid;
}

/**
 * Back-tests both methods of every task at every origin (see the module comment).
 * @throws FitError when a law refit fails outright (no start reaches a finite objective)
 */
export async function rollingBacktest(input: BacktestInput): Promise<RollingBacktest> {
  const { tasks, scope, warmup } = input;
  const allFinished = finishedRuns(tasks.flatMap((t) => t.points));
  const cutoffs = rollingOrigins(allFinished.map((p) => p.compute));
  const finishedCompute = new Map(allFinished.map((p) => [p.run, p.compute]));
  const origins: BacktestOrigin[] = [];
  const errors: BacktestError[] = [];
  const previousTheta = new Map<string, number[]>();

  /** The law at this origin for `key` (a task id, or '' for the shared law), refitted when it can be. */
  const originLaw = async (key: string, points: readonly LadderPoint[]): Promise<{ law: ChinchillaLaw | undefined; refitted: boolean }> => {
    if (scope === 'none') return { law: undefined, refitted: false };
    const runs = lawRuns(points);
    if (!enoughRunsForLaw(runs)) return { law: await input.fullLaw(key), refitted: false };
    const previous = previousTheta.get(key);
    const fit = await input.fitLaw(runs, previous === undefined ? firstRefitGrid(input.grid) : refitGrid(previous));
    previousTheta.set(key, fit.theta);
    return { law: fittedLaw(fit, 'back-test'), refitted: true };
  };

  for (const [index, cutoff] of cutoffs.entries()) {
    const inTrain = (p: LadderPoint): boolean => finishedCompute.get(p.run)! <= cutoff;
    const train = allFinished.filter(inTrain);
    const origin: BacktestOrigin = { cutoff, runs: train.length, largestCompute: train[train.length - 1]!.compute, lawRefitted: false };
    const shared = scope === 'shared' ? await originLaw('', tasks.flatMap((t) => t.points.filter(inTrain))) : undefined;
    if (shared?.refitted) origin.lawRefitted = true;
    for (const task of tasks) {
      const points = task.points.filter(inTrain);
      const finished = finishedRuns(points);
      if (finished.length === 0) continue;
      const own = scope === 'task' ? await originLaw(task.id, points) : undefined;
      if (own?.refitted) origin.lawRefitted = true;
      const curves = fitTaskCurves(points, (shared ?? own)?.law, task.baseline, warmup);
      const largest = finished[finished.length - 1]!.compute;
      for (const held of finishedRuns(task.points.filter((p) => !inTrain(p)))) {
        for (const method of METHODS) {
          const forecast = curveForecast(curves, method, held.params, held.tokens, held.compute);
          if (forecast === undefined) continue;
          errors.push({ task: task.id, method, origin: index, run: held.run, distance: distanceDecades(held.compute, largest), error: forecast - held.score });
        }
      }
    }
    origins.push(origin);
  }
  return { origins, errors };
}
