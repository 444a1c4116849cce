/**
 * Predictions: resolved models assessed against abilities under a law.
 */
import { abilityJudges, assess, type Assessment } from '../../core/assess.js';
import type { Ability } from '../../core/catalog.js';
import { dataStage, type Factors } from '../../core/factors.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { abilityCsvCells, abilityTemplate, predictionCsvText, predictionJsonWriter, predictionRecord, type PredictionRecord, type TextSink } from '../../render/prediction-record.js';
import type { ResolvedModel } from './plan.js';

export interface Predictor {
  assess(model: ResolvedModel): Assessment;
  /** The JSON record (predict's public field names). */
  record(model: ResolvedModel, assessment?: Assessment): PredictionRecord;
  /** The long CSV lines. */
  csv(model: ResolvedModel, assessment?: Assessment): string;
  /** Writes toJson(record(model)) as it is indented inside predict's `results` (the record 2 levels deep), without its final newline. */
  resultJson(model: ResolvedModel, out: TextSink): void;
}

/**
 * Predictions for one law, catalog and set of abilities. What does not depend on the model (the
 * abilities' names, sources, loss thresholds and CSV cells) is computed once, so a batch of a
 * million rows pays only for each model's own numbers.
 */
export function createPredictor(law: ScalingLaw, referenceTokens: number, abilities: Ability[], factors: Factors): Predictor {
  const templates = abilities.map((a) => abilityTemplate(a, law, referenceTokens));
  const cells = templates.map(abilityCsvCells);
  const judges = abilityJudges(law, referenceTokens, abilities);
  let resultJson: ReturnType<typeof predictionJsonWriter> | undefined;
  const assessModel = (model: ResolvedModel): Assessment =>
    assess(law, { referenceTokens }, abilities, { params: model.params, tokens: model.tokens, quality: model.quality }, judges);
  return {
    assess: assessModel,
    record: (model, assessment = assessModel(model)) => predictionRecord(model, assessment, dataStage(factors.dataStages, model.tokens), templates),
    csv: (model, assessment = assessModel(model)) => predictionCsvText(model.name, assessment, cells),
    resultJson: (model, out) => (resultJson ??= predictionJsonWriter(templates, 2))(model, assessModel(model), dataStage(factors.dataStages, model.tokens), out),
  };
}
