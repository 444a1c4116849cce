/**
 * The machine-readable record of one prediction. Its JSON field names are a public interface
 * (`emerge predict --format json`, and the ability objects of `emerge thresholds`); the long CSV
 * rows are derived from it.
 */
import { lossThreshold, type AbilityVerdict, type Assessment } from '../core/assess.js';
import type { Ability } from '../core/catalog.js';
import type { DataStage } from '../core/factors.js';
import { lawConstants, type ScalingLaw } from '../core/scaling-law.js';
import type { CsvCell } from './csv.js';

export interface AbilityRecord {
  id: string;
  name: string;
  name_zh: string;
  category: string;
  threshold_params: number;
  /** L_c = L(N_c, D_ref) under the law. */
  loss_threshold: number;
  probability: number;
  status: string;
  /** log10(N_eff / N_c); null when the model is beyond the reference regime. */
  margin_decades: number | null;
  source: string;
  /** Wei et al. 2022 Table 1 rows: the model the ability was seen in, and the original reference. */
  model?: string;
  reference?: string;
}

export interface ModelDescription {
  name: string;
  params: number;
  paramsSource: string;
  tokens: number;
  tokensSource: string;
  quality: number;
  qualitySource: string;
  architecture?: { layers: number; dModel: number; vocab: number };
}

export interface PredictionRecord {
  name: string;
  params: number;
  params_source: string;
  tokens: number;
  tokens_source: string;
  quality: number;
  quality_source: string;
  compute: number;
  loss: number;
  /** N_eff; null when beyond_reference_regime. */
  effective_params: number | null;
  beyond_reference_regime: boolean;
  data_stage: { id: string; name: string; name_zh: string } | null;
  architecture?: { layers: number; d_model: number; vocab: number };
  abilities: AbilityRecord[];
}

export function predictionRecord(model: ModelDescription, assessment: Assessment, stage: DataStage | undefined, law: ScalingLaw, referenceTokens: number): PredictionRecord {
  const unbounded = !Number.isFinite(assessment.effectiveParams);
  const record: PredictionRecord = {
    name: model.name,
    params: model.params,
    params_source: model.paramsSource,
    tokens: model.tokens,
    tokens_source: model.tokensSource,
    quality: model.quality,
    quality_source: model.qualitySource,
    compute: assessment.compute,
    loss: assessment.loss,
    effective_params: unbounded ? null : assessment.effectiveParams,
    beyond_reference_regime: unbounded,
    data_stage: stage ? { id: stage.id, name: stage.name.en, name_zh: stage.name.zh } : null,
    abilities: assessment.abilities.map((v) => abilityRecord(v, law, referenceTokens)),
  };
  if (model.architecture) record.architecture = { layers: model.architecture.layers, d_model: model.architecture.dModel, vocab: model.architecture.vocab };
  return record;
}

export function abilityRecord(verdict: AbilityVerdict, law: ScalingLaw, referenceTokens: number): AbilityRecord {
  const { ability } = verdict;
  return {
    ...abilityIdentity(ability),
    loss_threshold: lossThreshold(law, ability.thresholdParams, referenceTokens),
    probability: verdict.probability,
    status: verdict.status,
    margin_decades: Number.isFinite(verdict.marginDecades) ? verdict.marginDecades : null,
    source: ability.source,
    ...(ability.model !== undefined ? { model: ability.model } : {}),
    ...(ability.reference !== undefined ? { reference: ability.reference } : {}),
  };
}

function abilityIdentity(ability: Ability): Pick<AbilityRecord, 'id' | 'name' | 'name_zh' | 'category' | 'threshold_params'> {
  return { id: ability.id, name: ability.name.en, name_zh: ability.name.zh, category: ability.category, threshold_params: ability.thresholdParams };
}

/** The law as JSON: id, form, constants, source. */
export function lawRecord(law: ScalingLaw): Record<string, unknown> {
  return { id: law.id, form: law.form, ...lawConstants(law), source: law.source, ...(law.note ? { note: law.note } : {}) };
}

export const PREDICTION_CSV_HEADER = ['name', 'params', 'tokens', 'compute', 'loss', 'effective_params', 'ability', 'category', 'threshold_params', 'probability', 'status'];

/** Long format: one row per model and ability (effective_params is empty beyond the reference regime). */
export function predictionCsvRows(record: PredictionRecord): CsvCell[][] {
  return record.abilities.map((a) => [
    record.name,
    record.params,
    record.tokens,
    record.compute,
    record.loss,
    record.effective_params ?? undefined,
    a.id,
    a.category,
    a.threshold_params,
    a.probability,
    a.status,
  ]);
}
