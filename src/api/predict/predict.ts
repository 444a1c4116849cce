/**
 * `predict`: a planned model's loss, its forecast benchmark scores and, for each ability of the
 * catalog, whether it has emerged: the document `emerge predict --format json` prints, which the
 * CLI makes with the same function (predictionDocument).
 */
import type { Ability, AbilityCatalog } from '../../core/catalog.js';
import type { Factors } from '../../core/factors.js';
import type { ForecastSpec } from '../../core/forecast/index.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { UsageError } from '../../errors.js';
import { loadAbilityCatalog } from '../../io/abilities.js';
import { loadFactors } from '../../io/factors.js';
import type { ModelFields } from '../../io/plan-config.js';
import { readDefaultForecast } from '../../io/forecast-file.js';
import { COMPUTE, D_MODEL, LAYERS, PARAMS, TOKENS, VOCAB, type Range } from '../../io/numbers.js';
import type { ForecastRecord } from '../../render/forecast-record.js';
import { lawRecord, type LawRecord, type PredictionRecord } from '../../render/prediction-record.js';
import { checkFields, checkQuantity } from '../check.js';
import { presetLaw as presetOf } from '../../io/laws.js';
import { selectAbilities } from './abilities.js';
import { forecastRecordsOf } from './forecasts.js';
import { MODEL_FIELDS, resolveModel, type ModelSpec, type ResolvedModel } from './plan.js';
import { createPredictor } from './predictor.js';
import { parseQualityValue } from './quality.js';
import { fromFlags } from './where.js';

/** A planned model, described as `emerge predict` takes it (each field is the flag of that name: `dModel` is `--d-model`). */
export interface ModelInput extends ModelFields {
  /** Data quality (`--quality`): `low`, `standard`, `high` (seed §6.3) or a factor q on effective data. */
  quality?: number | 'low' | 'standard' | 'high';
}

/** What a prediction is made under. */
export interface PredictOptions {
  /** A preset name (`lawPresets()`), or a law (`loadLaw(path)`, a fit's `law` with form 'chinchilla'); default besiroglu2024. */
  law?: string | ScalingLaw;
  /** The ability catalog (`abilityCatalog()`, the default, or `loadAbilityCatalog(path)`). */
  catalog?: AbilityCatalog;
  /** Only these abilities (ids of the catalog), as `--ability`. */
  abilities?: readonly string[];
  /** The benchmark forecast shown beside the abilities: the default forecast unless given (`loadForecast(path)`), none with `false`. */
  forecast?: ForecastSpec | false;
}

/** One model's prediction: the record of `--format json`, with its benchmark forecasts. */
export interface PredictionResult extends PredictionRecord {
  /** Each benchmark's forecast score with its interval (absent with `forecast: false`). */
  forecasts?: ForecastRecord[];
}

/** The document of `emerge predict --format json`. */
export interface PredictionDocument {
  /** The law's name, form, constants and source. */
  law: LawRecord;
  /** D_ref: the training tokens of the regime the thresholds were observed in. */
  reference_tokens: number;
  results: PredictionResult[];
}

/** The settings a document is made under, resolved. */
export interface PredictionSettings {
  law: ScalingLaw;
  catalog: AbilityCatalog;
  abilities: Ability[];
  factors: Factors;
}

/** The document for resolved models: each one's record (and its forecasts when a forecast is given). */
export function predictionDocument(settings: PredictionSettings, models: readonly ResolvedModel[], forecast: ForecastSpec | undefined): PredictionDocument {
  const { law, catalog, abilities, factors } = settings;
  const predictor = createPredictor(law, catalog.referenceTokens, abilities, factors);
  const results = models.map((model): PredictionResult => {
    const record = predictor.record(model);
    return forecast ? { ...record, forecasts: forecastRecordsOf(forecast, model) } : record;
  });
  return { law: lawRecord(law), reference_tokens: catalog.referenceTokens, results };
}

/**
 * Predicts a planned model: its loss `L(N, q·D)` under the law, its effective size, each ability's
 * probability of having emerged (logistic in the margin to its threshold, width 0.5 decades) and,
 * by default, its scores on eight public benchmarks with 80% intervals. The same document as
 * `emerge predict --params … --format json`, field for field.
 * @param input the model (as `emerge predict`'s flags: params, tokens, compute, model, ...) and the options
 * @throws UsageError for a missing or out-of-range size, an unknown preset, ability or model, or an unknown field, naming the flag as the CLI does
 * @example predict({ params: 70e9, tokens: 2e12 }).results[0].loss // 1.96423
 */
export function predict(input: ModelInput & PredictOptions): PredictionDocument {
  checkFields(input, { ...MODEL_INPUT_FIELDS, ...OPTION_FIELDS }, 'predict');
  const { law, catalog, abilities, forecast, ...model } = input;
  const options: PredictOptions = { law, catalog, abilities, forecast };
  return predictMany([model], options);
}

/**
 * Predicts several models under the same options (as a `--config` file's list of models): one
 * result per model, in order.
 * @throws UsageError as `predict`, naming the model's index for a problem of one model
 */
export function predictMany(models: readonly ModelInput[], options: PredictOptions = {}): PredictionDocument {
  checkFields(options, OPTION_FIELDS, 'predict');
  const law = typeof options.law === 'object' ? options.law : presetOf(options.law, '--law');
  const catalog = options.catalog ?? loadAbilityCatalog();
  const factors = loadFactors();
  const abilities = options.abilities === undefined ? catalog.abilities : selectAbilities(catalog, options.abilities, '--ability');
  const forecast = options.forecast === false ? undefined : (options.forecast ?? readDefaultForecast());
  const resolved = models.map((input, i) => resolveModel(modelSpec(input, factors, models.length > 1 ? `models[${i}]: ` : ''), fromFlags, law, catalog.referenceTokens));
  return predictionDocument({ law, catalog, abilities, factors }, resolved, forecast);
}

const OPTION_FIELDS: Record<keyof PredictOptions, true> = { law: true, catalog: true, abilities: true, forecast: true };
const MODEL_INPUT_FIELDS: Record<keyof ModelInput, true> = { params: true, tokens: true, compute: true, model: true, layers: true, dModel: true, vocab: true, quality: true, name: true };
const RANGES = { params: PARAMS, tokens: TOKENS, compute: COMPUTE, layers: LAYERS, dModel: D_MODEL, vocab: VOCAB } as const satisfies Record<string, Range>;

/** The ModelSpec of an input, every number checked as the CLI checks its flag. */
function modelSpec(input: ModelInput, factors: Factors, prefix: string): ModelSpec {
  try {
    checkFields(input, MODEL_INPUT_FIELDS, 'predict');
    const spec: ModelSpec = {};
    for (const field of Object.keys(RANGES) as (keyof typeof RANGES)[]) {
      const value = input[field];
      if (value !== undefined) spec[field] = checkQuantity(fromFlags.name(field), value, RANGES[field]);
    }
    if (input.model !== undefined) spec.model = String(input.model);
    if (input.name !== undefined) spec.name = String(input.name);
    if (input.quality !== undefined) {
      const q = parseQualityValue(String(input.quality), factors, fromFlags, '--quality');
      spec.quality = q.value;
      if (q.label) spec.qualityLabel = q.label;
    }
    if (!MODEL_FIELDS.some((f) => spec[f] !== undefined)) throw new UsageError('predict needs a model: params, compute, model, or layers/dModel/vocab');
    return spec;
  } catch (error) {
    if (error instanceof UsageError && prefix) throw new UsageError(prefix + error.message);
    throw error;
  }
}
