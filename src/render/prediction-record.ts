/**
 * The machine-readable record of one prediction. Its JSON field names are a public interface
 * (`emerge predict --format json`, and the ability objects of `emerge thresholds`); the long CSV
 * rows are derived from it.
 */
import { lossThreshold, type AbilityVerdict, type Assessment } from '../core/assess.js';
import { bandFor, type Ability, type Band } from '../core/catalog.js';
import type { DataStage } from '../core/factors.js';
import { lawConstants, type ScalingLaw } from '../core/scaling-law.js';
import { csvCell } from './csv.js';
import { shortestText } from './format.js';

/** The parts of an ability's record that do not depend on the model (computed once per run). */
export interface AbilityTemplate {
  id: string;
  name: string;
  name_zh: string;
  category: string;
  threshold_params: number;
  /** L_c = L(N_c, D_ref) under the law. */
  loss_threshold: number;
  source: string;
  /** Wei et al. 2022 Table 1 rows: the model the ability was seen in, and the original reference. */
  model?: string;
  reference?: string;
}

/** One ability's verdict for a model (`abilities[]` of a prediction): its threshold N_c and loss threshold L_c, the probability that it has emerged, its status and margin. */
export interface AbilityRecord extends AbilityTemplate {
  probability: number;
  status: string;
  /** Margin in decades (core/emergence.ts abilityMargin): log10(N_eff/N_c) below the threshold, the loss margin (L_c − L)/s above. */
  margin_decades: number;
  /** For abilities the source gives size bands (seed §2.1.3): the band N_eff falls in. */
  band?: string;
  band_zh?: string;
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

/**
 * One model's prediction (`results[]` of `emerge predict --format json`): its size, tokens and compute
 * with where each came from, its loss L(N, q·D) in nats per token, its effective size N_eff, the data
 * stage and every ability's verdict.
 */
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

export function abilityTemplate(ability: Ability, law: ScalingLaw, referenceTokens: number): AbilityTemplate {
  return {
    id: ability.id,
    name: ability.name.en,
    name_zh: ability.name.zh,
    category: ability.category,
    threshold_params: ability.thresholdParams,
    loss_threshold: lossThreshold(law, ability.thresholdParams, referenceTokens),
    source: ability.source,
    ...(ability.model !== undefined ? { model: ability.model } : {}),
    ...(ability.reference !== undefined ? { reference: ability.reference } : {}),
  };
}

/** `templates[i]` belongs to `assessment.abilities[i]`. */
export function predictionRecord(model: ModelDescription, assessment: Assessment, stage: DataStage | undefined, templates: readonly AbilityTemplate[]): PredictionRecord {
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
    abilities: assessment.abilities.map((v, i) => abilityRecord(v, templates[i]!, assessment.effectiveParams)),
  };
  if (model.architecture) record.architecture = { layers: model.architecture.layers, d_model: model.architecture.dModel, vocab: model.architecture.vocab };
  return record;
}

export function abilityRecord(verdict: AbilityVerdict, t: AbilityTemplate, effectiveSize: number): AbilityRecord {
  const band = verdict.ability.bands === undefined ? undefined : bandFor(verdict.ability, effectiveSize);
  // Spelled out rather than spread: a batch builds millions of these, and one fixed shape is fast.
  // JSON leaves out `model`, `reference` and `band` where they are undefined.
  return {
    id: t.id,
    name: t.name,
    name_zh: t.name_zh,
    category: t.category,
    threshold_params: t.threshold_params,
    loss_threshold: t.loss_threshold,
    probability: verdict.probability,
    status: verdict.status,
    margin_decades: verdict.marginDecades,
    source: t.source,
    model: t.model,
    reference: t.reference,
    band: band?.label.en,
    band_zh: band?.label.zh,
  };
}

/** A law in JSON output: its name, form, constants (E, A, B, alpha, beta; or alphaN, alphaD, Nc, Dc) and source. */
export interface LawRecord {
  id: string;
  form: ScalingLaw['form'];
  source: string;
  note?: string;
  [constant: string]: number | string | undefined;
}

/** The law as JSON: id, form, constants, source. */
export function lawRecord(law: ScalingLaw): LawRecord {
  return { id: law.id, form: law.form, ...lawConstants(law), source: law.source, ...(law.note ? { note: law.note } : {}) };
}

export const PREDICTION_CSV_HEADER = ['name', 'params', 'tokens', 'compute', 'loss', 'effective_params', 'ability', 'category', 'threshold_params', 'probability', 'status'];

/**
 * Long format, one line per model and ability: the model's columns once, then each ability's.
 * `abilityCells[i]` is `csvLine`-ready text for the ability of `assessment.abilities[i]` (its id,
 * category and threshold), computed once per run. effective_params is empty beyond the reference
 * regime.
 */
export function predictionCsvText(name: string, assessment: Assessment, abilityCells: readonly string[]): string {
  const a = assessment;
  const model = `${csvCell(name)},${csvCell(a.params)},${csvCell(a.tokens)},${csvCell(a.compute)},${csvCell(a.loss)},${csvCell(a.effectiveParams)},`;
  let text = '';
  for (let i = 0; i < a.abilities.length; i++) {
    const verdict = a.abilities[i]!;
    text += `${model}${abilityCells[i]},${csvCell(verdict.probability)},${verdict.status}\n`;
  }
  return text;
}

/** The ability's columns of a prediction CSV line: id, category, threshold_params. */
export function abilityCsvCells(t: AbilityTemplate): string {
  return `${csvCell(t.id)},${csvCell(t.category)},${csvCell(t.threshold_params)}`;
}

