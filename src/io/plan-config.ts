/**
 * `--config plan.yaml`: the settings of predict/thresholds as YAML, for one model or a list.
 *
 *   law: hoffmann2022            # preset or law file (relative to this file)
 *   abilities: my-catalog.yaml   # optional catalog file (relative to this file)
 *   ability: [in-context-learning, chain-of-thought]
 *   quality: high
 *   format: json
 *   models:                      # or the model keys at the top level, for one model
 *     - { name: small, params: 7B, tokens: 2T }
 *     - { model: llama-2-70b }
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseFileQuantity, COMPUTE, D_MODEL, LAYERS, PARAMS, TOKENS, VOCAB, type Range } from './numbers.js';
import { readYamlFile, YamlReader, type YamlPath } from './yaml-source.js';

/**
 * What describes a planned model, however it is given: flags (`--params`, `--d-model`), an entry of
 * a plan file (`params:`, `d_model:`), a CSV row, or the library's `predict({ params })`.
 */
export interface ModelFields {
  /** N, parameters. */
  params?: number;
  /** D, training tokens; without them, the reference regime of the catalog (3e11). */
  tokens?: number;
  /** C, training FLOPs: with N or D it gives the other (C = 6·N·D), alone the compute-optimal split. */
  compute?: number;
  /** A model of the catalog by slug or name (`llama-3-70b`; `emerge predict --list-models`, `modelCatalog()`). */
  model?: string;
  /** The size from the architecture (all three): N = 12·layers·dModel² + vocab·dModel. */
  layers?: number;
  dModel?: number;
  vocab?: number;
  /** The name shown for the model (default: the catalog's name, or the size, e.g. "70B"). */
  name?: string;
}

export interface ConfigModel extends ModelFields {
  /** 1-based line of the entry, for messages. */
  line: number | undefined;
  /** As written: a level name or a factor (checked with the factor tables). */
  quality?: string;
}

export interface PlanConfig {
  file: string;
  law?: string;
  abilities?: string;
  ability?: string[];
  quality?: string;
  format?: string;
  lang?: string;
  models: ConfigModel[];
}

const MODEL_KEYS = ['name', 'params', 'tokens', 'compute', 'model', 'layers', 'd_model', 'vocab', 'quality'];
const SETTING_KEYS = ['law', 'abilities', 'ability', 'format', 'lang'];
const NUMERIC: Record<string, [keyof ConfigModel, Range]> = {
  params: ['params', PARAMS],
  tokens: ['tokens', TOKENS],
  compute: ['compute', COMPUTE],
  layers: ['layers', LAYERS],
  d_model: ['dModel', D_MODEL],
  vocab: ['vocab', VOCAB],
};

export function readPlanConfig(file: string): PlanConfig {
  const reader = new YamlReader(readYamlFile(file));
  const top = reader.mapping([], [...SETTING_KEYS, ...MODEL_KEYS, 'models']);
  const relative = (path: string): string => (isAbsolute(path) || !/[/\\]|\.ya?ml$/i.test(path) ? path : resolve(dirname(file), path));
  const config: PlanConfig = { file, models: [] };
  if (top.law !== undefined) config.law = relative(reader.string(['law']));
  if (top.abilities !== undefined) config.abilities = relative(reader.string(['abilities']));
  if (top.ability !== undefined) {
    const raw = top.ability;
    config.ability = Array.isArray(raw) ? raw.map((_, i) => reader.string(['ability', i])) : reader.string(['ability']).split(',');
  }
  for (const key of ['format', 'lang'] as const) if (top[key] !== undefined) config[key] = reader.string([key]);
  if (top.quality !== undefined) config.quality = typeof top.quality === 'number' ? String(top.quality) : reader.string(['quality']);

  const hasTopModel = MODEL_KEYS.some((k) => k !== 'quality' && top[k] !== undefined);
  if (top.models !== undefined) {
    if (hasTopModel) reader.fail(['models'], 'give either `models:` or one model at the top level, not both');
    const list = reader.sequence(['models']);
    if (list.length === 0) reader.fail(['models'], 'lists no models');
    config.models = list.map((_, i) => readModel(reader, ['models', i]));
  } else if (hasTopModel) {
    config.models = [readModel(reader, [], true)];
  }
  return config;
}

function readModel(reader: YamlReader, path: YamlPath, topLevel = false): ConfigModel {
  const raw = topLevel ? (reader.at([]) as Record<string, unknown>) : reader.mapping(path, MODEL_KEYS);
  const model: ConfigModel = { line: reader.source.lineOf(path) };
  for (const [key, [field, range]] of Object.entries(NUMERIC)) {
    if (raw[key] === undefined) continue;
    const value = parseFileQuantity(raw[key], range, { file: reader.source.file, line: reader.source.lineOf([...path, key]), field: key });
    (model as unknown as Record<string, number>)[field] = value;
  }
  if (raw.name !== undefined) model.name = typeof raw.name === 'number' ? String(raw.name) : reader.string([...path, 'name']);
  if (raw.model !== undefined) model.model = reader.string([...path, 'model']);
  if (raw.quality !== undefined && !topLevel) model.quality = typeof raw.quality === 'number' ? String(raw.quality) : reader.string([...path, 'quality']);
  return model;
}
