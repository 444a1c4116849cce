/**
 * The ability catalog: data/abilities.yaml, or a user's file with the same format
 * (`--abilities my.yaml`, also written by `emerge fit --output` for emergence curves).
 */
import type { Ability, AbilityCatalog, Band, UnquantifiedAbility } from '../core/catalog.js';
import { DEFAULT_WIDTH_DECADES, type EmergenceCurve } from '../core/emergence.js';
import { readBilingual, readOptionalBilingual } from './bilingual.js';
import { dataFile, readShippedData } from './data-files.js';
import { PARAMS, TOKENS, COMPUTE, parseFileQuantity, type Range } from './numbers.js';
import { readYamlFile, YamlReader, type YamlPath } from './yaml-source.js';

export const REFERENCE_TOKENS = 3e11;
const ABILITY_KEYS = ['id', 'name', 'category', 'threshold_params', 'source', 'description', 'bands', 'curve', 'threshold_flops', 'model', 'reference', 'task_count'];
const CURVE_KEYS = ['shape', 'width', 'floor', 'ceiling', 'exponent', 'saturation_params'];
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const WIDTH: Range = { min: 0, exclusiveMin: true, max: 10, what: 'a width in decades', example: '0.5' };
const UNIT: Range = { min: 0, max: 1, what: 'a probability', example: '0.25' };
const EXPONENT: Range = { min: 0, exclusiveMin: true, max: 100, what: 'a critical exponent', example: '0.5' };
const COUNT: Range = { min: 1, max: 1e6, what: 'a task count', example: '23' };

let shipped: AbilityCatalog | undefined;

/** The shipped catalog (data/abilities.yaml), or a user's catalog file. */
export function loadAbilityCatalog(file?: string): AbilityCatalog {
  if (file === undefined) {
    // `origin` is where the YAML is now, not where the build parsed it.
    return (shipped ??= { ...readShippedData('abilities.yaml', (source) => parseAbilityCatalog(new YamlReader(source))), origin: dataFile('abilities.yaml') });
  }
  return readAbilityCatalog(file);
}

export function readAbilityCatalog(file: string): AbilityCatalog {
  return parseAbilityCatalog(new YamlReader(readYamlFile(file)));
}

export function parseAbilityCatalog(reader: YamlReader): AbilityCatalog {
  const file = reader.source.file;
  const top = reader.mapping([], ['reference_tokens', 'defaults', 'abilities', 'unquantified'], ['abilities']);
  const referenceTokens =
    top.reference_tokens === undefined ? REFERENCE_TOKENS : quantity(reader, ['reference_tokens'], TOKENS);
  const defaults = readCurve(reader, ['defaults'], undefined, {
    shape: 'logistic',
    width: DEFAULT_WIDTH_DECADES,
    floor: 0,
    ceiling: 1,
  });
  const list = reader.sequence(['abilities']);
  if (list.length === 0) reader.fail(['abilities'], 'lists no abilities');
  const seen = new Map<string, number>();
  const abilities = list.map((_, i) => {
    const ability = readAbility(reader, ['abilities', i], defaults);
    const earlier = seen.get(ability.id);
    if (earlier !== undefined) reader.fail(['abilities', i, 'id'], `duplicate id "${ability.id}" (also abilities[${earlier}])`);
    seen.set(ability.id, i);
    return ability;
  });
  const unquantified = top.unquantified === undefined ? [] : reader.sequence(['unquantified']).map((_, i) => readUnquantified(reader, ['unquantified', i]));
  return { referenceTokens, abilities, unquantified, origin: file };
}

function quantity(reader: YamlReader, path: YamlPath, range: Range): number {
  return parseFileQuantity(reader.at(path), range, { file: reader.source.file, line: reader.source.lineOf(path), field: pathName(path) });
}

function pathName(path: YamlPath): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
}

