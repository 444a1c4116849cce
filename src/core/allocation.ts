/**
 * Compute budgets and their compute-optimal split between parameters and data.
 *
 * Training compute is approximated as C = 6·N·D FLOPs (Kaplan et al. 2020 §2.1: about 6 FLOPs per
 * parameter per token for the forward and backward passes).
 */
import { loss, type ScalingLaw } from './scaling-law.js';
import { bisect, goldenSectionMinimum } from './solve.js';

/** A split of a compute budget: N parameters trained on D tokens (C = 6·N·D). */
export interface Allocation {
  params: number;
  tokens: number;
}

/**
 * Training compute in FLOPs: `C = 6·N·D`.
 * @example trainingCompute(70e9, 1.4e12) // 5.88e23
 */
export function trainingCompute(params: number, tokens: number): number {
  return 6 * params * tokens;
}

/**
 * Chinchilla-form allocation coefficient `G = (αA/(βB))^(1/(α+β))` (Hoffmann et al. 2022 eq. 4).
 */
function chinchillaG(law: Extract<ScalingLaw, { form: 'chinchilla' }>): number {
  return ((law.alpha * law.A) / (law.beta * law.B)) ** (1 / (law.alpha + law.beta));
}

/**
 * Compute-optimal parameters and tokens for a budget of C FLOPs: minimise L(N, D) subject to C = 6ND.
 *
 * Chinchilla form, closed form (Hoffmann et al. 2022 eq. 4):
 * `N_opt = G·(C/6)^(β/(α+β))`, `D_opt = G⁻¹·(C/6)^(α/(α+β))`, `G = (αA/(βB))^(1/(α+β))`.
 * Kaplan form, closed form: L is a monotone function of (N_c/N)^a + D_c·6N/C with a = α_N/α_D,
 * whose derivative in N vanishes at `N_opt = (a·N_c^a·C / (6·D_c))^(1/(a+1))`.
 * `computeOptimalNumeric` checks both.
 * @param compute C in FLOPs (> 0)
 * @example computeOptimal(hoffmann2022, 1e24).params // 4.13e10 (41.3B)
 */
export function computeOptimal(law: ScalingLaw, compute: number): Allocation {
  if (law.form === 'kaplan') return kaplanOptimal(law, compute);
  const a = law.beta / (law.alpha + law.beta);
  const g = chinchillaG(law);
  const params = g * (compute / 6) ** a;
  return { params, tokens: compute / 6 / params };
}

function kaplanOptimal(law: Extract<ScalingLaw, { form: 'kaplan' }>, compute: number): Allocation {
  const a = law.alphaN / law.alphaD;
  const params = ((a * law.Nc ** a * compute) / (6 * law.Dc)) ** (1 / (a + 1));
  return { params, tokens: compute / 6 / params };
}

/**
 * Compute-optimal allocation found numerically for any law: golden-section search of L(N, C/(6N))
 * over ln N ∈ [0, ln(C/6)]. Along the budget line the loss is a sum of terms convex in ln N (and a
 * monotone function of such a sum for the Kaplan form), so the minimum is unique.
 * @example computeOptimalNumeric(hoffmann2022, 1e24).params // 4.13e10, agrees with the closed form to 1e-8
 */
export function computeOptimalNumeric(law: ScalingLaw, compute: number): Allocation {
  const budget = compute / 6;
  const lnBudget = Math.log(budget);
  const lnParams = goldenSectionMinimum((x) => loss(law, Math.exp(x), budget / Math.exp(x)), 0, lnBudget, 1e-12);
  const params = Math.exp(lnParams);
  return { params, tokens: budget / params };
}

/**
 * The lowest loss reachable with C FLOPs: `L(N_opt(C), D_opt(C))`.
 * @example computeOptimalLoss(besiroglu2024, 1e24) // 1.95926
 */
export function computeOptimalLoss(law: ScalingLaw, compute: number): number {
  const { params, tokens } = computeOptimal(law, compute);
  return loss(law, params, tokens);
}

/**
 * The token count for which a model of N parameters is compute-optimal: the D with
 * N = N_opt(6·N·D). Chinchilla form: `C/6 = (N/G)^((α+β)/β)`, `D = (C/6)/N`; Kaplan form:
 * `D = D_c·N^a / (a·N_c^a)`, a = α_N/α_D.
 * @example computeOptimalTokens(hoffmann2022, 70e9) // 7.66e12 tokens (the printed constants favour data: N_opt ∝ C^0.45)
 */
export function computeOptimalTokens(law: ScalingLaw, params: number): number {
  if (law.form === 'chinchilla') {
    const budget = (params / chinchillaG(law)) ** ((law.alpha + law.beta) / law.beta);
    return budget / params;
  }
  // Kaplan: inverting N_opt(C) gives C = 6·D_c·N^(a+1) / (a·N_c^a), so D = D_c·N^a / (a·N_c^a).
  const a = law.alphaN / law.alphaD;
  return (law.Dc * params ** a) / (a * law.Nc ** a);
}

/**
 * The smallest compute budget whose compute-optimal model reaches `targetLoss`.
 *
 * Chinchilla form, closed form: at the optimum αA/N^α = βB/D^β, so the optimal loss is
 * `E + (A/N^α)·(α+β)/β`; solving for N gives `N = (A(α+β) / (β(L−E)))^(1/α)`, and C follows from
 * N = N_opt(C). Other forms: bisection on ln C of the (decreasing) compute-optimal loss.
 * Returns `Infinity` when the target is at or below the irreducible loss (E for Chinchilla, 0 for Kaplan).
 * @example computeForLoss(besiroglu2024, 2.0) // 2.438e23 FLOPs
 */
export function computeForLoss(law: ScalingLaw, targetLoss: number): number {
  if (law.form === 'chinchilla') {
    if (targetLoss <= law.E) return Infinity;
    const params = ((law.A * (law.alpha + law.beta)) / (law.beta * (targetLoss - law.E))) ** (1 / law.alpha);
    return 6 * params * computeOptimalTokens(law, params);
  }
  if (targetLoss <= 0) return Infinity;
  return computeForLossNumeric(law, targetLoss);
}

/**
 * `computeForLoss` by bisection on ln C, for any law: the compute-optimal loss decreases with C.
 * Searches C ∈ [6, 1e100]; returns `Infinity` if even 1e100 FLOPs cannot reach the target.
 */
export function computeForLossNumeric(law: ScalingLaw, targetLoss: number): number {
  const lnMax = Math.log(1e100);
  if (computeOptimalLoss(law, Math.exp(lnMax)) > targetLoss) return Infinity;
  const lnMin = Math.log(6);
  if (computeOptimalLoss(law, Math.exp(lnMin)) <= targetLoss) return 6;
  return Math.exp(bisect((lnC) => computeOptimalLoss(law, Math.exp(lnC)) - targetLoss, lnMin, lnMax, 1e-13));
}
