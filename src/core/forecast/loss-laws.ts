/**
 * Step 1 of the forecast: loss(N, D) = E + A/N^α + B/D^β fitted by the Approach-3 fitter of
 * src/core/fit to each run's finished loss, once when every task shares the loss, per task when each
 * task has its own. The fitter is passed in (`LawFitter`), so that the command can spread the
 * multi-start search over worker threads (src/parallel) while the core stays free of them.
 */
import { fitChinchillaLaw, MIN_RUNS, type LawFit } from '../fit/law-fit.js';
import { coarseGrid, gridFromStarts, type StartGrid } from '../fit/law-grid.js';
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

/**
 * The start grid of a back-test refit: the 108 starts of the coarse grid plus the optimum of the
 * back-test on fewer runs (`previous`, nested origins: a fit on a subset informs a fit on a
 * superset, never the other way). Back-tests re-fit the law at up to four origins; the full search
 * stays with the main fit.
 */
export function refitGrid(previous: ArrayLike<number> | undefined): StartGrid {
  const coarse = coarseGrid();
  if (previous === undefined) return coarse;
  const starts = [Array.from(previous)];
  for (let k = 0; k < coarse.size; k++) starts.push(Array.from(coarse.points.subarray(5 * k, 5 * k + 5)));
  return gridFromStarts(starts);
}
