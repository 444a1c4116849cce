/**
 * Evaluating a scaling law: the loss of a model, the compute-optimal split of a budget, and the
 * effective size that carries a model's loss into the regime where the emergence thresholds were
 * observed. Pure functions of their arguments.
 */
import { computeOptimal as optimalSplit, trainingCompute, type Allocation } from '../core/allocation.js';
import { effectiveParams } from '../core/assess.js';
import { loss as lawLoss, type ScalingLaw } from '../core/scaling-law.js';
import { REFERENCE_TOKENS } from '../io/abilities.js';
import { COMPUTE, PARAMS, TOKENS } from '../io/numbers.js';
import { checkQuantity } from './check.js';

/**
 * The predicted final training loss `L(N, D)` in nats per token.
 *
 * Chinchilla form (Hoffmann et al. 2022, eq. 2): `L = E + A/N^α + B/D^β`; Kaplan form (Kaplan et
 * al. 2020, eq. 1.5): `L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D`.
 * @param law a preset (`presetLaw('besiroglu2024')`) or a law of your own
 * @param params N, parameters (1 to 1e16)
 * @param tokens D, training tokens (1 to 1e17)
 * @throws UsageError when N or D is not a finite number in range
 * @example loss(presetLaw('besiroglu2024'), 70e9, 1.4e12) // 1.97342
 */
export function loss(law: ScalingLaw, params: number, tokens: number): number {
  return lawLoss(law, checkQuantity('params', params, PARAMS), checkQuantity('tokens', tokens, TOKENS));
}

/**
 * The compute-optimal parameters and tokens for a budget of C FLOPs, minimising `L(N, D)` subject to
 * `C = 6·N·D`. Chinchilla form: `N_opt = G·(C/6)^(β/(α+β))`, `D_opt = C/(6·N_opt)`,
 * `G = (αA/(βB))^(1/(α+β))` (Hoffmann et al. 2022, eq. 4); Kaplan form in closed form too.
 * @param compute C in FLOPs (6 to 1e35)
 * @returns `{ params, tokens }`, with `6·params·tokens = compute`
 * @throws UsageError when C is not a finite number in range
 * @example computeOptimal(presetLaw('hoffmann2022'), 1e24).params // 4.13e10
 */
export function computeOptimal(law: ScalingLaw, compute: number): Allocation {
  return optimalSplit(law, checkQuantity('compute', compute, COMPUTE));
}

/**
 * Effective size `N_eff`: the size that reaches the same loss in the reference regime of the
 * thresholds, `L(N_eff, D_ref) = L(N, q·D)` (D_ref = 3e11 tokens, the regime of the seed's tables).
 * It is N itself when `q·D = D_ref`, and `Infinity` when `L(N, q·D)` is at or below the reference
 * regime's floor `E + B/D_ref^β` (the model is past every size trained on D_ref tokens).
 * @param params N, parameters
 * @param tokens D, training tokens
 * @param quality q, the data-quality factor (1: standard; seed §6.3): the model trains on q·D tokens' worth
 * @param referenceTokens D_ref, 3e11 unless a catalog of your own says otherwise
 * @example effectiveSize(presetLaw('besiroglu2024'), 7e9, 2e12) // 2.569e10
 */
export function effectiveSize(law: ScalingLaw, params: number, tokens: number, quality = 1, referenceTokens = REFERENCE_TOKENS): number {
  checkQuantity('params', params, PARAMS);
  checkQuantity('tokens', tokens, TOKENS);
  return effectiveParams(law, params, quality * tokens, checkQuantity('referenceTokens', referenceTokens, TOKENS));
}

/**
 * Training compute `C = 6·N·D` in FLOPs (Kaplan et al. 2020, §2.1).
 * @example trainingFlops(70e9, 1.4e12) // 5.88e23
 */
export function trainingFlops(params: number, tokens: number): number {
  return trainingCompute(checkQuantity('params', params, PARAMS), checkQuantity('tokens', tokens, TOKENS));
}

export type { Allocation } from '../core/allocation.js';
export type { ChinchillaLaw, KaplanLaw, ScalingLaw } from '../core/scaling-law.js';
