/**
 * The Moré–Thuente line search (Moré & Thuente 1994, "Line search algorithms with guaranteed
 * sufficient decrease", ACM TOMS 20(3)), as in MINPACK-2's dcsrch/dcstep, which L-BFGS-B (and so
 * scipy's `minimize(method='L-BFGS-B')`) uses.
 *
 * Along a descent direction, φ(t) = f(x + t·d). It finds a step t satisfying the strong Wolfe
 * conditions
 *   φ(t) ≤ φ(0) + ftol·t·φ'(0)      (sufficient decrease)
 *   |φ'(t)| ≤ gtol·|φ'(0)|          (curvature)
 * by safeguarded cubic/quadratic interpolation inside an interval of uncertainty that is known to
 * contain such a step once bracketed.
 */

export interface LineSearchOptions {
  /** Sufficient-decrease constant (L-BFGS-B: 1e-3). */
  ftol: number;
  /** Curvature constant (L-BFGS-B: 0.9). */
  gtol: number;
  /** Relative width of the interval of uncertainty below which the search stops (L-BFGS-B: 0.1). */
  xtol: number;
  /** Smallest and largest step allowed. */
  stpmin: number;
  stpmax: number;
  /** Most evaluations of φ in one search (L-BFGS-B: 20). */
  maxEvaluations: number;
}

export const DEFAULT_LINE_SEARCH: LineSearchOptions = { ftol: 1e-3, gtol: 0.9, xtol: 0.1, stpmin: 0, stpmax: 1e10, maxEvaluations: 20 };

/**
 * φ and its derivative at step t: writes φ(t) to out[0] and φ'(t) to out[1]. The caller keeps the
 * point and gradient of its last call: the search always returns the step it evaluated last.
 */
export type LinePhi = (step: number, out: Float64Array) => void;

export type LineSearchStatus =
  /** Both strong Wolfe conditions hold. */
  | 'converged'
  /** MINPACK-2 warnings (rounding errors, interval below xtol, step at a bound); the step is usable if it decreased φ. */
  | 'warning'
  /** Ran out of evaluations. */
  | 'maxEvaluations'
  /** φ'(0) ≥ 0 or bad input: no search was possible. */
  | 'notDescent';

export interface LineSearchResult {
  status: LineSearchStatus;
  step: number;
  value: number;
  derivative: number;
  evaluations: number;
}

/**
 * Moré–Thuente search from φ(0) = `f0`, φ'(0) = `g0` < 0, with first trial step `step`.
 * Non-finite φ at a trial step (an overflow far out along d) halves the step towards the best
 * point so far and caps the search there.
 * @returns the last evaluated step with its φ and φ', and how the search ended
 * @example
 * // φ(t) = (t − 2)² from t = 0 (φ = 4, φ' = −4): the first trial t = 1 already meets both conditions
 * // (1 ≤ 4 − 1e-3·4 and |−2| ≤ 0.9·4)
 * moreThuente((t, out) => { out[0] = (t - 2) ** 2; out[1] = 2 * (t - 2); }, 4, -4, 1, DEFAULT_LINE_SEARCH)
 * // { status: 'converged', step: 1, value: 1, derivative: -2, evaluations: 1 }
 */
