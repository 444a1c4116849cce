/**
 * `simulate`: sweep scale under a scenario and return every series, its summary and notes: the
 * document `emerge simulate --format json` prints, which the CLI makes with the same function
 * (simulationDocument).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { AbilityCatalog } from '../core/catalog.js';
import type { ScalingLaw } from '../core/scaling-law.js';
import { applyOptions, builtinScenario, DEFAULT_SCENARIO, runScenario, SCENARIO_NAMES, type ScenarioConfig, type ScenarioName, type Simulation, type SimulateOptions } from '../core/simulate/index.js';
import { UsageError } from '../errors.js';
import { loadAbilityCatalog } from '../io/abilities.js';
import { loadFactors } from '../io/factors.js';
import { loadLawPresets, presetLaw as presetOf, resolveLaw } from '../io/laws.js';
import { quoteUserText } from '../io/numbers.js';
import { readScenarioFile } from '../io/scenario-config.js';
import { lawRecord } from '../render/prediction-record.js';
import { simulationRecord, type SimulationRecord } from '../render/simulation-data.js';
import { didYouMean } from '../util/suggest.js';
import { checkFields } from './check.js';
import { abilityIds } from './predict/abilities.js';
import { parseQualityValue } from './predict/quality.js';
import { fromFlags } from './predict/where.js';

/** What to simulate: a scenario and the settings `emerge simulate`'s flags give (each named as its flag). */
export interface SimulateInput extends Omit<SimulateOptions, 'quality'> {
  /** A built-in scenario by name (phase, abilities, mirage, composition, multitask, quality, finite-eval; default abilities), or one read by `loadScenario(path)`. */
  scenario?: ScenarioName | ScenarioConfig;
  /** A preset name or a law; default the scenario's own `law:`, else besiroglu2024. */
  law?: string | ScalingLaw;
  /** The ability catalog the scenario's abilities come from (default the shipped one). */
  catalog?: AbilityCatalog;
  /** Data quality of the sweep: low, standard, high (seed §6.3) or a factor. */
  quality?: number | 'low' | 'standard' | 'high';
}

/** The document of `emerge simulate --format json`: scenario, law, configuration, scale, series, summary, markers, report, notes. */
export type SimulationDocument = SimulationRecord;

/**
 * Runs a scenario: the sweep over scale (params, compute or tokens, on a log grid) and each series
 * it defines (loss, per-ability probability of emergence, metric effects, composed abilities, data
 * quality, evaluation noise). Deterministic: the finite-eval draws use `seed` (default 0).
 * @throws UsageError for an unknown scenario, preset or ability, or a setting the scenario does not take or out of range, naming the flag as the CLI does
 * @example simulate({ scenario: 'phase', steps: 61 }).series.map((s) => s.name) // ['power-beta-0.25', ..., 'logistic']
 */
export function simulate(input: SimulateInput = {}): SimulationDocument {
  checkFields(input, SIMULATE_FIELDS, 'simulate');
  const { scenario, law, catalog = loadAbilityCatalog(), quality, abilities, ...rest } = input;
  const options: SimulateOptions = { ...rest };
  if (quality !== undefined) options.quality = parseQualityValue(String(quality), loadFactors(), fromFlags, '--quality').value;
  if (abilities !== undefined) options.abilities = abilityIds(catalog, abilities, '--ability');
  const config = applyOptions(typeof scenario === 'object' ? scenario : scenarioNamed(scenario), options);
  const chosen = scenarioLaw(config, law);
  return simulationDocument(config, runSimulation(config, chosen, catalog), chosen, catalog);
}

const SIMULATE_FIELDS: Record<keyof SimulateInput, true> = {
  scenario: true, law: true, catalog: true, quality: true, abilities: true, over: true, from: true, to: true, steps: true, params: true, tokens: true, items: true, trials: true, seed: true,
};

/** The engine run of a configured scenario under a law and catalog. */
export function runSimulation(config: ScenarioConfig, law: ScalingLaw, catalog: AbilityCatalog): Simulation {
  return runScenario(config, { law, referenceTokens: catalog.referenceTokens, catalog: catalog.abilities });
}

/** The JSON document of a simulation (what `--format json` prints). */
export function simulationDocument(config: ScenarioConfig, simulation: Simulation, law: ScalingLaw, catalog: AbilityCatalog): SimulationDocument {
  return simulationRecord({ simulation, config, law: lawRecord(law), referenceTokens: catalog.referenceTokens });
}

/**
 * Reads a scenario file (YAML, the format of data/scenarios/NAME.yaml; `scenario:` may be omitted for
 * abilities). A `law:` given as a file path is read now, relative to the scenario file.
 * @throws InputError naming the file and line of a bad field
 */
export function loadScenario(path: string, catalog: AbilityCatalog = loadAbilityCatalog()): ScenarioConfig {
  const config = readScenarioFile(path, { abilityIds: catalog.abilities.map((a) => a.id) });
  const named = config.law;
  if (typeof named !== 'string' || isAbsolute(named) || loadLawPresets().presets.has(named)) return config;
  const beside = join(dirname(path), named);
  return { ...config, law: resolveLaw(existsSync(beside) ? beside : named) };
}

/** The law to use: the option, else the scenario's `law:` (a preset name or inline fields; loadScenario has read a file), else the default preset. */
function scenarioLaw(config: ScenarioConfig, law: string | ScalingLaw | undefined): ScalingLaw {
  if (typeof law === 'object') return law;
  if (law !== undefined) return presetOf(law, '--law');
  return typeof config.law === 'object' ? config.law : presetOf(config.law, 'law');
}

/**
 * A built-in scenario by name (the default, abilities, without one).
 * @throws UsageError for an unknown name, with close matches
 */
export function scenarioNamed(name: string | undefined): ScenarioConfig {
  const chosen = name ?? DEFAULT_SCENARIO;
  if (!(SCENARIO_NAMES as readonly string[]).includes(chosen)) {
    throw new UsageError(`--scenario: unknown scenario ${quoteUserText(chosen)}${didYouMean(chosen, SCENARIO_NAMES)}; scenarios: ${SCENARIO_NAMES.join(', ')}`);
  }
  return builtinScenario(chosen as ScenarioName);
}
