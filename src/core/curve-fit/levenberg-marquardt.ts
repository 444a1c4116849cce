/**
 * Box-constrained nonlinear least squares by a projected Levenberg–Marquardt method: minimise
 * ½‖r(p)‖² subject to lower ≤ p ≤ upper, for a handful of parameters.
 *
 * Each iteration solves (JᵀJ + λ·D)δ = −Jᵀr over the free parameters (D = diag(JᵀJ), Marquardt 1963)
 * and projects p + δ onto the box; a parameter sitting on a bound with the gradient pushing it out is
 * held fixed for that step (the active set of Kanzow, Yamashita & Fukushima 2004, "Levenberg–Marquardt
 * methods with strong local convergence properties for solving nonlinear equations with convex
 * constraints", J. Comput. Appl. Math. 172). λ follows Nielsen's update (Madsen, Nielsen & Tingleff
 * 2004, "Methods for non-linear least squares problems", §3.2).
 */
import { cholesky, choleskySolve } from '../fit/cholesky.js';

export interface LeastSquaresProblem {
  /** Number of residuals. */
  residuals: number;
  /**
   * Fill `r` (length `residuals`) with the residuals at `p`, and when `jacobian` is given, fill it
   * row-major (residuals × parameters) with ∂r_i/∂p_j.
   */
  evaluate(p: Float64Array, r: Float64Array, jacobian: Float64Array | null): void;
  lower: readonly number[];
  upper: readonly number[];
}

export interface LeastSquaresOptions {
  /** Iteration limit, counting rejected trial steps (default 1000). */
  maxIterations?: number;
  /** Relative cost reduction below which an accepted step counts as converged (default 1e-12). */
  costTolerance?: number;
  /** Largest cosine between a residual and a free Jacobian column at a minimum (default 1e-8). */
  gradientTolerance?: number;
  /** Step length, relative to the parameter, below which an accepted step near a stationary point counts as converged (default 1e-10). */
  stepTolerance?: number;
}

export interface LeastSquaresResult {
  params: Float64Array;
  /** ½‖r‖² at `params`. */
  cost: number;
  iterations: number;
  /** True only when a convergence test passed; false at the iteration limit or when no step helps away from a stationary point. */
  converged: boolean;
}

/**
 * Projected Levenberg–Marquardt from `start` (clamped into the box).
 *
 * Converged when (a) the residuals vanish (cost < 1e-30); (b) every free gradient component is
 * small, |J_jᵀr| ≤ gradientTolerance·‖J_j‖·‖r‖ (MINPACK's gtol test, Moré, Garbow & Hillstrom 1980);
 * or the gradient test passes at the looser 1e-5 and either (c) an accepted step reduced the cost by
 * less than costTolerance relatively, (d) moved every parameter by less than stepTolerance relatively,
 * or (e) no step lowers the cost any more (rounding). Otherwise — iteration limit, or slow progress
 * away from a stationary point — `converged` is false.
 * @throws RangeError when the bounds and start do not have the same length or a lower bound exceeds its upper bound
 * @example
 * // fit y = a·x on (1, 2), (2, 4.1) with a ∈ [0, 10]:
 * leastSquares({ residuals: 2, lower: [0], upper: [10], evaluate(p, r, J) { r[0] = p[0] - 2; r[1] = 2 * p[0] - 4.1; if (J) { J[0] = 1; J[1] = 2; } } }, [1]).params[0] // 2.039999999999115 (exact: 2.04)
 */