export function moreThuente(phi: LinePhi, f0: number, g0: number, step: number, options: LineSearchOptions): LineSearchResult {
  const { ftol, gtol, xtol, stpmin, maxEvaluations } = options;
  let stpmax = options.stpmax;
  const out = new Float64Array(2);
  if (!(g0 < 0) || !(step > 0) || step < stpmin || step > stpmax) {
    return { status: 'notDescent', step: 0, value: f0, derivative: g0, evaluations: 0 };
  }
  const gtest = ftol * g0;
  let width = stpmax - stpmin;
  let width1 = width / 0.5;
  const state: Interval = { stx: 0, fx: f0, gx: g0, sty: 0, fy: f0, gy: g0, brackt: false };
  let stage = 1;
  let stmin = 0;
  let stmax = step + 4 * step;
  let stp = step;
  let evaluations = 0;
  for (;;) {
    phi(stp, out);
    evaluations++;
    let f = out[0]!;
    let g = out[1]!;
    if (!Number.isFinite(f) || !Number.isFinite(g)) {
      if (evaluations >= maxEvaluations) return { status: 'maxEvaluations', step: stp, value: f, derivative: g, evaluations };
      // Overflow far out: never step this far again, and retreat halfway to the best point.
      stpmax = stp;
      stmax = Math.min(stmax, stp);
      stp = state.stx + 0.5 * (stp - state.stx);
      continue;
    }
    const ftest = f0 + stp * gtest;
    if (stage === 1 && f <= ftest && g >= 0) stage = 2;
    let warning = false;
    if (state.brackt && (stp <= stmin || stp >= stmax)) warning = true; // rounding errors prevent progress
    if (state.brackt && stmax - stmin <= xtol * stmax) warning = true; // interval of uncertainty below xtol
    if (stp === stpmax && f <= ftest && g <= gtest) warning = true; // step at the upper bound
    if (stp === stpmin && (f > ftest || g >= gtest)) warning = true; // step at the lower bound
    if (f <= ftest && Math.abs(g) <= gtol * -g0) return { status: 'converged', step: stp, value: f, derivative: g, evaluations };
    if (warning) return { status: 'warning', step: stp, value: f, derivative: g, evaluations };
    if (evaluations >= maxEvaluations) return { status: 'maxEvaluations', step: stp, value: f, derivative: g, evaluations };

    if (stage === 1 && f <= state.fx && f > ftest) {
      // A modified function ψ(t) = φ(t) − φ(0) − ftol·t·φ'(0) is used until a step with ψ ≤ 0
      // and φ' ≥ 0 is found (MINPACK-2's first stage).
      state.fx -= state.stx * gtest;
      state.fy -= state.sty * gtest;
      state.gx -= gtest;
      state.gy -= gtest;
      f -= stp * gtest;
      g -= gtest;
      stp = dcstep(state, stp, f, g, stmin, stmax);
      state.fx += state.stx * gtest;
      state.fy += state.sty * gtest;
      state.gx += gtest;
      state.gy += gtest;
    } else {
      stp = dcstep(state, stp, f, g, stmin, stmax);
    }
    if (state.brackt) {
      // Force a sufficient shrink of the interval: bisect if two steps did not halve it.
      if (Math.abs(state.sty - state.stx) >= 0.66 * width1) stp = state.stx + 0.5 * (state.sty - state.stx);
      width1 = width;
      width = Math.abs(state.sty - state.stx);
      stmin = Math.min(state.stx, state.sty);
      stmax = Math.max(state.stx, state.sty);
    } else {
      stmin = stp + 1.1 * (stp - state.stx);
      stmax = stp + 4 * (stp - state.stx);
    }
    stp = Math.min(Math.max(stp, stpmin), stpmax);
    if ((state.brackt && (stp <= stmin || stp >= stmax)) || (state.brackt && stmax - stmin <= xtol * stmax)) stp = state.stx;
  }
}

/** The interval of uncertainty: the best step so far (stx) and the other end (sty), with φ and φ'. */
interface Interval {
  stx: number;
  fx: number;
  gx: number;
  sty: number;
  fy: number;
  gy: number;
  brackt: boolean;
}

/**
 * One safeguarded step of MINPACK-2's dcstep: a new trial step from cubic and quadratic (secant)
 * interpolants of the interval ends and the current trial, and the update of the interval. Four
 * cases by whether φ rose, whether φ' changed sign, and whether |φ'| fell (Moré & Thuente §4).
 */
function dcstep(s: Interval, stp: number, fp: number, dp: number, stpmin: number, stpmax: number): number {
  const { stx, fx, gx: dx, sty, fy, gy: dy } = s;
  const sgnd = dp * Math.sign(dx);
  let stpf: number;
  if (fp > fx) {
    // Case 1: higher function value; the minimum is bracketed.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const scale = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = scale * Math.sqrt((theta / scale) ** 2 - (dx / scale) * (dp / scale));
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    s.brackt = true;
  } else if (sgnd < 0) {
    // Case 2: lower value, derivatives of opposite sign; bracketed.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const scale = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = scale * Math.sqrt((theta / scale) ** 2 - (dx / scale) * (dp / scale));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    s.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same-sign derivative, decreasing in magnitude.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const scale = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = scale * Math.sqrt(Math.max(0, (theta / scale) ** 2 - (dx / scale) * (dp / scale)));
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (s.brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else {
    // Case 4: lower value, same-sign derivative not decreasing: step to the far end or extrapolate.
    if (s.brackt) {
      const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
      const scale = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
      let gamma = scale * Math.sqrt((theta / scale) ** 2 - (dy / scale) * (dp / scale));
      if (stp > sty) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma - dp + gamma + dy;
      stpf = stp + (p / q) * (sty - stp);
    } else {
      stpf = stp > stx ? stpmax : stpmin;
    }
  }
  // Update the interval of uncertainty.
  if (fp > fx) {
    s.sty = stp;
    s.fy = fp;
    s.gy = dp;
  } else {
    if (sgnd < 0) {
      s.sty = stx;
      s.fy = fx;
      s.gy = dx;
    }
    s.stx = stp;
    s.fx = fp;
    s.gx = dp;
  }
  return stpf;
}
