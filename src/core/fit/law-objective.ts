/**
 * The objective of the Chinchilla "Approach 3" fit (Hoffmann et al. 2022 §3.3 and D.2; Besiroglu et
 * al. 2024, arXiv:2404.10102 §2): parameters θ = (a, b, e, α, β) with A = eᵃ, B = eᵇ, E = eᵉ, the
 * log-loss prediction
 *   log L̂(N, D) = LSE(a − α·ln N, b − β·ln D, e) = ln(A/N^α + B/D^β + E),
 * and the objective Σᵢ wᵢ·ρ(ln Lᵢ − log L̂ᵢ) over training runs i (wᵢ = 1, or resampling counts in
 * the bootstrap). Working in log space makes the fit scale-free in L and keeps A, B, E positive.
 */
import type { ValueAndGradient } from './lbfgs.js';

/** One measured training run: N parameters, D tokens, final loss L (nats per token); all > 0. */
export interface TrainingRun {
  params: number;
  tokens: number;
  loss: number;
  /** Training compute in FLOPs, when measured; otherwise 6·N·D is used. */
  compute?: number;
}

/** The constants of L(N, D) = E + A/N^α + B/D^β. */
export interface ChinchillaConstants {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

export type ResidualLossKind = 'huber' | 'mse' | 'asymmetric';

/**
 * The penalty ρ on a log-loss residual r = ln L − log L̂ (r < 0: the law over-predicts the loss).
 * - `huber` (the published objective; scipy.special.huber): ρ(r) = ½r² for |r| ≤ δ, δ·(|r| − ½δ) beyond.
 * - `mse`: ρ(r) = ½r² (Huber with δ = ∞), the least-squares fit in log space.
 * - `asymmetric`: ρ(r) = 2(1 − τ)·huber_δ(r) for r < 0 and 2τ·huber_δ(r) for r ≥ 0. With δ small this
 *   is the check (pinball) loss of quantile regression (Koenker & Bassett 1978, Econometrica 46(1)),
 *   smoothed by Huber near 0: the fitted law tends to the τ-quantile of the losses at each (N, D), so
 *   τ = 0.1 (the default) puts about 90% of runs above it, a lower envelope. Over-prediction weighs
 *   (1 − τ)/τ = 9 times under-prediction; τ = 0.5 gives back `huber` exactly.
 */
export interface ResidualLoss {
  kind: ResidualLossKind;
  /** Huber threshold δ (> 0; ignored by `mse`). */
  delta: number;
  /** Quantile τ ∈ (0, 1) of `asymmetric` (ignored otherwise). */
  tau: number;
}

export const DEFAULT_HUBER_DELTA = 1e-3;
export const DEFAULT_ASYMMETRIC_TAU = 0.1;

/** The published objective: Huber with δ = 1e-3. */
export const PUBLISHED_LOSS: ResidualLoss = { kind: 'huber', delta: DEFAULT_HUBER_DELTA, tau: 0.5 };

/** A residual loss by kind with the defaults above filled in. */
export function residualLoss(kind: ResidualLossKind, delta = DEFAULT_HUBER_DELTA, tau = DEFAULT_ASYMMETRIC_TAU): ResidualLoss {
  if (!(delta > 0)) throw new RangeError(`Huber delta must be > 0, got ${delta}`);
  if (!(tau > 0 && tau < 1)) throw new RangeError(`asymmetric tau must be in (0, 1), got ${tau}`);
  return { kind, delta, tau: kind === 'asymmetric' ? tau : 0.5 };
}

/**
 * Training runs in the form the objective reads: ln N, ln D, ln L and a weight per run (1 for a
 * plain fit; a multiplicity for a bootstrap resample).
 */
export interface LawData {
  n: number;
  lnN: Float64Array;
  lnD: Float64Array;
  lnL: Float64Array;
  weight: Float64Array;
}

/**
 * Precompute ln N, ln D, ln L (weights 1).
 * @throws RangeError when a value is not finite and positive (the io layer reports file:line first)
 * @example prepareLawData([{ params: 1e9, tokens: 2e10, loss: 2.5 }]).lnN[0] // 20.7232658
 */
export function prepareLawData(runs: readonly TrainingRun[]): LawData {
  const n = runs.length;
  const data: LawData = { n, lnN: new Float64Array(n), lnD: new Float64Array(n), lnL: new Float64Array(n), weight: new Float64Array(n).fill(1) };
  runs.forEach((run, i) => {
    for (const key of ['params', 'tokens', 'loss'] as const) {
      if (!(Number.isFinite(run[key]) && run[key] > 0)) throw new RangeError(`run ${i + 1}: ${key} must be finite and > 0, got ${run[key]}`);
    }
    data.lnN[i] = Math.log(run.params);
    data.lnD[i] = Math.log(run.tokens);
    data.lnL[i] = Math.log(run.loss);
  });
  return data;
}

/**
 * The same runs with multiplicities `counts` (a bootstrap resample), keeping only runs with a
 * count > 0: Σ countᵢ·ρ(rᵢ) is the objective of the resampled data set, evaluated over fewer runs.
 */
export function weightedLawData(data: LawData, counts: ArrayLike<number>): LawData {
  let n = 0;
  for (let i = 0; i < data.n; i++) if (counts[i]! > 0) n++;
  const out: LawData = { n, lnN: new Float64Array(n), lnD: new Float64Array(n), lnL: new Float64Array(n), weight: new Float64Array(n) };
  for (let i = 0, j = 0; i < data.n; i++) {
    if (!(counts[i]! > 0)) continue;
    out.lnN[j] = data.lnN[i]!;
    out.lnD[j] = data.lnD[i]!;
    out.lnL[j] = data.lnL[i]!;
    out.weight[j] = data.weight[i]! * counts[i]!;
    j++;
  }
  return out;
}

/**
 * The fused objective and analytic gradient, for L-BFGS. With tₖ the three terms A/N^α, B/D^β, E,
 * S = Σtₖ, log L̂ = ln S and ψ = w·ρ'(r):
 *   ∂/∂a = −Σψ·t₁/S, ∂/∂b = −Σψ·t₂/S, ∂/∂e = −Σψ·t₃/S, ∂/∂α = Σψ·t₁·ln N/S, ∂/∂β = Σψ·t₂·ln D/S.
 * One pass over the runs, two exp and one log per run, no allocation. Terms are exponentiated
 * directly; if S overflows or underflows, that run falls back to the max-shifted log-sum-exp.
 * @example
 * const f = lawObjective(prepareLawData(runs240), PUBLISHED_LOSS);
 * f(Float64Array.of(Math.log(477.84171252965143), Math.log(2143.8637880335505), Math.log(1.817235504463726), 0.34731265761033453, 0.3671826173946711), new Float64Array(5))
 * // 0.00101827403 (Besiroglu et al.'s constants on the 240 Chinchilla runs)
 */
export function lawObjective(data: LawData, loss: ResidualLoss): ValueAndGradient {
  const { n, lnN, lnD, lnL, weight } = data;
  const delta = loss.kind === 'mse' ? Infinity : loss.delta;
  const halfDelta = loss.kind === 'mse' ? Infinity : 0.5 * loss.delta;
  const overWeight = loss.kind === 'asymmetric' ? 2 * (1 - loss.tau) : 1;
  const underWeight = loss.kind === 'asymmetric' ? 2 * loss.tau : 1;
  return (theta: Float64Array, gradient: Float64Array): number => {
    const a = theta[0]!;
    const b = theta[1]!;
    const e = theta[2]!;
    const alpha = theta[3]!;
    const beta = theta[4]!;
    const expE = Math.exp(e);
    let value = 0;
    let ga = 0;
    let gb = 0;
    let ge = 0;
    let gAlpha = 0;
    let gBeta = 0;
    for (let i = 0; i < n; i++) {
      const ln = lnN[i]!;
      const ld = lnD[i]!;
      const u1 = a - alpha * ln;
      const u2 = b - beta * ld;
      let t1 = Math.exp(u1);
      let t2 = Math.exp(u2);
      let t3 = expE;
      let sum = t1 + t2 + t3;
      let logPrediction: number;
      if (sum < Infinity && sum > 1e-300) {
        logPrediction = Math.log(sum);
      } else {
        // Max-shifted log-sum-exp: exp of (uₖ − max) cannot overflow, and the max term is 1.
        const top = Math.max(u1, u2, e);
        t1 = Math.exp(u1 - top);
        t2 = Math.exp(u2 - top);
        t3 = Math.exp(e - top);
        sum = t1 + t2 + t3;
        logPrediction = top + Math.log(sum);
      }
      const r = lnL[i]! - logPrediction;
      const w = weight[i]! * (r < 0 ? overWeight : underWeight);
      const absR = Math.abs(r);
      let psi: number;
      if (absR <= delta) {
        value += w * 0.5 * r * r;
        psi = w * r;
      } else {
        value += w * delta * (absR - halfDelta);
        psi = r < 0 ? -w * delta : w * delta;
      }
      const q = psi / sum;
      const q1 = q * t1;
      const q2 = q * t2;
      ga -= q1;
      gb -= q2;
      ge -= q * t3;
      gAlpha += q1 * ln;
      gBeta += q2 * ld;
    }
    gradient[0] = ga;
    gradient[1] = gb;
    gradient[2] = ge;
    gradient[3] = gAlpha;
    gradient[4] = gBeta;
    return value;
  };
}

/** θ = (ln A, ln B, ln E, α, β) → the law's constants. */
export function thetaToConstants(theta: ArrayLike<number>): ChinchillaConstants {
  return { A: Math.exp(theta[0]!), B: Math.exp(theta[1]!), E: Math.exp(theta[2]!), alpha: theta[3]!, beta: theta[4]! };
}

/** The law's constants → θ = (ln A, ln B, ln E, α, β). */
export function constantsToTheta(law: ChinchillaConstants): Float64Array {
  return Float64Array.of(Math.log(law.A), Math.log(law.B), Math.log(law.E), law.alpha, law.beta);
}

/**
 * Root-mean-square error of L (not log L) of a law over runs: √(Σ(L̂ᵢ − Lᵢ)²/n), in nats per token.
 * @example chinchillaRmse(besiroglu2024, runs240) // 0.02190 (shared/data README: 0.0219)
 */
export function chinchillaRmse(law: ChinchillaConstants, runs: readonly TrainingRun[]): number {
  return errorsOfL(law, runs).rmse;
}

/** RMSE and mean absolute error of L of a Chinchilla-form law over runs (NaN for no runs). */
export function errorsOfL(law: ChinchillaConstants, runs: readonly TrainingRun[]): { rmse: number; mae: number } {
  let squares = 0;
  let absolute = 0;
  for (const run of runs) {
    const error = law.E + law.A / run.params ** law.alpha + law.B / run.tokens ** law.beta - run.loss;
    squares += error * error;
    absolute += Math.abs(error);
  }
  return { rmse: Math.sqrt(squares / runs.length), mae: absolute / runs.length };
}
