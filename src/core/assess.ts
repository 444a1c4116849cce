/**
 * The verdict for a planned model: its loss, its effective size in the catalog's reference regime,
 * and for each ability a probability and a status at its margin, which stays finite for a model
 * trained past the reference regime (no ability saturates at +inf decades).
 */
import { trainingCompute } from './allocation.js';
import type { Ability, AbilityCatalog } from './catalog.js';
import { abilityMargin, probabilityAtMargin, statusAtMargin, type Status } from './emergence.js';
import { loss, lossSlopePerDecade, paramsForLoss, type ScalingLaw } from './scaling-law.js';

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
  /**
   * Margin in decades (`abilityMargin`): log10(N_eff/N_c) below the threshold, the loss margin
   * (L_c − L)/s at and above it; always finite.
   */
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

/** What judging an ability needs besides the model: its loss threshold L_c and the slope s there. */
export interface AbilityJudge {
  ability: Ability;
  /** L_c = L(N_c, D_ref), nats per token. */
  lossThreshold: number;
  /** s = −∂L/∂log10 N at (N_c, D_ref), nats per decade. */
  slope: number;
}

/** The judges of `abilities` under a law: computed once, used for every model of a batch. */
export function abilityJudges(law: ScalingLaw, referenceTokens: number, abilities: readonly Ability[]): AbilityJudge[] {
  return abilities.map((ability) => ({
    ability,
    lossThreshold: lossThreshold(law, ability.thresholdParams, referenceTokens),
    slope: lossSlopePerDecade(law, ability.thresholdParams, referenceTokens),
  }));
}

/**
 * Verdict of one ability for a model of loss L and effective size N_eff: probability and status at
 * its margin (`abilityMargin`: decades of effective size below the threshold, the loss margin above).
 */
export function judgeAbility(judge: AbilityJudge, modelLoss: number, effectiveSize: number): AbilityVerdict {
  const { ability } = judge;
  const margin = abilityMargin(modelLoss, effectiveSize, judge.lossThreshold, judge.slope, ability.thresholdParams);
  return {
    ability,
    probability: probabilityAtMargin(ability.curve, margin, ability.thresholdParams),
    status: statusAtMargin(margin, ability.curve.width),
    marginDecades: margin,
  };
}

/**
 * Assess a planned model against abilities: `L = L(N, q·D)`, `N_eff` from `effectiveParams`, and
 * for each ability the probability and status at its margin (see `judgeAbility`). `judges`
 * may be given precomputed (`abilityJudges`) for a batch.
 */
export function assess(
  law: ScalingLaw,
  catalog: Pick<AbilityCatalog, 'referenceTokens'>,
  abilities: readonly Ability[],
  model: PlannedModel,
  judges: readonly AbilityJudge[] = abilityJudges(law, catalog.referenceTokens, abilities),
): Assessment {
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
    abilities: judges.map((judge) => judgeAbility(judge, modelLoss, nEff)),
  };
}
