/**
 * Scenario files for `emerge simulate --config file.yaml` (and the built-in ones,
 * data/scenarios/<name>.yaml). Keys are snake_case, like the other data files; numbers may carry
 * size suffixes (100B, 1.4T). A key left out takes the value of the built-in scenario of the same
 * name. Errors name the file, the line and the key; an unknown key gets a "did you mean" hint.
 *
 * Structure and types are checked here; ranges and cross-field rules (from < to, N_sat > N_c, ...)
 * by the engine's own checks (src/core/simulate), reported here as InputErrors.
 */
import type { EmergenceCurve } from '../core/emergence.js';
import type { AbilityRef } from '../core/simulate/ability-spec.js';
import { DEFAULT_CURVE } from '../core/simulate/ability-spec.js';
import type { ConfigPath } from '../core/simulate/problems.js';
import { PER_TOKEN_MODELS } from '../core/simulate/mirage.js';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO, SCENARIO_NAMES, scenarioProblems, type ScenarioConfig } from '../core/simulate/scenarios.js';
import type { ScenarioName } from '../core/simulate/series.js';
import { DEFAULT_AXIS_RANGES, SWEEP_AXES, type SweepConfig } from '../core/simulate/sweep.js';
import { didYouMean } from '../util/suggest.js';
import { dataFile } from './data-files.js';
import { readLaw } from './laws.js';
import { describeValue, parseQuantity, quoteUserText } from './numbers.js';
import { readYamlFile, YamlReader, type YamlPath, type YamlSource } from './yaml-source.js';

export interface ScenarioFileOptions {
  /** Ids of the ability catalog: a scenario naming another id is an error (with a hint). */
  abilityIds?: readonly string[];
}

const BASE_KEYS = ['scenario', 'description', 'law', 'seed', 'sweep'];
const SWEEP_KEYS = ['over', 'from', 'to', 'steps', 'params', 'tokens', 'quality'];
const SCENARIO_KEYS: Readonly<Record<ScenarioName, readonly string[]>> = {
  phase: ['threshold_params', 'saturation_params', 'exponents', 'logistic_width', 'floor', 'ceiling'],
  abilities: ['abilities'],
  mirage: ['per_token', 'midpoint_params', 'width', 'lengths', 'edit_lengths'],
  composition: ['parts', 'composite_label'],
  multitask: ['tasks', 'transfers'],
  quality: ['ability', 'levels'],
  'finite-eval': ['ability', 'items', 'trials', 'band', 'sample_trials'],
};
const ABILITY_KEYS = ['id', 'name', 'threshold_params', 'curve', 'source'];
const CURVE_KEYS = ['shape', 'width', 'floor', 'ceiling', 'exponent', 'saturation_params'];

/** data/scenarios/<name>.yaml */
export function builtinScenarioFile(name: ScenarioName): string {
  return dataFile(`scenarios/${name}.yaml`);
}

/** Reads, parses and validates a scenario file. */
export function readScenarioFile(file: string, options: ScenarioFileOptions = {}): ScenarioConfig {
  return parseScenarioSource(readYamlFile(file), options);
}

/**
 * Validates an already-parsed scenario object (e.g. `yaml.parse` output) without line numbers.
 * @throws InputError(file, undefined, detail) for the first problem
 */
export function validateScenarioConfig(raw: unknown, file: string, options: ScenarioFileOptions = {}): ScenarioConfig {
  return parseScenarioSource({ file, value: raw, lineOf: () => undefined }, options);
}

