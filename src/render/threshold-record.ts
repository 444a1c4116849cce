/**
 * Machine-readable records of `emerge thresholds`: the catalog with inverse answers, and per planned
 * model the verdicts. Field names match predict's ability objects (id, name, category,
 * threshold_params, source, ...); values that are infinite (unreachable) are null.
 */
import type { Ability } from '../core/catalog.js';
import { minComputeForAbility, minParamsAtTokens } from '../core/inverse.js';
import type { ScalingLaw } from '../core/scaling-law.js';
import { abilityTemplate, type AbilityRecord, type AbilityTemplate, type PredictionRecord } from './prediction-record.js';

export interface InverseAnswers {
  /** Smallest model reaching the ability in the reference regime (with the data quality). */
  min_params: number | null;
  /** Smallest compute budget whose compute-optimal model reaches it. */
  min_compute: number | null;
}

export interface CatalogRecord extends AbilityTemplate, InverseAnswers {
  threshold_flops?: number;
  task_count?: number;
  description?: string;
  description_zh?: string;
  bands?: { from_params: number | null; to_params: number | null; label: string; label_zh: string }[];
}

export interface ModelAbilityRecord extends AbilityRecord, InverseAnswers {
  /** Smallest model trained on this model's tokens (and data quality) that reaches the ability. */
  min_params_at_tokens: number | null;
}

export interface ModelThresholdRecord extends Omit<PredictionRecord, 'abilities'> {
  abilities: ModelAbilityRecord[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function inverseAnswers(ability: Ability, law: ScalingLaw, referenceTokens: number, quality: number): InverseAnswers {
  return {
    min_params: finite(minParamsAtTokens(law, ability.thresholdParams, referenceTokens, referenceTokens, quality)),
    min_compute: finite(minComputeForAbility(law, ability.thresholdParams, referenceTokens, quality)),
  };
}

export function catalogRecord(ability: Ability, law: ScalingLaw, referenceTokens: number, quality: number): CatalogRecord {
  const record: CatalogRecord = { ...abilityTemplate(ability, law, referenceTokens), ...inverseAnswers(ability, law, referenceTokens, quality) };
  if (ability.thresholdFlops !== undefined) record.threshold_flops = ability.thresholdFlops;
  if (ability.taskCount !== undefined) record.task_count = ability.taskCount;
  if (ability.description) Object.assign(record, { description: ability.description.en, description_zh: ability.description.zh });
  if (ability.bands) {
    record.bands = ability.bands.map((b) => ({ from_params: b.fromParams ?? null, to_params: b.toParams ?? null, label: b.label.en, label_zh: b.label.zh }));
  }
  return record;
}

/** A prediction record whose abilities also carry the inverse answers for that model's data. */
export function modelThresholdRecord(prediction: PredictionRecord, abilities: Ability[], law: ScalingLaw, referenceTokens: number): ModelThresholdRecord {
  return {
    ...prediction,
    abilities: prediction.abilities.map((record, i) => {
      const ability = abilities[i]!;
      return {
        ...record,
        ...inverseAnswers(ability, law, referenceTokens, prediction.quality),
        min_params_at_tokens: finite(minParamsAtTokens(law, ability.thresholdParams, referenceTokens, prediction.tokens, prediction.quality)),
      };
    }),
  };
}

export const CATALOG_CSV_HEADER = ['id', 'name', 'name_zh', 'category', 'threshold_params', 'loss_threshold', 'min_params', 'min_compute', 'source'];
export const MODEL_CSV_HEADER = ['model', 'params', 'tokens', 'effective_params', 'id', 'category', 'threshold_params', 'probability', 'status', 'margin_decades', 'min_params', 'min_compute', 'min_params_at_tokens'];
