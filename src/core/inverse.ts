/**
 * Inverse questions about an ability with threshold N_c (observed in the reference regime D_ref):
 * how small a model, or how little compute, reaches it.
 */
import { computeForLoss } from './allocation.js';
import { loss, paramsForLoss, type ScalingLaw } from './scaling-law.js';

/**
 * The law seen through a data-quality factor q (seed §6.3): training on D tokens of quality q counts
 * as q·D tokens, so `L(N, q·D)` is a law of the same form with B' = B·q^(−β) (Chinchilla) or
 * D_c' = D_c/q (Kaplan). Compute-optimal allocation under quality uses this law.
 * @example lawWithDataQuality(hoffmann2022, 2).B // 410.7·2^(−0.28) = 338.25
 */
export function lawWithDataQuality(law: ScalingLaw, quality: number): ScalingLaw {
  if (quality === 1) return law;
  return law.form === 'chinchilla' ? { ...law, B: law.B * quality ** -law.beta } : { ...law, Dc: law.Dc / quality };
}

/**
 * The smallest model trained on `tokens` tokens (of quality q) that reaches the ability: the N with
 * `L(N, q·D) = L(N_c, D_ref)`. In the reference regime with q = 1 it is N_c itself, exactly.
 * Infinity when even an unbounded model trained on that data stays above the ability's loss.
 * @example minParamsAtTokens(besiroglu2024, 1e11, 3e11, 2e12, 1) // 1.539e10
 */
export function minParamsAtTokens(law: ScalingLaw, thresholdParams: number, referenceTokens: number, tokens: number, quality: number): number {
  if (quality * tokens === referenceTokens) return thresholdParams;
  return paramsForLoss(law, loss(law, thresholdParams, referenceTokens), quality * tokens);
}

/**
 * The smallest compute budget whose compute-optimal model (for data of quality q) reaches the
 * ability: `C` with `L_opt(C) = L(N_c, D_ref)`, from `computeForLoss` on the quality-adjusted law.
 * @example minComputeForAbility(besiroglu2024, 1e11, 3e11, 1) // 1.336e23 FLOPs
 */
export function minComputeForAbility(law: ScalingLaw, thresholdParams: number, referenceTokens: number, quality: number): number {
  return computeForLoss(lawWithDataQuality(law, quality), loss(law, thresholdParams, referenceTokens));
}
