/**
 * The verdict for a planned model: its loss, its effective size in the catalog's reference regime,
 * and for each ability a probability and a status.
 */
import { trainingCompute } from './allocation.js';
import type { Ability, AbilityCatalog } from './catalog.js';
import { emergenceStatus, marginDecades, probability, type Status } from './emergence.js';
import { loss, paramsForLoss, type ScalingLaw } from './scaling-law.js';

export interface PlannedModel {
  params: number;
  tokens: number;
  /** Data-quality factor q on effective training data (seed §6.3): 0.5 low, 1 standard, 2 high. */
  quality: number;
}

export interface AbilityVerdict {
  ability: Ability;
  probability: number;
  status: Status;
  /** log10(N_eff / N_c); Infinity when the model is beyond the reference regime. */
  marginDecades: number;
}

export interface Assessment {
  params: number;
  tokens: number;
  quality: number;
  compute: number;
  loss: number;
  /** N_eff; Infinity when the loss is below the reference regime's floor. */
  effectiveParams: number;
  abilities: AbilityVerdict[];
}

/**
 * Effective size N_eff: the size that reaches the same loss in the reference regime,
 * `L(N_eff, D_ref) = L(N, q·D)`. When q·D equals D_ref it is N itself, exactly, so that without
 * `--tokens` the verdict is the seed's own table. Infinity when L(N, q·D) is at or below the reference
 * regime's floor `E + B/D_ref^β`. `lossAtTokens`, when the caller has it, is L(N, q·D).
 * @example effectiveParams(besiroglu2024, 7e9, 2e12, 3e11) // 2.569e10
 */
export function effectiveParams(law: ScalingLaw, params: number, effectiveTokens: number, referenceTokens: number, lossAtTokens?: number): number {
  if (effectiveTokens === referenceTokens) return params;
  return paramsForLoss(law, lossAtTokens ?? loss(law, params, effectiveTokens), referenceTokens);
}

/**
 * Loss threshold of an ability: `L_c = L(N_c, D_ref)`, the loss at which it emerges.
 * @example lossThreshold(besiroglu2024, 1e11, 3e11) // 2.02074
 */
export function lossThreshold(law: ScalingLaw, thresholdParams: number, referenceTokens: number): number {
  return loss(law, thresholdParams, referenceTokens);
}

/** Verdict of one ability for a model of effective size N_eff. */
export function judgeAbility(ability: Ability, effectiveSize: number): AbilityVerdict {
  const threshold = ability.thresholdParams;
  return {
    ability,
    probability: probability(ability.curve, effectiveSize, threshold),
    status: emergenceStatus(effectiveSize, threshold, ability.curve.width),
    marginDecades: marginDecades(effectiveSize, threshold),
  };
}

/**
 * Assess a planned model against abilities: `L = L(N, q·D)`, `N_eff` from `effectiveParams`, and
 * for each ability the probability and status at N_eff (see emergence.ts).
 */
export function assess(law: ScalingLaw, catalog: Pick<AbilityCatalog, 'referenceTokens'>, abilities: Ability[], model: PlannedModel): Assessment {
  const effectiveTokens = model.quality * model.tokens;
  const modelLoss = loss(law, model.params, effectiveTokens);
  const nEff = effectiveParams(law, model.params, effectiveTokens, catalog.referenceTokens, modelLoss);
  return {
    params: model.params,
    tokens: model.tokens,
    quality: model.quality,
    compute: trainingCompute(model.params, model.tokens),
    loss: modelLoss,
    effectiveParams: nEff,
    abilities: abilities.map((a) => judgeAbility(a, nEff)),
  };
}
