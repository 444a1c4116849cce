/**
 * One prediction: a resolved model assessed against abilities under a law.
 */
import { assess } from '../../core/assess.js';
import type { Ability } from '../../core/catalog.js';
import { dataStage, type Factors } from '../../core/factors.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { predictionRecord, type PredictionRecord } from '../../render/prediction-record.js';
import type { ResolvedModel } from './plan.js';

export function predictModel(model: ResolvedModel, law: ScalingLaw, referenceTokens: number, abilities: Ability[], factors: Factors): PredictionRecord {
  const assessment = assess(law, { referenceTokens }, abilities, { params: model.params, tokens: model.tokens, quality: model.quality });
  return predictionRecord(model, assessment, dataStage(factors.dataStages, model.tokens), law, referenceTokens);
}
