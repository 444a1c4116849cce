/**
 * The score curves of a forecast, both the emergence sigmoid of src/core/curve-fit with its floor at
 * the task's chance level and its ceiling fitted:
 *
 * - step 2, score on loss (Bhagia et al. 2024):
 *     score(L) = floor + (ceiling − floor)·σ(−k·(L − L0)),
 *   falling from the ceiling towards the floor as the loss L (nats) rises; L0 is the loss at the
 *   midpoint, k > 0 per nat. Fitted as the curve engine's sigmoid in x = −L.
 * - one step, score on compute (Owen 2024):
 *     score(C) = floor + (ceiling − floor)·σ(k·(log10 C − log10 C0)),
 *   C0 the compute at the midpoint, k per decade.
 *
 * Two choices differ from the curve engine's defaults, both measured on the held-out runs of the
 * Gadre et al. ladders (README, "Forecasting"):
 * - the ceiling is fitted in [max(highest score − 0.2, floor + 0.05), 1] (fit-sigmoid.ts), never
 *   fixed at 1: multiple-choice tasks of small ladders top out far below 1, and a ceiling fixed at 1
 *   put the two-step forecasts of the RedPajama targets 12 to 19 points off per task (6 to 7 fitted);
 * - the sharpness is capped so that the 10–90% rise, 2·ln 9/k, takes at least half the observed span
 *   of x (k ≤ 4·ln 9/span): a ladder cannot show a sharper rise than that, and the sharper fits were
 *   noise (the last run a point or two up) extrapolated into a jump to the ceiling, which cost up to
 *   70 points on single tasks; capped, the mean error fell from 6–7 to 3.4–4.5 points.
 */
import { fitSigmoid } from '../curve-fit/fit-sigmoid.js';
import { logistic, type SigmoidParams } from '../curve-fit/sigmoid.js';

/** Step 2's constants: score(L) = floor + (ceiling − floor)·σ(−k·(L − L0)). */
export interface ScoreOnLoss {
  L0: number;
  k: number;
  floor: number;
  ceiling: number;
}

/** The one-step constants: score(C) = floor + (ceiling − floor)·σ(k·(log10 C − log10 C0)). */
export interface ScoreOnCompute {
  C0: number;
  k: number;
  floor: number;
  ceiling: number;
}

export interface CurveFitResult<T> {
  curve: T;
  /** Root-mean-square residual of the fit, on 0–1. */
  rmse: number;
  converged: boolean;
}

/** Fewest distinct x values (losses, or computes) a curve is fitted to: four constants at most. */
export const MIN_CURVE_POINTS = 4;

/** Distinct values of a list. */
export function distinctCount(values: readonly number[]): number {
  return new Set(values).size;
}

/** The cap on k: the 10–90% rise 2·ln 9/k takes at least half the span of x. */
export function maxSharpness(xs: readonly number[]): number {
  return (4 * Math.log(9)) / (Math.max(...xs) - Math.min(...xs));
}

/**
 * The starts of a forecast curve: x0 at 10, 30, …, 90% of the range and k at the cap (the rise over
 * half the span). On the 276 curves of the three Gadre et al. ladders (46 tasks, both methods) they
 * reach the optimum of the curve engine's 15 starts every time, in a third of the time.
 */
const WIDTH_FRACTIONS = [0.5];

function fit(xs: number[], ys: number[], floor: number | undefined, maxK: number): { params: SigmoidParams; rmse: number; converged: boolean } {
  const options = { fitCeiling: true, maxK, widthFractions: WIDTH_FRACTIONS };
  const result = fitSigmoid(xs, ys, floor === undefined ? options : { ...options, floor });
  return { params: result.params, rmse: Math.sqrt(result.rss / xs.length), converged: result.converged };
}

/**
 * Step 2: fits score(L) to (loss, score) pairs (see the module comment); `floor` fixed at chance, or
 * fitted in [0, 0.3] when undefined. The cap on k is taken over the span of `spanLosses`: the
 * finished runs' losses when the pairs include checkpoints, whose early losses lie far out on the
 * flat floor of the curve and would loosen the cap without showing any rise.
 * @throws RangeError with fewer than MIN_CURVE_POINTS distinct losses
 * @example fitScoreOnLoss([4, 3.5, 3, 2.8, 2.6], [0.26, 0.3, 0.42, 0.5, 0.57], 0.25).curve // { L0: ≈2.9, k: ≈3, floor: 0.25, ceiling: ≈0.8 }
 */
