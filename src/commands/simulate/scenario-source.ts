/**
 * Which scenario runs: a file (--config), a built-in (--scenario), or the `abilities` built-in; and
 * the law it names, resolved relative to its file.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { AbilityCatalog } from '../../core/catalog.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { builtinScenario, DEFAULT_SCENARIO, SCENARIO_NAMES, type ScenarioConfig, type ScenarioName } from '../../core/simulate/index.js';
import { UsageError } from '../../errors.js';
import { quoteUserText } from '../../io/numbers.js';
import { resolveLaw } from '../../io/laws.js';
import { readScenarioFile } from '../../io/scenario-config.js';
import type { SimulateCommandOptions } from '../../options/simulate.js';
import { didYouMean } from '../../util/suggest.js';

export interface ScenarioSource {
  config: ScenarioConfig;
  /** The --config file, when the scenario came from one. */
  file?: string;
}

export function scenarioSource(options: SimulateCommandOptions, catalog: AbilityCatalog): ScenarioSource {
  if (options.config !== undefined && options.scenario !== undefined) {
    throw new UsageError('--scenario: give either --scenario or a scenario file (the file names its scenario), not both');
  }
  if (options.config !== undefined) {
    return { config: readScenarioFile(options.config, { abilityIds: catalog.abilities.map((a) => a.id) }), file: options.config };
  }
  const name = options.scenario ?? DEFAULT_SCENARIO;
  if (!(SCENARIO_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`--scenario: unknown scenario ${quoteUserText(name)}${didYouMean(name, SCENARIO_NAMES)}; scenarios: ${SCENARIO_NAMES.join(', ')}`);
  }
  return { config: builtinScenario(name as ScenarioName) };
}

/**
 * The law to use: --law, else the scenario's `law:` (a preset name, a file path relative to the
 * scenario file, or the law's fields inline), else the default preset.
 */
export function scenarioLaw(options: SimulateCommandOptions, source: ScenarioSource): ScalingLaw {
  if (options.law !== undefined) return resolveLaw(options.law);
  const named = source.config.law;
  if (named === undefined || typeof named !== 'string' || source.file === undefined || isAbsolute(named)) {
    return typeof named === 'object' ? named : resolveLaw(named);
  }
  const beside = join(dirname(source.file), named);
  return resolveLaw(existsSync(beside) ? beside : named);
}
