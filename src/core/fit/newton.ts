/**
 * The polish of a screened fit (law-screen.ts): Newton's method with a Hessian kept between steps
 * (the chord method; Kelley 1995, "Iterative Methods for Linear and Nonlinear Equations", §5.4), from
 * a point already near the minimum.
 *
 * Near a minimum of the law objective L-BFGS is slow and stops early: the objective is nearly flat
 * along the A–α direction (Hessian condition number about 1e6–1e7), and its test on the relative
 * decrease of one iteration (ftol) is met while the minimum is still 1e-6 away, relative. Newton steps
 * x ← x − t·H⁻¹∇f use the curvature directly. H is the central-difference Hessian of the analytic
 * gradient (10 evaluations); it is kept while the steps converge quickly and taken again where they
 * slow down (the Newton decrement falls by less than 4× in a step). The stopping test is the Newton
 * decrement λ²/2 = ½·gᵀH⁻¹g, the decrease the quadratic model still promises (Boyd & Vandenberghe
 * 2004, "Convex Optimization", §9.5.1): stop when it is below 1e-12·max(|f|, 1), or when a whole
 * step gained less than that (the Huber objective is only piecewise smooth, and on a few thousand
 * rows its kinks can hold the decrement near 1e-10 while f no longer moves). From a screen candidate
 * this takes about 15 evaluations, against about 50 for L-BFGS. Steps are backtracked to Armijo's
 * condition f(x + t·p) ≤ f(x) + 10⁻⁴·t·gᵀp.
 */
import { cholesky, choleskySolve } from './cholesky.js';
import type { LbfgsReason, ValueAndGradient } from './lbfgs.js';

export interface NewtonOptions {
  /** Stop when ½·gᵀH⁻¹g, or the decrease of the last step, is ≤ rtol·max(|f|, 1) (default 1e-12). */
  rtol: number;
  /** Step limit (default 50). Reaching it is not convergence. */
  maxIterations: number;
}

export const DEFAULT_NEWTON: NewtonOptions = { rtol: 1e-12, maxIterations: 50 };

/** Hessians taken at most this many times in one run. */
const MAX_HESSIANS = 5;

export interface NewtonResult {
  x: Float64Array;
  value: number;
  iterations: number;
  /** Objective evaluations, those of the Hessians included (10 each). */
  evaluations: number;
  /** 'gradient' when the decrement test passed, 'ftol' when a step gained less than it or none lowers f with the decrement within 1000× of it; otherwise why it stopped. */
  reason: LbfgsReason;
  converged: boolean;
}

/**
 * Minimise f from x0 by chord-Newton steps. `hessianAt(x)` returns ∇²f(x), row-major n×n, at a cost
 * of `hessianCost` evaluations. Returns null when the Hessian at x0 is not positive definite (x0 is
 * not near a minimum; the caller then uses L-BFGS). `x0` is not modified.
 * @example
 * // f = x² + 10y² from (1, 1): one exact Newton step
 * newtonMinimize((x, g) => { g[0] = 2 * x[0]; g[1] = 20 * x[1]; return x[0] ** 2 + 10 * x[1] ** 2; },
 *   () => Float64Array.of(2, 0, 0, 20), 0, Float64Array.of(1, 1))
 * // { x: [0, 0], value: 0, iterations: 1, evaluations: 2, reason: 'gradient', converged: true }
 */
export function newtonMinimize(
  f: ValueAndGradient,
  hessianAt: (x: Float64Array) => ArrayLike<number>,
  hessianCost: number,
  x0: Float64Array,
  options: Partial<NewtonOptions> = {},
): NewtonResult | null {
  const o = { ...DEFAULT_NEWTON, ...options };
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let value = f(x, g);
  let evaluations = 1 + hessianCost;
  let factor = Number.isFinite(value) ? cholesky(hessianAt(x), n) : null;
  if (!factor) return null;
  let hessians = 1;
  let fresh = true; // the factor was taken at this x
  let previous = Infinity;
  let xTrial = new Float64Array(n);
  let gTrial = new Float64Array(n);
  const finish = (reason: LbfgsReason, iterations: number): NewtonResult => ({ x, value, iterations, evaluations, reason, converged: reason === 'gradient' || reason === 'ftol' });
  for (let iteration = 0; ; iteration++) {
    let step = choleskySolve(factor, g, n);
    let decrement = 0.5 * dot(g, step);
    if (decrement <= o.rtol * Math.max(Math.abs(value), 1)) return finish('gradient', iteration);
    if (iteration >= o.maxIterations) return finish('maxIterations', iteration);
    // Slow convergence, a non-descent direction or a failed search below: take the Hessian here.
    const retake = (): boolean => {
      if (fresh || hessians >= MAX_HESSIANS) return false;
      const next = cholesky(hessianAt(x), n);
      evaluations += hessianCost;
      hessians++;
      if (!next) return false;
      factor = next;
      fresh = true;
      step = choleskySolve(factor, g, n);
      decrement = 0.5 * dot(g, step);
      return true;
    };
    if (decrement > previous / 4 || !(decrement > 0)) retake();
    if (!(decrement > 0)) return finish('lineSearch', iteration);
    // Backtrack along p = −step, whose slope gᵀp is −2·decrement.
    const search = (): boolean => {
      let t = 1;
      for (let halvings = 0; halvings < 30; halvings++, t /= 2) {
        for (let i = 0; i < n; i++) xTrial[i] = x[i]! - t * step[i]!;
        const trial = f(xTrial, gTrial);
        evaluations++;
        if (trial <= value - 2e-4 * t * decrement) {
          value = trial;
          return true;
        }
      }
      return false;
    };
    // No step decreases f: at the level of rounding (decrement ≤ 1000·rtol) that is convergence.
    const before = value;
    if (!search() && !(retake() && search())) return finish(decrement <= 1e3 * o.rtol * Math.max(Math.abs(value), 1) ? 'ftol' : 'lineSearch', iteration);
    [x, xTrial] = [xTrial, x];
    [g, gTrial] = [gTrial, g];
    previous = decrement;
    fresh = false;
    // Where kinks of the objective (Huber's, at |r| = δ) keep the quadratic model from closing in, a
    // step still gains almost nothing: stop when it gains ≤ rtol·max(|f|, 1), like L-BFGS's ftol.
    if (before - value <= o.rtol * Math.max(Math.abs(before), 1)) return finish('ftol', iteration + 1);
  }
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
