/**
 * Which scenario runs: a file (--config), a built-in (--scenario), or the `abilities` built-in; and
 * the law it names, resolved relative to its file.
 */
import type { AbilityCatalog } from '../../core/catalog.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import type { ScenarioConfig } from '../../core/simulate/index.js';
import { loadScenario, scenarioNamed } from '../../api/simulate.js';
import { UsageError } from '../../errors.js';
import { resolveLaw } from '../../io/laws.js';
import type { SimulateCommandOptions } from '../../options/simulate.js';

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
    return { config: loadScenario(options.config, catalog), file: options.config };
  }
  return { config: scenarioNamed(options.scenario) };
}

/**
 * The law to use: --law, else the scenario's `law:` (a preset name, the law's fields inline, or a
 * file, which loadScenario read relative to the scenario file), else the default preset.
 */
export function scenarioLaw(options: SimulateCommandOptions, source: ScenarioSource): ScalingLaw {
  if (options.law !== undefined) return resolveLaw(options.law);
  const named = source.config.law;
  return typeof named === 'object' ? named : resolveLaw(named);
}
