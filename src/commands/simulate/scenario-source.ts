/**
 * Which scenario runs: a file (--config), a built-in (--scenario), or the `abilities` built-in; and
 * the law it names, resolved relative to its file.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { AbilityCatalog } from '../../core/catalog.js';
import { builtinScenario, SCENARIO_NAMES, type ScenarioConfig, type ScenarioName } from '../../core/simulate/index.js';
import { UsageError } from '../../errors.js';
import { quoteUserText } from '../../io/numbers.js';
import { readScenarioFile } from '../../io/scenario-config.js';
import type { SimulateCommandOptions } from '../../options/simulate.js';
import { didYouMean } from '../../util/suggest.js';

export const DEFAULT_SCENARIO: ScenarioName = 'abilities';

export interface ScenarioSource {
  config: ScenarioConfig;
  /** The --config file, when the scenario came from one. */
  file?: string;
}

export function scenarioSource(options: SimulateCommandOptions, catalog: AbilityCatalog): ScenarioSource {
  if (options.config !== undefined && options.scenario !== undefined) {
    throw new UsageError('--scenario: give either --scenario or --config (the file names its scenario), not both');
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
 * The law to use: --law, else the scenario's `law:` (a preset name, or a file path relative to the
 * scenario file), else the default preset.
 */
export function lawSpec(options: SimulateCommandOptions, source: ScenarioSource): string | undefined {
  if (options.law !== undefined) return options.law;
  const named = source.config.law;
  if (named === undefined || source.file === undefined || isAbsolute(named)) return named;
  const beside = join(dirname(source.file), named);
  return existsSync(beside) ? beside : named;
}
