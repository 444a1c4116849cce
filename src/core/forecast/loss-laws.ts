/**
 * Step 1 of the forecast: loss(N, D) = E + A/N^α + B/D^β fitted by the Approach-3 fitter of
 * src/core/fit to each run's finished loss, once when every task shares the loss, per task when each
 * task has its own. The fitter is passed in (`LawFitter`), so that the command can spread the
 * multi-start search over worker threads (src/parallel) while the core stays free of them.
 */
import { fitChinchillaLaw, MIN_RUNS, type LawFit } from '../fit/law-fit.js';
import { coarseGrid, gridFromStarts, standardGrid, startGrid, STANDARD_GRID_AXES, type StartGrid } from '../fit/law-grid.js';
import type { TrainingRun } from '../fit/law-objective.js';
import { finishedRuns, type LadderPoint } from './ladder.js';

/** Fits the law to runs from the starts of `grid` (fitChinchillaLaw, or its parallel twin). */
export type LawFitter = (runs: readonly TrainingRun[], grid: StartGrid) => Promise<LawFit>;

/** fitChinchillaLaw in this thread. */
export const inThreadLawFitter: LawFitter = async (runs, grid) => fitChinchillaLaw(runs, { grid });

/** The finished runs of `points` as training runs of the law (N, D, final loss). */
export function lawRuns(points: readonly LadderPoint[]): TrainingRun[] {
  return finishedRuns(points).map((p) => ({ params: p.params, tokens: p.tokens, loss: p.loss!, compute: p.compute }));
}

/** Whether the law can be fitted to these runs (the fitter's minimum of MIN_RUNS). */
export function enoughRunsForLaw(runs: readonly TrainingRun[]): boolean {
  return runs.length >= MIN_RUNS;
}

/** Runs × starts a default loss-law search may cost (about a quarter of a second in one thread). */
export const SEARCH_BUDGET = 50_000;

/**
 * The forecast's default start grid for a fit of `runs` runs: the largest of three that keeps
 * runs × starts within SEARCH_BUDGET. The published 4,500 (standard; up to 11 runs); 972 starts (the
 * standard a and b, e ∈ {−1, 0, 1}, α, β ∈ {0.25, 0.5, 1}, where every published fit lies; up to 51
 * runs); beyond, 243 (a, b ∈ {0, 10, 20}). On the three Gadre et al. ladders, their twelve back-test
 * origins, all 104 runs and the 240 Chinchilla runs, the two smaller grids reach the standard grid's
 * optimum (objective within 5e-5, bench/forecast.ts); on the six runs Gadre et al. fitted, whose five
 * constants the runs barely determine, they miss it by 0.7% and 46%: small ladders get the full search.
 */
export function forecastGrid(runs: number): StartGrid {
  const axes = (ab: readonly number[]) => ({ a: ab, b: ab, e: [-1, 0, 1], alpha: [0.25, 0.5, 1], beta: [0.25, 0.5, 1] });
  const standard = standardGrid();
  if (runs * standard.size <= SEARCH_BUDGET) return standard;
  const medium = startGrid(axes(STANDARD_GRID_AXES.a));
  return runs * medium.size <= SEARCH_BUDGET ? medium : startGrid(axes([0, 10, 20]));
}

/** The first (smallest) back-test refit searches the default grid of its runs, or the main grid when that is smaller. */
export function firstRefitGrid(mainGrid: StartGrid | undefined, runs: number): StartGrid {
  const grid = forecastGrid(runs);
  return mainGrid !== undefined && mainGrid.size < grid.size ? mainGrid : grid;
}

/**
 * The start grid of a back-test refit after the first: the 108 starts of the coarse grid plus the
 * optimum of the back-test on fewer runs (`previous`; see backtest.ts).
 */
export function refitGrid(previous: ArrayLike<number>): StartGrid {
  const coarse = coarseGrid();
  const starts = [Array.from(previous)];
  for (let k = 0; k < coarse.size; k++) starts.push(Array.from(coarse.points.subarray(5 * k, 5 * k + 5)));
  return gridFromStarts(starts);
}
