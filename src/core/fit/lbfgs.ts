/**
 * Limited-memory BFGS (Liu & Nocedal 1989; Nocedal & Wright, "Numerical Optimization", 2nd ed.,
 * Algorithm 7.4 and 7.5) for smooth unconstrained minimisation, with the Moré–Thuente line search.
 *
 * It follows what scipy's L-BFGS-B does when no bounds are given, so results and stopping points are
 * comparable: memory m = 10, first step 1/‖d‖₂, then unit steps; line search ftol 1e-3, gtol 0.9,
 * xtol 0.1, 20 evaluations at most; a failed line search discards the memory and retries along −g
 * once; stop when ‖g‖∞ ≤ gtol or when the relative reduction (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1)
 * ≤ ftol (scipy's factr·ε = 2.22e-9).
 */
import { DEFAULT_LINE_SEARCH, moreThuente, type LineSearchOptions } from './line-search.js';

/** Value-and-gradient: returns f(x) and writes ∇f(x) into `gradient` (same length as x). */
export type ValueAndGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Number of correction pairs kept (scipy `maxcor`, default 10). */
  memory: number;
  /** Stop when ‖∇f‖∞ ≤ gtol (scipy `gtol`/`pgtol`, default 1e-5). */
  gtol: number;
  /** Stop when the relative reduction of f in one iteration is ≤ ftol (scipy `ftol`, default 2.220446049250313e-9). */
  ftol: number;
  /** Iteration limit (scipy `maxiter`, default 15000). Reaching it is not convergence. */
  maxIterations: number;
  /** Evaluation limit (scipy `maxfun`, default 15000). Reaching it is not convergence. */
  maxEvaluations: number;
  lineSearch: LineSearchOptions;
  /**
   * Called after every accepted iteration with its number and f; returning `false` stops the run
   * (reason 'stopped', not converged). Used to abandon starts that cannot win.
   */
  onIteration?: (iteration: number, value: number) => boolean;
}

export const DEFAULT_LBFGS: LbfgsOptions = {
  memory: 10,
  gtol: 1e-5,
  ftol: 2.220446049250313e-9,
  maxIterations: 15000,
  maxEvaluations: 15000,
  lineSearch: DEFAULT_LINE_SEARCH,
};

export type LbfgsReason =
  /** ‖∇f‖∞ ≤ gtol. */
  | 'gradient'
  /** The relative reduction of f fell below ftol. */
  | 'ftol'
  | 'maxIterations'
  | 'maxEvaluations'
  /** The line search failed along the quasi-Newton direction and along −∇f (scipy: ABNORMAL_TERMINATION_IN_LNSRCH). */
  | 'lineSearch'
  /** f or ∇f is not finite at the starting point. */
  | 'nonFinite'
  /** `onIteration` returned false. */
  | 'stopped';

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  /** ‖∇f(x)‖∞ at the returned x. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  /** True only when a convergence test passed ('gradient' or 'ftol'); never at a limit. */
  converged: boolean;
  reason: LbfgsReason;
}

/**
 * Minimise f from x0 by L-BFGS. `x0` is not modified. Never throws: a run that cannot proceed
 * returns with `converged: false` and the reason.
 * @example
 * // Rosenbrock's function from (−1.2, 1); scipy's L-BFGS-B takes the same 36 iterations and 44 evaluations
 * const rosenbrock = (x, g) => {
 *   const [a, b] = x; g[0] = -2 * (1 - a) - 400 * a * (b - a * a); g[1] = 200 * (b - a * a);
 *   return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
 * };
 * minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1))
 * // { x: [0.99999895, 0.99999802], value: 2.81e-12, iterations: 36, evaluations: 44, converged: true, reason: 'ftol', ... }
 */