/** Where predictionJsonWriter puts its text: pieces of text, and constant pieces already in UTF-8. */
export interface TextSink {
  add(text: string): void;
  addBytes(bytes: Uint8Array): void;
}

/**
 * Writes the text of `toJson(predictionRecord(...))` for a batch of models, without building the
 * record: what does not depend on the model (each ability's names, thresholds and sources, each band
 * and data stage) is rendered once, and a model costs only its own numbers. The constant pieces
 * that are not ASCII (the Chinese names, "§") are kept as UTF-8 bytes, so that the rest stays
 * one-byte text, which is much faster to encode. The record sits `depth` levels deep in its
 * document (2 in predict's `results`), indented as toJson indents it there; the text starts with
 * that indentation and ends with the closing brace.
 * test/render/prediction-json.test.ts checks that it is JSON.stringify's text, byte for byte.
 */
export function predictionJsonWriter(templates: readonly AbilityTemplate[], depth: number): (model: ModelDescription, assessment: Assessment, stage: DataStage | undefined, out: TextSink) => void {
  const pad = (level: number): string => '  '.repeat(level);
  const field = `,\n${pad(depth + 1)}`;
  const abilityField = `,\n${pad(depth + 3)}`;
  const open = `${pad(depth)}{\n${pad(depth + 1)}"name": `;
  const close = `\n${pad(depth)}}`;
  const listClose = `\n${pad(depth + 1)}]`;
  const abilityClose = `\n${pad(depth + 2)}}`;
  /** `value` as toJson writes it `level` levels deep (its first line not indented). */
  const nested = (value: unknown, level: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad(level)}`);
  const constant = (entries: [string, unknown][], level: number): string => entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}: ${nested(v, level)}`).join(`,\n${pad(level)}`);
  const piece = (text: string): string | Uint8Array => (/^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text));
  const strings = new Map<string, string>();
  /** A string that repeats across models (a status, a source), escaped once (up to a thousand of them). */
  const repeated = (text: string): string => {
    let json = strings.get(text);
    if (json === undefined) {
      json = JSON.stringify(text);
      if (strings.size < 1000) strings.set(text, json);
    }
    return json;
  };
  const stages = new Map<DataStage | undefined, string | Uint8Array>();
  const stageJson = (stage: DataStage | undefined): string | Uint8Array => {
    let json = stages.get(stage);
    if (json === undefined) stages.set(stage, (json = piece(nested(stage ? { id: stage.id, name: stage.name.en, name_zh: stage.name.zh } : null, depth + 1))));
    return json;
  };
  const abilities = templates.map((t) => ({
    head: piece(
      `${pad(depth + 2)}{\n${pad(depth + 3)}${constant(
        [['id', t.id], ['name', t.name], ['name_zh', t.name_zh], ['category', t.category], ['threshold_params', t.threshold_params], ['loss_threshold', t.loss_threshold]],
        depth + 3,
      )}${abilityField}"probability": `,
    ),
    source: `${abilityField}${constant([['source', t.source], ['model', t.model], ['reference', t.reference]], depth + 3)}`,
    tails: new Map<Band | undefined, string | Uint8Array>(),
  }));
  /** The end of an ability's record: its source (and model, reference), its band, the brace. */
  const tail = (ability: (typeof abilities)[number], band: Band | undefined): string | Uint8Array => {
    let json = ability.tails.get(band);
    if (json === undefined) {
      json = piece(`${ability.source}${band ? `${abilityField}${constant([['band', band.label.en], ['band_zh', band.label.zh]], depth + 3)}` : ''}${abilityClose}`);
      ability.tails.set(band, json);
    }
    return json;
  };
  /** A number as toJson writes it: null when not finite. */
  const number = (value: number): string => (Number.isFinite(value) ? shortestText(value) : 'null');

  return (model, a, stage, out) => {
    // Text is gathered while the pieces are text, and handed over before each piece of bytes.
    let text =
      `${open}${JSON.stringify(model.name)}${field}"params": ${number(model.params)}${field}"params_source": ${repeated(model.paramsSource)}` +
      `${field}"tokens": ${number(model.tokens)}${field}"tokens_source": ${repeated(model.tokensSource)}${field}"quality": ${number(model.quality)}${field}"quality_source": ${repeated(model.qualitySource)}` +
      `${field}"compute": ${number(a.compute)}${field}"loss": ${number(a.loss)}${field}"effective_params": ${number(a.effectiveParams)}${field}"beyond_reference_regime": ${!Number.isFinite(a.effectiveParams)}` +
      `${field}"data_stage": `;
    const put = (p: string | Uint8Array): void => {
      if (typeof p === 'string') {
        text += p;
        return;
      }
      if (text !== '') out.add(text);
      out.addBytes(p);
      text = '';
    };
    put(stageJson(stage));
    text += `${field}"abilities": ${a.abilities.length > 0 ? '[\n' : '[]'}`;
    for (let i = 0; i < a.abilities.length; i++) {
      const verdict = a.abilities[i]!;
      const ability = abilities[i]!;
      if (i > 0) text += ',\n';
      put(ability.head);
      text += `${number(verdict.probability)}${abilityField}"status": ${repeated(verdict.status)}${abilityField}"margin_decades": ${number(verdict.marginDecades)}`;
      put(tail(ability, verdict.ability.bands === undefined ? undefined : bandFor(verdict.ability, a.effectiveParams)));
    }
    if (a.abilities.length > 0) text += listClose;
    if (model.architecture) text += `${field}"architecture": ${nested({ layers: model.architecture.layers, d_model: model.architecture.dModel, vocab: model.architecture.vocab }, depth + 1)}`;
    out.add(`${text}${close}`);
  };
}