export function fitScoreOnLoss(losses: readonly number[], scores: readonly number[], floor: number | undefined, spanLosses: readonly number[] = losses): CurveFitResult<ScoreOnLoss> {
  if (distinctCount(losses) < MIN_CURVE_POINTS) throw new RangeError(`need at least ${MIN_CURVE_POINTS} distinct losses, got ${distinctCount(losses)}`);
  const { params, rmse, converged } = fit(losses.map((l) => -l), [...scores], floor, maxSharpness(distinctCount(spanLosses) > 1 ? spanLosses : losses));
  return { curve: { L0: -params.x0, k: params.k, floor: params.floor, ceiling: params.ceiling }, rmse, converged };
}

/**
 * One step: fits score(C) to (compute, score) pairs (see the module comment).
 * @throws RangeError with fewer than MIN_CURVE_POINTS distinct computes
 */
export function fitScoreOnCompute(computes: readonly number[], scores: readonly number[], floor: number | undefined): CurveFitResult<ScoreOnCompute> {
  if (distinctCount(computes) < MIN_CURVE_POINTS) throw new RangeError(`need at least ${MIN_CURVE_POINTS} distinct computes, got ${distinctCount(computes)}`);
  const xs = computes.map(Math.log10);
  const { params, rmse, converged } = fit(xs, [...scores], floor, maxSharpness(xs));
  return { curve: { C0: 10 ** params.x0, k: params.k, floor: params.floor, ceiling: params.ceiling }, rmse, converged };
}

/**
 * score(L) = floor + (ceiling − floor)·σ(−k·(L − L0)), on 0–1.
 * @example scoreAtLoss({ L0: 3, k: 2, floor: 0.25, ceiling: 0.85 }, 3) // 0.55 (the midpoint)
 */
export function scoreAtLoss(c: ScoreOnLoss, loss: number): number {
  return c.floor + (c.ceiling - c.floor) * logistic(-c.k * (loss - c.L0));
}

/**
 * score(C) = floor + (ceiling − floor)·σ(k·(log10 C − log10 C0)), on 0–1.
 * @example scoreAtCompute({ C0: 1e21, k: 1.5, floor: 0.25, ceiling: 0.85 }, 1e21) // 0.55
 */
export function scoreAtCompute(c: ScoreOnCompute, compute: number): number {
  return c.floor + (c.ceiling - c.floor) * logistic(c.k * (Math.log10(compute) - Math.log10(c.C0)));
}

/**
 * logit of the fraction of the rise a target score needs, ln(f/(1 − f)) with
 * f = (target − floor)/(ceiling − floor); undefined when the curve never reaches the target
 * (at or above its ceiling) or is always above it (at or below its floor).
 */
function riseLogit(c: { floor: number; ceiling: number }, target: number): number | undefined {
  const f = (target - c.floor) / (c.ceiling - c.floor);
  if (!(f > 0 && f < 1)) return undefined;
  return Math.log(f / (1 - f));
}

/**
 * The loss at which step 2 reaches `target`: L = L0 − logit(f)/k, f = (target − floor)/(ceiling − floor).
 * Undefined when the target is at or above the ceiling (never reached) or at or below the floor
 * (reached at any loss).
 * @example lossForScore({ L0: 3, k: 2, floor: 0.25, ceiling: 0.85 }, 0.55) // 3
 */
export function lossForScore(c: ScoreOnLoss, target: number): number | undefined {
  const logit = riseLogit(c, target);
  return logit === undefined ? undefined : c.L0 - logit / c.k;
}

/**
 * The compute at which the one-step curve reaches `target`: log10 C = log10 C0 + logit(f)/k.
 * Undefined as for lossForScore.
 * @example computeForScore({ C0: 1e21, k: 1.5, floor: 0.25, ceiling: 0.85 }, 0.55) // 1e21
 */
export function computeForScore(c: ScoreOnCompute, target: number): number | undefined {
  const logit = riseLogit(c, target);
  return logit === undefined ? undefined : 10 ** (Math.log10(c.C0) + logit / c.k);
}