export function minimizeLbfgs(fg: ValueAndGradient, x0: Float64Array, options: Partial<LbfgsOptions> = {}): LbfgsResult {
  const o: LbfgsOptions = { ...DEFAULT_LBFGS, ...options };
  const n = x0.length;
  const m = Math.max(1, Math.floor(o.memory));
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xTrial = new Float64Array(n);
  let gTrial = new Float64Array(n);
  const d = new Float64Array(n);
  const s = Array.from({ length: m }, () => new Float64Array(n));
  const y = Array.from({ length: m }, () => new Float64Array(n));
  const rho = new Float64Array(m);
  const alpha = new Float64Array(m);
  let stored = 0; // number of correction pairs held
  let newest = -1; // index of the newest pair (ring buffer)
  let gamma = 1; // H0 = γI, γ = sᵀy / yᵀy of the newest pair

  let f = fg(x, g);
  let evaluations = 1;
  let iterations = 0;
  const finish = (reason: LbfgsReason): LbfgsResult => ({
    x,
    value: f,
    gradientNorm: infNorm(g),
    iterations,
    evaluations,
    converged: reason === 'gradient' || reason === 'ftol',
    reason,
  });
  if (!Number.isFinite(f) || !allFinite(g)) return finish('nonFinite');
  if (infNorm(g) <= o.gtol) return finish('gradient');

  // φ(t) = f(x + t·d) and φ'(t) = ∇f(x + t·d)·d, evaluated into the trial buffers.
  const phi = (step: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) xTrial[i] = x[i]! + step * d[i]!;
    out[0] = fg(xTrial, gTrial);
    out[1] = dot(gTrial, d);
  };

  for (;;) {
    if (iterations >= o.maxIterations) return finish('maxIterations');
    if (evaluations >= o.maxEvaluations) return finish('maxEvaluations');

    // Search direction d = −H·g by the two-loop recursion (Nocedal & Wright Algorithm 7.4).
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    for (let k = 0, j = newest; k < stored; k++, j = (j - 1 + m) % m) {
      const a = rho[j]! * dot(s[j]!, d);
      alpha[j] = a;
      axpy(-a, y[j]!, d);
    }
    for (let i = 0; i < n; i++) d[i] = gamma * d[i]!;
    for (let k = 0, j = (newest - stored + 1 + m) % m; k < stored; k++, j = (j + 1) % m) {
      const b = rho[j]! * dot(y[j]!, d);
      axpy(alpha[j]! - b, s[j]!, d);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (rounding in a stale memory): fall back to steepest descent.
      stored = 0;
      gamma = 1;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
    }

    let result = moreThuente(phi, f, slope, firstStep(stored, d, o.lineSearch.stpmax), searchOptions(o, evaluations));
    evaluations += result.evaluations;
    if (!lineSearchSucceeded(result.status, result.value, f)) {
      if (stored === 0) return finish(evaluations >= o.maxEvaluations ? 'maxEvaluations' : 'lineSearch');
      // Discard the memory and retry along −g (L-BFGS-B's "refresh").
      stored = 0;
      gamma = 1;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
      result = moreThuente(phi, f, slope, firstStep(0, d, o.lineSearch.stpmax), searchOptions(o, evaluations));
      evaluations += result.evaluations;
      if (!lineSearchSucceeded(result.status, result.value, f)) return finish(evaluations >= o.maxEvaluations ? 'maxEvaluations' : 'lineSearch');
    }

    // Accept the step: s = x⁺ − x, y = g⁺ − g. The trial buffers hold the last evaluated point.
    const next = (newest + 1) % m;
    const sNext = s[next]!;
    const yNext = y[next]!;
    for (let i = 0; i < n; i++) {
      sNext[i] = xTrial[i]! - x[i]!;
      yNext[i] = gTrial[i]! - g[i]!;
    }
    const fPrevious = f;
    [x, xTrial] = [xTrial, x];
    [g, gTrial] = [gTrial, g];
    f = result.value;
    iterations++;

    if (infNorm(g) <= o.gtol) return finish('gradient');
    if (fPrevious - f <= o.ftol * Math.max(Math.abs(fPrevious), Math.abs(f), 1)) return finish('ftol');
    if (o.onIteration && !o.onIteration(iterations, f)) return finish('stopped');

    // Keep the pair only if the curvature sᵀy is safely positive (L-BFGS-B skips it otherwise).
    const sy = dot(sNext, yNext);
    const yy = dot(yNext, yNext);
    if (sy > Number.EPSILON * yy) {
      newest = next;
      rho[next] = 1 / sy;
      gamma = sy / yy;
      if (stored < m) stored++;
    }
  }
}

/** First trial step: 1/‖d‖₂ without curvature information (L-BFGS-B), else the unit quasi-Newton step. */
function firstStep(stored: number, d: Float64Array, stpmax: number): number {
  return stored === 0 ? Math.min(1 / Math.sqrt(dot(d, d)), stpmax) : 1;
}

function searchOptions(o: LbfgsOptions, evaluations: number): LineSearchOptions {
  const remaining = o.maxEvaluations - evaluations;
  return remaining >= o.lineSearch.maxEvaluations ? o.lineSearch : { ...o.lineSearch, maxEvaluations: Math.max(1, remaining) };
}

/** A step is taken when the search converged or ended with a MINPACK-2 warning at a lower f. */
function lineSearchSucceeded(status: string, value: number, f0: number): boolean {
  return (status === 'converged' || status === 'warning') && Number.isFinite(value) && value <= f0;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = y[i]! + a * x[i]!;
}

function infNorm(v: Float64Array): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]!));
  return max;
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}
