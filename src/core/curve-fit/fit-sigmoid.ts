/**
 * Bounded least-squares fit of the emergence sigmoid y = floor + (ceiling − floor)·σ(k(x − x0)) to
 * points (x, y), from a grid of starts, with the analytic Jacobian.
 *
 * Bounds (x units are decades of scale, or nats on the loss axis):
 * - x0 ∈ [x_min − ¼·span, x_max + ¼·span], span = x_max − x_min: a threshold may sit a little outside
 *   the observed range (a rise that has only begun), not arbitrarily far.
 * - k ∈ [0.01, 50] per unit of x: the 10–90% rise takes between 439 and 0.088 units (a step); a
 *   caller may lower the upper bound (`maxK`).
 * - floor: the random baseline when known (fixed), otherwise fitted in [0, 0.3].
 * - ceiling: 1 by default (fixed); when fitted, in [max(y_max − 0.2, floor_max + 0.05), 1] capped at 1:
 *   the curve may top out below the best observed score only by noise-sized amounts (0.2).
 */
import { leastSquares, type LeastSquaresOptions } from './levenberg-marquardt.js';
import { logistic, type SigmoidParams } from './sigmoid.js';

export const FLOOR_RANGE: readonly [number, number] = [0, 0.3];
export const K_RANGE: readonly [number, number] = [0.01, 50];
/** Fraction of the observed x span by which x0 may lie outside it. */
export const X0_MARGIN = 0.25;
/** How far below the highest observed score a fitted ceiling may lie. */
export const CEILING_SLACK = 0.2;

export interface SigmoidFitOptions {
  /** Fixed floor (the task's random baseline, 0–1); omitted → fitted in FLOOR_RANGE. */
  floor?: number;
  /** Fit the ceiling instead of fixing it at 1. */
  fitCeiling?: boolean;
  /** A lower upper bound on k than K_RANGE's (forecasts cap the sharpness, src/core/forecast/score-curves.ts). */
  maxK?: number;
  /** The starts' 10–90% rise widths as fractions of the x span (default 1, ¼ and 1/16). */
  widthFractions?: readonly number[];
  /** LM settings for each start. */
  solver?: LeastSquaresOptions;
}

export type ParamName = keyof SigmoidParams;

export interface SigmoidBounds {
  lower: SigmoidParams;
  upper: SigmoidParams;
}

export interface SigmoidFit {
  params: SigmoidParams;
  /** Residual sum of squares Σ(y − ŷ)². */
  rss: number;
  /** Whether the best start's solver passed a convergence test. */
  converged: boolean;
  iterations: number;
  bounds: SigmoidBounds;
  /** Fitted (not fixed) parameters that ended on a bound of their box. */
  atBound: ParamName[];
}

const NAMES: readonly ParamName[] = ['x0', 'k', 'floor', 'ceiling'];

/**
 * The box the fit searches, from the data and options (see the module comment).
 * @throws RangeError when there are no points, x has no spread, or the fixed floor is not in [0, 1)
 * @example sigmoidBounds([20, 21, 22, 24], [0, 0.1, 0.5, 0.9], { floor: 0 }) // lower { x0: 19, k: 0.01, floor: 0, ceiling: 1 }, upper { x0: 25, k: 50, floor: 0, ceiling: 1 }
 */
export function sigmoidBounds(xs: readonly number[], ys: readonly number[], options: SigmoidFitOptions = {}): SigmoidBounds {
  if (xs.length === 0 || xs.length !== ys.length) throw new RangeError('need as many y as x values, and at least one');
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const span = xMax - xMin;
  if (!(span > 0)) throw new RangeError('x values must not all be equal');
  const floorFixed = options.floor;
  if (floorFixed !== undefined && !(floorFixed >= 0 && floorFixed < 1)) throw new RangeError(`a fixed floor must be in [0, 1), got ${floorFixed}`);
  const floorLo = floorFixed ?? FLOOR_RANGE[0];
  const floorHi = floorFixed ?? FLOOR_RANGE[1];
  let ceilingLo = 1;
  if (options.fitCeiling) ceilingLo = Math.min(1, Math.max(Math.max(...ys) - CEILING_SLACK, floorHi + 0.05));
  return {
    lower: { x0: xMin - X0_MARGIN * span, k: K_RANGE[0], floor: floorLo, ceiling: ceilingLo },
    upper: { x0: xMax + X0_MARGIN * span, k: Math.max(K_RANGE[0], Math.min(K_RANGE[1], options.maxK ?? K_RANGE[1])), floor: floorHi, ceiling: 1 },
  };
}

