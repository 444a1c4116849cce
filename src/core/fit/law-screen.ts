/**
 * Screen, then polish: the multi-start fit of a large input (above LARGE_FIT_ROWS rows).
 *
 * 1. Screen: L-BFGS from every start of the grid on a stratified subsample of the rows
 *    (law-subsample.ts). Which basin a start falls into is decided by the shape of the objective,
 *    which a few hundred rows spread over the whole compute range already fix; the subsample
 *    objective costs n/rows times less.
 * 2. Polish: the best few distinct end points of the screen (distinct: more than CANDIDATE_SPACING
 *    apart in some coordinate of θ) are each minimised again on every row, by chord-Newton steps
 *    (newton.ts; L-BFGS where the Hessian there is not positive definite). The best polished point
 *    is the fit.
 * 3. Check: the polished candidates started from different points; when several reach the same
 *    objective (to AGREEMENT_RTOL) the optimum does not hinge on one start. The report also gives the
 *    gradient there and the decrease a Newton step would still promise, ½·gᵀH⁻¹g (zero at an exact
 *    minimum), so a reader can see the polish did not stop short.
 *
 * Every start and every candidate is minimised independently and the choices are by objective with
 * ties to the lower index, so the result is the same, bit for bit, for any number of threads.
 */
import type { StartGrid } from './law-grid.js';
import { gridFromStarts } from './law-grid.js';
import { cholesky, choleskySolve } from './cholesky.js';
import { LARGE_FIT_ROWS } from './large-fit.js';
import { lawObjective, type LawData, type ResidualLoss } from './law-objective.js';
import { summariseStarts, type MultiStartSummary, type StartBatch } from './multi-start.js';

export interface ScreenSettings {
  /** Screen when the input has more rows than this (default LARGE_FIT_ROWS; 0 always, Infinity never). */
  above: number;
  /** Rows of the screening subsample (default 500). */
  rows: number;
  /** Distinct screen end points polished on every row (default 4). */
  candidates: number;
  /** L-BFGS ftol of the screen (default 1e-6): the screen only ranks the starts; the polish converges fully. */
  ftol: number;
}

/**
 * 500 rows, ftol 1e-6: the screen of 4,500 starts then takes about 120,000 evaluations (27 a start)
 * of 500 rows, about 4.5 s of CPU whatever the input's size; 500 rows, one in every 0.2% of the
 * compute range, resolve the basins of the objective. On 100,000 synthetic rows (with and without a
 * shared error per run) 300 or 500 rows and ftol 1e-7 or 1e-6 all lead to the same optimum, to 1e-12
 * relative, with all 4 candidates agreeing; 1e-6 takes a third fewer evaluations than 1e-7. 4
 * candidates: each polish costs about 15 evaluations on every row, about 0.2 s of CPU at 200,000 rows.
 */
export const DEFAULT_SCREEN: ScreenSettings = { above: LARGE_FIT_ROWS, rows: 500, candidates: 4, ftol: 1e-6 };

/** Screen end points closer than this in every coordinate of θ = (a, b, e, α, β) count as one. */
export const CANDIDATE_SPACING = 0.01;

/** Polished candidates whose objective is within this relative distance of the best agree with it. */
export const AGREEMENT_RTOL = 1e-6;

/** How a screened fit was found and checked. */
export interface ScreenReport {
  /** Rows of the subsample the starts were screened on. */
  rows: number;
  /** Candidates polished on every row. */
  candidates: number;
  /** Polished candidates (the best included) within AGREEMENT_RTOL of the best objective. */
  agreeing: number;
  /** Largest |θⱼ − θ̂ⱼ| over the agreeing candidates' end points. */
  spread: number;
  /** ‖∇f(θ̂)‖∞ on every row. */
  gradientNorm: number;
  /** ½·gᵀH⁻¹g at θ̂: the further decrease of the objective a Newton step predicts (NaN when H is not positive definite). */
  predictedDecrease: number;
}

/**
 * The starting points of the polish: the end points of the best screened starts, in order of their
 * screen objective (ties to the lower grid index), skipping any within CANDIDATE_SPACING of one
 * already taken, at most `count`.
 * @throws RangeError when no start reached a finite objective
 */
export function screenCandidates(batches: readonly StartBatch[], count: number): { starts: number[]; grid: StartGrid } {
  const ends: { k: number; value: number; theta: Float64Array }[] = [];
  for (const batch of batches) {
    for (let j = 0; j < batch.to - batch.from; j++) {
      const value = batch.values[j]!;
      if (Number.isFinite(value)) ends.push({ k: batch.from + j, value, theta: batch.thetas.subarray(5 * j, 5 * j + 5) });
    }
  }
  if (ends.length === 0) throw new RangeError('no start reached a finite objective on the subsample');
  ends.sort((x, y) => x.value - y.value || x.k - y.k);
  const chosen: typeof ends = [];
  for (const end of ends) {
    if (chosen.length >= count) break;
    if (chosen.every((c) => maxDistance(c.theta, end.theta) > CANDIDATE_SPACING)) chosen.push(end);
  }
  return { starts: chosen.map((c) => c.k), grid: gridFromStarts(chosen.map((c) => Array.from(c.theta))) };
}

/** The winner of the polish (as summariseStarts, over candidates) and how many candidates agree with it. */
export interface PolishSummary extends MultiStartSummary {
  /** Candidates within AGREEMENT_RTOL of the best objective, the best included. */
  agreeing: number;
  /** Largest |θⱼ − θ̂ⱼ| over the agreeing candidates. */
  spread: number;
}

/**
 * Combine the polish batches (candidates [0, count) in any partition).
 * @throws RangeError when no polished candidate reached a finite objective
 */
export function summarisePolish(batches: readonly StartBatch[]): PolishSummary {
  const summary = summariseStarts(batches);
  let agreeing = 0;
  let spread = 0;
  for (const batch of batches) {
    for (let j = 0; j < batch.to - batch.from; j++) {
      if (!(Math.abs(batch.values[j]! - summary.value) <= AGREEMENT_RTOL * Math.abs(summary.value))) continue;
      agreeing++;
      spread = Math.max(spread, maxDistance(batch.thetas.subarray(5 * j, 5 * j + 5), summary.theta));
    }
  }
  return { ...summary, agreeing, spread };
}

/**
 * The optimality checks at θ̂ on every row: ‖∇f‖∞ and ½·gᵀH⁻¹g for the Hessian H of the objective
 * (row-major 5×5, e.g. the diagnostics' objectiveHessian).
 */
export function optimalityCheck(data: LawData, loss: ResidualLoss, theta: Float64Array, hessian: ArrayLike<number>): { gradientNorm: number; predictedDecrease: number } {
  const g = new Float64Array(5);
  lawObjective(data, loss)(theta, g);
  const factor = cholesky(hessian, 5);
  let predictedDecrease = Number.NaN;
  if (factor) {
    const step = choleskySolve(factor, g, 5);
    predictedDecrease = 0.5 * g.reduce((sum, gi, i) => sum + gi * step[i]!, 0);
  }
  return { gradientNorm: g.reduce((max, gi) => Math.max(max, Math.abs(gi)), 0), predictedDecrease };
}

/** max over coordinates of |x − y|. */
function maxDistance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < 5; i++) max = Math.max(max, Math.abs(x[i]! - y[i]!));
  return max;
}