function readAbility(reader: YamlReader, path: YamlPath, defaults: EmergenceCurve): Ability {
  const raw = reader.mapping(path, ABILITY_KEYS, ['id', 'threshold_params']);
  const id = reader.string([...path, 'id']);
  if (!ID_PATTERN.test(id)) reader.fail([...path, 'id'], `"${id}" is not a kebab-case id (lowercase letters, digits and single dashes)`);
  const thresholdParams = quantity(reader, [...path, 'threshold_params'], PARAMS);
  const text = typeof raw.name === 'string' ? reader.string([...path, 'name']) : undefined;
  const name = text !== undefined ? { en: text, zh: text } : raw.name === undefined ? { en: id, zh: id } : readBilingual(reader, [...path, 'name']);
  const curve = readCurve(reader, [...path, 'curve'], thresholdParams, defaults);
  const ability: Ability = {
    id,
    name,
    category: reader.optionalString([...path, 'category']) ?? 'custom',
    thresholdParams,
    curve,
    source: reader.optionalString([...path, 'source']) ?? `user catalog ${reader.source.file}`,
  };
  const description = readOptionalBilingual(reader, [...path, 'description']);
  if (description) ability.description = description;
  if (raw.bands !== undefined) ability.bands = reader.sequence([...path, 'bands']).map((_, j) => readBand(reader, [...path, 'bands', j]));
  if (raw.threshold_flops !== undefined) ability.thresholdFlops = quantity(reader, [...path, 'threshold_flops'], COMPUTE);
  if (raw.model !== undefined) ability.model = String(reader.at([...path, 'model']));
  if (raw.reference !== undefined) ability.reference = reader.string([...path, 'reference']);
  if (raw.task_count !== undefined) ability.taskCount = quantity(reader, [...path, 'task_count'], COUNT);
  return ability;
}

function readCurve(reader: YamlReader, path: YamlPath, threshold: number | undefined, defaults: EmergenceCurve): EmergenceCurve {
  if (reader.at(path) === undefined) return defaults;
  const raw = reader.mapping(path, CURVE_KEYS);
  const shape = raw.shape ?? defaults.shape;
  if (shape !== 'logistic' && shape !== 'power') reader.fail([...path, 'shape'], `unknown shape ${JSON.stringify(shape)}; use logistic or power`);
  const num = (key: string, range: Range, fallback: number | undefined): number => {
    if (raw[key] === undefined) {
      if (fallback === undefined) reader.fail(path, `a ${shape} curve needs "${key}"`);
      return fallback;
    }
    return quantity(reader, [...path, key], range);
  };
  const width = num('width', WIDTH, defaults.width);
  const floor = num('floor', UNIT, defaults.floor);
  const ceiling = num('ceiling', UNIT, defaults.ceiling);
  if (floor >= ceiling) reader.fail(path, `floor (${floor}) must be below ceiling (${ceiling})`);
  if (shape === 'logistic') {
    for (const key of ['exponent', 'saturation_params']) {
      if (raw[key] !== undefined) reader.fail([...path, key], `"${key}" belongs to the power shape`);
    }
    return { shape, width, floor, ceiling };
  }
  const exponent = num('exponent', EXPONENT, defaults.shape === 'power' ? defaults.exponent : undefined);
  const saturationParams = num('saturation_params', PARAMS, defaults.shape === 'power' ? defaults.saturationParams : undefined);
  if (threshold !== undefined && saturationParams <= threshold) {
    reader.fail([...path, 'saturation_params'], `must be above threshold_params (${threshold})`);
  }
  return { shape, width, floor, ceiling, exponent, saturationParams };
}

function readBand(reader: YamlReader, path: YamlPath): Band {
  const raw = reader.mapping(path, ['from_params', 'to_params', 'label'], ['label']);
  const band: Band = { label: readBilingual(reader, [...path, 'label']) };
  if (raw.from_params !== undefined) band.fromParams = quantity(reader, [...path, 'from_params'], PARAMS);
  if (raw.to_params !== undefined) band.toParams = quantity(reader, [...path, 'to_params'], PARAMS);
  if (band.fromParams !== undefined && band.toParams !== undefined && band.fromParams >= band.toParams) {
    reader.fail(path, 'from_params must be below to_params');
  }
  return band;
}

function readUnquantified(reader: YamlReader, path: YamlPath): UnquantifiedAbility {
  reader.mapping(path, ['name', 'category', 'model', 'reference', 'source', 'note'], ['name', 'category', 'model', 'reference', 'source', 'note']);
  return {
    name: readBilingual(reader, [...path, 'name']),
    category: reader.string([...path, 'category']),
    model: reader.string([...path, 'model']),
    reference: reader.string([...path, 'reference']),
    source: reader.string([...path, 'source']),
    note: reader.string([...path, 'note']),
  };
}