/**
 * Fit the sigmoid from a grid of 15 starts (x0 at 10, 30, 50, 70 and 90% of the x range; k such that
 * the 10–90% rise spans 1, ¼ and 1/16 of it, or `widthFractions` of it; floor and ceiling at the lowest and highest scores,
 * clamped; a start whose k clamps to the same value as the one before is skipped) and keep the lowest
 * residual sum of squares (ties go to a converged start).
 * @throws RangeError as `sigmoidBounds`
 * @example fitSigmoid([18, 19, 20, 21, 22, 23], [0, 0.0025, 0.0474, 0.5, 0.9526, 0.9975], { floor: 0 }).params // { x0: 21.00000007596241, k: 3.0005117601225475, floor: 0, ceiling: 1 } (the ys are rounded values of x0 = 21, k = 3)
 */
export function fitSigmoid(xs: readonly number[], ys: readonly number[], options: SigmoidFitOptions = {}): SigmoidFit {
  const bounds = sigmoidBounds(xs, ys, options);
  const xMin = Math.min(...xs);
  const span = Math.max(...xs) - xMin;
  const floorStart = clamp(Math.min(...ys), bounds.lower.floor, bounds.upper.floor);
  const ceilingStart = clamp(Math.max(...ys), bounds.lower.ceiling, bounds.upper.ceiling);
  let best: SigmoidFit | undefined;
  for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    let previousK = NaN;
    for (const widthFraction of options.widthFractions ?? [1, 0.25, 0.0625]) {
      const start: SigmoidParams = {
        x0: xMin + fraction * span,
        k: clamp((2 * Math.log(9)) / (widthFraction * span), bounds.lower.k, bounds.upper.k),
        floor: floorStart,
        ceiling: ceilingStart,
      };
      // A k clamped to its bound repeats the previous start: the same fit, not fitted twice.
      if (start.k === previousK) continue;
      previousK = start.k;
      const fit = refitSigmoid(xs, ys, start, bounds, options.solver);
      if (!best || better(fit, best)) best = fit;
    }
  }
  return best!;
}

/**
 * One bounded Levenberg–Marquardt fit of the sigmoid from `start` within `bounds` (used by the
 * bootstrap, which restarts from the full-data fit).
 * @example refitSigmoid([18, 19, 20, 21, 22, 23], [0, 0.0025, 0.0474, 0.5, 0.9526, 0.9975], { x0: 20, k: 1, floor: 0, ceiling: 1 }, { lower: { x0: 17, k: 0.01, floor: 0, ceiling: 1 }, upper: { x0: 24, k: 50, floor: 0, ceiling: 1 } }).params.k // 3.0005117601225604
 */
export function refitSigmoid(
  xs: readonly number[],
  ys: readonly number[],
  start: SigmoidParams,
  bounds: SigmoidBounds,
  solver: LeastSquaresOptions = {},
): SigmoidFit {
  const n = xs.length;
  const lower = NAMES.map((name) => bounds.lower[name]);
  const upper = NAMES.map((name) => bounds.upper[name]);
  const result = leastSquares(
    {
      residuals: n,
      lower,
      upper,
      evaluate(p, r, J) {
        const x0 = p[0]!;
        const k = p[1]!;
        const floor = p[2]!;
        const rise = p[3]! - floor;
        for (let i = 0; i < n; i++) {
          const u = xs[i]! - x0;
          const s = logistic(k * u);
          r[i] = floor + rise * s - ys[i]!;
          if (J) {
            const ds = rise * s * (1 - s);
            J[i * 4] = -k * ds; // ∂/∂x0
            J[i * 4 + 1] = u * ds; // ∂/∂k
            J[i * 4 + 2] = 1 - s; // ∂/∂floor
            J[i * 4 + 3] = s; // ∂/∂ceiling
          }
        }
      },
    },
    NAMES.map((name) => start[name]),
    solver,
  );
  const p = result.params;
  const params: SigmoidParams = { x0: p[0]!, k: p[1]!, floor: p[2]!, ceiling: p[3]! };
  const atBound = NAMES.filter((name, j) => upper[j]! > lower[j]! && (p[j]! <= lower[j]! || p[j]! >= upper[j]!));
  return { params, rss: 2 * result.cost, converged: result.converged, iterations: result.iterations, bounds, atBound };
}

function better(a: SigmoidFit, b: SigmoidFit): boolean {
  const tolerance = 1e-9 * Math.max(b.rss, 1e-300);
  if (a.rss < b.rss - tolerance) return true;
  if (a.rss <= b.rss + tolerance) return a.converged && !b.converged;
  return false;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
