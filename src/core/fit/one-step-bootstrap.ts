/**
 * The one-step bootstrap of the scaling-law fit, for large inputs (above LARGE_FIT_ROWS rows), where
 * refitting 1000 resamples of 10^5 rows by L-BFGS would take minutes.
 *
 * θ̂ minimises f(θ) = Σᵢ ρᵢ(θ). A resample that draws unit u (a row, or a run with all its
 * checkpoints) cᵤ times has the objective f*(θ) = Σᵤ cᵤ·Fᵤ(θ), Fᵤ the sum of ρᵢ over the unit's rows.
 * One Newton step from θ̂ with the full-data Hessian H = ∇²f(θ̂) refits it:
 *   θ* = θ̂ − H⁻¹·∇f*(θ̂) = θ̂ − Σᵤ (cᵤ − 1)·H⁻¹sᵤ,   sᵤ = ∇Fᵤ(θ̂),
 * centred by Σᵤ sᵤ = ∇f(θ̂) ≈ 0. This is the estimating-function (score) bootstrap (Hu & Kalbfleisch
 * 2000, Canadian Journal of Statistics 28(3); Kline & Santos 2012, Journal of Econometric Methods
 * 1(1)): for an M-estimator with a Lipschitz ψ, as Huber's (Huber 1967), θ* − θ̂ has the same
 * limiting distribution as the fully refitted resample's, the difference shrinking faster than the
 * spread. Its covariance is the sandwich H⁻¹(Σᵤ sᵤsᵤᵀ)H⁻¹; percentiles of the constants and of N_opt
 * are taken over the draws, so they keep the asymmetry that exp(a) and the allocation formula add.
 *
 * The counts are independent Poisson(1) draws, one per unit in order (the Poisson bootstrap: Hanley &
 * MacGibbon 2006, Computer Methods and Programs in Biomedicine 83(1); Chamandy et al. 2012, "Estimating
 * uncertainty for massive data streams", Google): for many units it is the multinomial resample
 * (each count Binomial(n, 1/n) → Poisson(1), the dependence among them vanishing), its total varies
 * only as √n, and with Σᵤ sᵤ ≈ 0 the two give the same covariance. Drawn in order, a resample streams
 * once through the units' steps with no table of counts: 10^6 rows a resample in a few milliseconds,
 * where the multinomial's random increments into a table of 10^6 counts are bound by memory latency.
 * Each resample has its own generator seeded by (seed, resample index), so any partition of the
 * resamples across threads gives the same numbers.
 */
import type { Rng } from '../random.js';
import { cholesky, choleskySolve } from './cholesky.js';
import { lawObjective, type LawData, type ResidualLoss } from './law-objective.js';
import { objectiveHessian } from './law-diagnostics.js';

/** Rows grouped into units resampled together: `index[i]` is row i's unit, in [0, count). */
export interface Clusters {
  index: Uint32Array;
  count: number;
}

/** What each resample needs: θ̂ and the step H⁻¹sᵤ of every unit (5 per unit). */
export interface OneStepPlan {
  start: Float64Array;
  units: number;
  directions: Float64Array;
}

/**
 * The one-step plan at θ̂: the score sᵤ of every unit (the sum of its rows' gradients of ρ) and
 * H⁻¹sᵤ with the Hessian of the whole objective at θ̂ (objectiveHessian; `hessian` when the caller
 * has it already, as the fit's diagnostics do).
 * @throws RangeError when the Hessian is not positive definite (some direction of θ is not determined)
 */
export function oneStepPlan(data: LawData, loss: ResidualLoss, theta: ArrayLike<number>, clusters: Clusters | null, hessian?: ArrayLike<number> | null): OneStepPlan {
  const start = Float64Array.from(theta);
  const factor = cholesky(hessian ?? objectiveHessian(data, loss, start), 5);
  if (!factor) throw new RangeError('the objective’s Hessian at the fit is not positive definite, so a one-step bootstrap cannot be taken');
  const units = clusters ? clusters.count : data.n;
  const scores = unitScores(data, loss, start, clusters, units);
  const directions = new Float64Array(5 * units);
  for (let u = 0; u < units; u++) directions.set(choleskySolve(factor, scores.subarray(5 * u, 5 * u + 5), 5), 5 * u);
  return { start, units, directions };
}

/**
 * sᵤ = Σ over the unit's rows of ∇ρᵢ(θ), 5 per unit: each row's gradient is the law objective on
 * that row alone, so it is the same formula the fit minimises.
 */
function unitScores(data: LawData, loss: ResidualLoss, theta: Float64Array, clusters: Clusters | null, units: number): Float64Array {
  const row: LawData = { n: 1, lnN: new Float64Array(1), lnD: new Float64Array(1), lnL: new Float64Array(1), weight: new Float64Array(1) };
  const gradient = lawObjective(row, loss);
  const g = new Float64Array(5);
  const scores = new Float64Array(5 * units);
  for (let i = 0; i < data.n; i++) {
    row.lnN[0] = data.lnN[i]!;
    row.lnD[0] = data.lnD[i]!;
    row.lnL[0] = data.lnL[i]!;
    row.weight[0] = data.weight[i]!;
    gradient(theta, g);
    const at = 5 * (clusters ? clusters.index[i]! : i);
    for (let j = 0; j < 5; j++) scores[at + j] = scores[at + j]! + g[j]!;
  }
  return scores;
}

/**
 * Cumulative probabilities of Poisson(1), P(c ≤ k) = e⁻¹·Σⱼ≤ₖ 1/j!, up to where they reach 1 in
 * double precision (k = 18).
 */
const POISSON_CDF: Float64Array = (() => {
  const cdf: number[] = [];
  let term = Math.exp(-1);
  let sum = 0;
  for (let k = 0; sum < 1 && k < 40; k++) {
    sum += term;
    cdf.push(sum);
    term /= k + 1;
  }
  return Float64Array.from(cdf);
})();

const [P0, P1, P2, P3, P4] = POISSON_CDF as unknown as [number, number, number, number, number];

/**
 * A Poisson(1) draw from a uniform u ∈ [0, 1) by inversion: the smallest k with u < P(c ≤ k). Below
 * P(c ≤ 4) (99.6% of draws) that is the number of the first four levels u is past, counted without
 * branches (a branch on a random count mispredicts every other draw); above it, a search.
 * @example poisson1(0.2) // 0; poisson1(0.5) // 1; poisson1(0.9) // 2
 */
export function poisson1(u: number): number {
  if (u >= P4) {
    let k = 4;
    while (k < POISSON_CDF.length - 1 && u >= POISSON_CDF[k]!) k++;
    return k;
  }
  return Number(u >= P0) + Number(u >= P1) + Number(u >= P2) + Number(u >= P3);
}

/**
 * θ* of one resample: cᵤ ~ Poisson(1) from `rng` for each unit in index order, θ̂ − Σᵤ (cᵤ − 1)·H⁻¹sᵤ.
 * The same generator state gives the same θ* in every thread.
 */
export function oneStepResample(plan: OneStepPlan, rng: Rng): Float64Array {
  const { directions } = plan;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  let d4 = 0;
  for (let u = 0; u < plan.units; u++) {
    const c = poisson1(rng.next()) - 1;
    const at = 5 * u;
    d0 += c * directions[at]!;
    d1 += c * directions[at + 1]!;
    d2 += c * directions[at + 2]!;
    d3 += c * directions[at + 3]!;
    d4 += c * directions[at + 4]!;
  }
  const s = plan.start;
  return Float64Array.of(s[0]! - d0, s[1]! - d1, s[2]! - d2, s[3]! - d3, s[4]! - d4);
}