export function leastSquares(problem: LeastSquaresProblem, start: readonly number[], options: LeastSquaresOptions = {}): LeastSquaresResult {
  const m = start.length;
  const n = problem.residuals;
  if (problem.lower.length !== m || problem.upper.length !== m) throw new RangeError('bounds and start must have the same length');
  for (let j = 0; j < m; j++) {
    if (!(problem.lower[j]! <= problem.upper[j]!)) throw new RangeError(`lower bound ${problem.lower[j]} exceeds upper bound ${problem.upper[j]}`);
  }
  const maxIterations = options.maxIterations ?? 1000;
  const costTolerance = options.costTolerance ?? 1e-12;
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const stepTolerance = options.stepTolerance ?? 1e-10;

  const lo = problem.lower;
  const hi = problem.upper;
  const p = Float64Array.from(start, (v, j) => clamp(v, lo[j]!, hi[j]!));
  const trial = new Float64Array(m);
  const r = new Float64Array(n);
  const rTrial = new Float64Array(n);
  const J = new Float64Array(n * m);
  const g = new Float64Array(m);
  const A = new Float64Array(m * m);
  const free: number[] = [];
  const M = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  const delta = new Float64Array(m);

  problem.evaluate(p, r, J);
  let cost = halfSquaredNorm(r);
  /** Whether every free gradient cosine at the current p (with the current J and r) is at most `tolerance`. */
  const stationary = (tolerance: number): boolean => {
    const residualNorm = Math.sqrt(2 * cost);
    for (const j of free) {
      let gj = 0;
      let norm = 0;
      for (let i = 0; i < n; i++) {
        gj += J[i * m + j]! * r[i]!;
        norm += J[i * m + j]! * J[i * m + j]!;
      }
      const scale = Math.sqrt(norm) * residualNorm;
      if (scale > 0 && Math.abs(gj) > tolerance * scale) return false;
    }
    return true;
  };
  let lambda = -1;
  let nu = 2;
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    if (cost < 1e-30) {
      converged = true;
      break;
    }
    // Normal equations and the gradient g = Jᵀr.
    for (let a = 0; a < m; a++) {
      let ga = 0;
      for (let i = 0; i < n; i++) ga += J[i * m + a]! * r[i]!;
      g[a] = ga;
      for (let b = a; b < m; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += J[i * m + a]! * J[i * m + b]!;
        A[a * m + b] = s;
        A[b * m + a] = s;
      }
    }
    // Active set: a parameter on a bound whose descent direction points outside stays put.
    free.length = 0;
    for (let j = 0; j < m; j++) {
      const atLower = p[j]! <= lo[j]! && g[j]! > 0;
      const atUpper = p[j]! >= hi[j]! && g[j]! < 0;
      if (!atLower && !atUpper && hi[j]! > lo[j]!) free.push(j);
    }
    if (stationary(gradientTolerance)) {
      converged = true;
      break;
    }
    if (lambda < 0) {
      let maxDiagonal = 0;
      for (const j of free) maxDiagonal = Math.max(maxDiagonal, A[j * m + j]!);
      lambda = 1e-3 * Math.max(maxDiagonal, 1e-12);
    }

    // Inner loop: raise λ until a step lowers the cost.
    let accepted = false;
    while (!accepted) {
      iterations++;
      const f = free.length;
      for (let a = 0; a < f; a++) {
        const ja = free[a]!;
        rhs[a] = -g[ja]!;
        for (let b = 0; b < f; b++) M[a * f + b] = A[ja * m + free[b]!]!;
        M[a * f + a] = M[a * f + a]! + lambda * Math.max(A[ja * m + ja]!, 1e-12);
      }
      const factor = cholesky(M, f);
      const solved = factor !== null;
      if (factor) delta.set(choleskySolve(factor, rhs, f).subarray(0, f));
      trial.set(p);
      if (solved) {
        for (let a = 0; a < f; a++) {
          const j = free[a]!;
          trial[j] = clamp(p[j]! + delta[a]!, lo[j]!, hi[j]!);
        }
      }
      let stepSmall = true;
      let predicted = 0;
      for (let a = 0; a < f; a++) {
        const j = free[a]!;
        const step = trial[j]! - p[j]!;
        if (Math.abs(step) > stepTolerance * (Math.abs(p[j]!) + stepTolerance)) stepSmall = false;
        // Predicted reduction of the linear model for the projected step s: −gᵀs − ½ sᵀJᵀJs.
        predicted -= g[j]! * step;
        for (let b = 0; b < f; b++) predicted -= 0.5 * step * A[j * m + free[b]!]! * (trial[free[b]!]! - p[free[b]!]!);
      }
      problem.evaluate(trial, rTrial, null);
      const trialCost = halfSquaredNorm(rTrial);
      if (solved && trialCost < cost) {
        const reduction = cost - trialCost;
        const rho = predicted > 0 ? reduction / predicted : 1;
        p.set(trial);
        problem.evaluate(p, r, J);
        const previous = cost;
        cost = trialCost;
        lambda *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
        nu = 2;
        accepted = true;
        // Tiny progress only counts as convergence near a stationary point: a heavily damped step is
        // also tiny, far from a minimum.
        if ((reduction <= costTolerance * previous || stepSmall) && stationary(STALL_GRADIENT_TOLERANCE)) converged = true;
      } else {
        lambda *= nu;
        nu *= 2;
        if (!Number.isFinite(lambda) || lambda > 1e30 || iterations >= maxIterations) break;
      }
    }
    if (converged) break;
    if (!accepted) {
      // No step lowers the cost any more: converged only if this is (nearly) a stationary point.
      converged = stationary(STALL_GRADIENT_TOLERANCE);
      break;
    }
  }
  return { params: p, cost, iterations, converged };
}

/** When no step helps, the gradient cosine below which the point still counts as a minimum. */
const STALL_GRADIENT_TOLERANCE = 1e-5;

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function halfSquaredNorm(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return 0.5 * s;
}