/** Validates a parsed YAML source, naming lines in errors. */
export function parseScenarioSource(source: YamlSource, options: ScenarioFileOptions = {}): ScenarioConfig {
  const reader = new YamlReader(source);
  // Without `scenario:` a file describes the default scenario (abilities), as `emerge simulate` alone runs it.
  const head = reader.at(['scenario']) ?? DEFAULT_SCENARIO;
  if (typeof head !== 'string' || !(SCENARIO_NAMES as readonly string[]).includes(head)) {
    reader.fail(['scenario'], `unknown scenario ${typeof head === 'string' ? quoteUserText(head) : String(head)}${typeof head === 'string' ? didYouMean(head, SCENARIO_NAMES) : ''}; use one of ${SCENARIO_NAMES.join(', ')}`);
  }
  const name = head as ScenarioName;
  const defaults = structuredClone(BUILTIN_SCENARIOS[name]) as ScenarioConfig;
  const top = reader.mapping([], [...BASE_KEYS, ...SCENARIO_KEYS[name]]);
  const config: Record<string, unknown> = { ...defaults };
  if (top.description !== undefined) config.description = reader.string(['description']);
  // `law:` names a preset or a law file, or gives the law's own fields (E, A, B, alpha, beta) inline.
  if (top.law !== undefined) {
    const law = reader.at(['law']);
    if (Array.isArray(law)) reader.fail(['law'], 'expected a preset name, a law file, or the law inline as a mapping of E, A, B, alpha, beta');
    config.law = law !== null && typeof law === 'object' ? readLaw(reader, ['law'], typeof (law as { name?: unknown }).name === 'string' ? String((law as { name: string }).name) : `inline law of ${source.file}`) : reader.string(['law']);
  }
  // `seed:` seeds every random draw, as --seed does (which overrides it); only finite-eval draws.
  if (top.seed !== undefined) {
    const seed = readNumber(reader, ['seed']);
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) reader.fail(['seed'], `expected a 32-bit seed (an integer from 0 to 4294967295), got ${describeValue(reader.at(['seed']))}`);
    if (name === 'finite-eval') config.seed = seed;
  }
  config.sweep = readSweep(reader, defaults.sweep);
  const has = (key: string): boolean => top[key] !== undefined;
  const num = (key: string): number => readNumber(reader, [key]);
  switch (name) {
    case 'phase':
      if (has('threshold_params')) config.thresholdParams = num('threshold_params');
      if (has('saturation_params')) config.saturationParams = num('saturation_params');
      if (has('exponents')) config.exponents = readNumberList(reader, ['exponents']);
      if (has('logistic_width')) config.logisticWidth = num('logistic_width');
      if (has('floor')) config.floor = num('floor');
      if (has('ceiling')) config.ceiling = num('ceiling');
      break;
    case 'abilities':
      if (has('abilities')) config.abilities = reader.sequence(['abilities']).map((_, i) => readAbilityRef(reader, ['abilities', i]));
      break;
    case 'mirage':
      if (has('per_token')) {
        const model = reader.string(['per_token']);
        if (!(PER_TOKEN_MODELS as readonly string[]).includes(model)) reader.fail(['per_token'], `unknown per-token model ${quoteUserText(model)}${didYouMean(model, PER_TOKEN_MODELS)}; use logistic (p logistic in log10 of the effective size) or loss (p = exp(−(L − E)) under the law)`);
        config.perToken = model;
      }
      for (const key of ['midpoint_params', 'width']) {
        if (has(key) && config.perToken !== 'logistic') reader.fail([key], `belongs to per_token: logistic (this file has per_token: ${String(config.perToken)})`);
      }
      if (has('midpoint_params')) config.midpointParams = num('midpoint_params');
      if (has('width')) config.width = num('width');
      if (has('lengths')) config.lengths = readNumberList(reader, ['lengths']);
      if (has('edit_lengths')) config.editLengths = readNumberList(reader, ['edit_lengths']);
      break;
    case 'composition':
      if (has('parts')) config.parts = reader.sequence(['parts']).map((_, i) => readAbilityRef(reader, ['parts', i]));
      if (has('composite_label')) config.compositeLabel = reader.string(['composite_label']);
      break;
    case 'multitask':
      if (has('tasks')) {
        config.tasks = reader.sequence(['tasks']).map((_, i) => {
          reader.mapping(['tasks', i], ['ability', 'weight'], ['ability', 'weight']);
          return { ability: readAbilityRef(reader, ['tasks', i, 'ability']), weight: readNumber(reader, ['tasks', i, 'weight']) };
        });
      }
      if (has('transfers')) config.transfers = readNumberList(reader, ['transfers']);
      break;
    case 'quality':
      if (has('ability')) config.ability = readAbilityRef(reader, ['ability']);
      if (has('levels')) {
        config.levels = reader.sequence(['levels']).map((_, i) => {
          reader.mapping(['levels', i], ['name', 'factor'], ['name', 'factor']);
          return { name: reader.string(['levels', i, 'name']), factor: readNumber(reader, ['levels', i, 'factor']) };
        });
      }
      break;
    case 'finite-eval':
      if (has('ability')) config.ability = readAbilityRef(reader, ['ability']);
      if (has('items')) config.items = num('items');
      if (has('trials')) config.trials = num('trials');
      if (has('band')) {
        const band = readNumberList(reader, ['band']);
        if (band.length !== 2) reader.fail(['band'], `expected two percentiles, low and high (e.g. [5, 95]), got ${band.length}`);
        config.band = band;
      }
      if (has('sample_trials')) config.sampleTrials = num('sample_trials');
      break;
  }
  const result = config as unknown as ScenarioConfig;
  const problem = scenarioProblems(result)[0];
  if (problem) reader.fail(toYamlPath(problem.path), problem.message);
  if (options.abilityIds) checkCatalogIds(reader, result, options.abilityIds);
  return result;
}

function readSweep(reader: YamlReader, defaults: SweepConfig): SweepConfig {
  const sweep: SweepConfig = { ...defaults };
  if (reader.at(['sweep']) === undefined) return sweep;
  const raw = reader.mapping(['sweep'], SWEEP_KEYS);
  if (raw.over !== undefined) {
    const over = reader.string(['sweep', 'over']);
    if (!(SWEEP_AXES as readonly string[]).includes(over)) reader.fail(['sweep', 'over'], `unknown axis ${quoteUserText(over)}${didYouMean(over, SWEEP_AXES)}; use one of ${SWEEP_AXES.join(', ')}`);
    if (over !== defaults.over) Object.assign(sweep, DEFAULT_AXIS_RANGES[over as SweepConfig['over']], { over });
  }
  for (const key of ['from', 'to', 'steps', 'params', 'tokens', 'quality'] as const) {
    if (raw[key] !== undefined) sweep[key] = readNumber(reader, ['sweep', key]);
  }
  return sweep;
}

function readNumber(reader: YamlReader, path: YamlPath): number {
  const raw = reader.at(path);
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseQuantity(raw) : undefined;
  if (value === undefined || !Number.isFinite(value)) {
    const shown = describeValue(raw);
    reader.fail(path, `expected a number (e.g. 0.5, 1e11 or 100B), got ${shown}`);
  }
  return value;
}

function readNumberList(reader: YamlReader, path: YamlPath): number[] {
  return reader.sequence(path).map((_, i) => readNumber(reader, [...path, i]));
}

/** A catalog id (a string) or an inline ability: id, name, threshold_params, curve, source. */
function readAbilityRef(reader: YamlReader, path: YamlPath): AbilityRef {
  const raw = reader.at(path);
  if (typeof raw === 'string') return raw;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    reader.fail(path, 'expected an ability id from the catalog, or a mapping with id, threshold_params and optionally name, curve, source');
  }
  const fields = reader.mapping(path, ABILITY_KEYS, ['id', 'threshold_params']);
  const id = reader.string([...path, 'id']);
  const thresholdParams = readNumber(reader, [...path, 'threshold_params']);
  const spec: Exclude<AbilityRef, string> = { id, thresholdParams, curve: readCurve(reader, [...path, 'curve']) };
  if (fields.name !== undefined) spec.label = readLabel(reader, [...path, 'name']);
  if (fields.source !== undefined) spec.source = reader.string([...path, 'source']);
  return spec;
}

function readLabel(reader: YamlReader, path: YamlPath): string {
  const raw = reader.at(path);
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    reader.mapping(path, ['en', 'zh'], ['en']);
    return reader.string([...path, 'en']);
  }
  return reader.string(path);
}

/** A curve; keys left out take the catalog defaults (logistic, width 0.5, floor 0, ceiling 1). */
function readCurve(reader: YamlReader, path: YamlPath): EmergenceCurve {
  if (reader.at(path) === undefined) return { ...DEFAULT_CURVE };
  const raw = reader.mapping(path, CURVE_KEYS);
  const shape = raw.shape === undefined ? 'logistic' : reader.string([...path, 'shape']);
  if (shape !== 'logistic' && shape !== 'power') reader.fail([...path, 'shape'], `unknown shape ${quoteUserText(shape)}; use logistic or power`);
  const value = (key: string, fallback: number): number => (raw[key] === undefined ? fallback : readNumber(reader, [...path, key]));
  const width = value('width', DEFAULT_CURVE.width);
  const floor = value('floor', DEFAULT_CURVE.floor);
  const ceiling = value('ceiling', DEFAULT_CURVE.ceiling);
  if (shape === 'logistic') {
    for (const key of ['exponent', 'saturation_params']) if (raw[key] !== undefined) reader.fail([...path, key], `"${key}" belongs to the power shape`);
    return { shape, width, floor, ceiling };
  }
  for (const key of ['exponent', 'saturation_params']) if (raw[key] === undefined) reader.fail(path, `a power curve needs "${key}"`);
  return { shape, width, floor, ceiling, exponent: readNumber(reader, [...path, 'exponent']), saturationParams: readNumber(reader, [...path, 'saturation_params']) };
}

/** Engine paths use TypeScript field names; files use snake_case (thresholdParams → threshold_params). */
function toYamlPath(path: ConfigPath): YamlPath {
  return path.map((key) => (typeof key === 'number' ? key : key === 'label' ? 'name' : key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
}

function checkCatalogIds(reader: YamlReader, config: ScenarioConfig, ids: readonly string[]): void {
  const check = (ref: AbilityRef, path: YamlPath): void => {
    if (typeof ref === 'string' && !ids.includes(ref)) reader.fail(path, `unknown ability "${ref}"${didYouMean(ref, ids)}; see emerge thresholds for the catalog`);
  };
  switch (config.scenario) {
    case 'abilities':
      config.abilities.forEach((ref, i) => check(ref, ['abilities', i]));
      break;
    case 'composition':
      config.parts.forEach((ref, i) => check(ref, ['parts', i]));
      break;
    case 'multitask':
      config.tasks.forEach((task, i) => check(task.ability, ['tasks', i, 'ability']));
      break;
    case 'quality':
    case 'finite-eval':
      check(config.ability, ['ability']);
      break;
    default:
      break;
  }
}

