/**
 * Command-line options of `emerge simulate` applied to a scenario config (built-in or from a file):
 * flags override the config's fields, and a problem with a value that came from a flag is reported
 * under the flag's name ("--steps: must be an integer from 2 to 1e7 ..."), one from the config under
 * its path.
 */
import { UsageError } from '../../errors.js';
import type { ConfigPath } from './problems.js';
import { checkNumber, formatConfigPath, throwIfProblems, type ConfigProblem } from './problems.js';
import { scenarioProblems, type ScenarioConfig } from './scenarios.js';
import type { SweepOver } from './series.js';
import { DEFAULT_AXIS_RANGES } from './sweep.js';

/** Options of `emerge simulate`, already parsed to numbers (units such as 70B resolved by the command). */
export interface SimulateOptions {
  /** --over params|compute|tokens */
  over?: SweepOver;
  /** --from, --to: grid bounds in the units of the axis. */
  from?: number;
  to?: number;
  /** --steps: number of grid points. */
  steps?: number;
  /** --params: fixed model size of a sweep over tokens. */
  params?: number;
  /** --tokens: training tokens of every model of a sweep over params. */
  tokens?: number;
  /** --quality: data-quality factor of the sweep (not in the quality scenario, whose levels set it). */
  quality?: number;
  /** --ability ID,...: abilities to show (abilities), the parts (composition), or the one ability (quality, finite-eval). */
  abilities?: string[];
  /** --items, --trials: benchmark size and evaluations per scale (finite-eval). */
  items?: number;
  trials?: number;
  /** --seed: seed of every random draw (finite-eval; accepted and unused elsewhere). */
  seed?: number;
}

/** The flag that sets each config field. */
const FLAGS: readonly [string, string][] = [
  ['sweep.over', '--over'],
  ['sweep.from', '--from'],
  ['sweep.to', '--to'],
  ['sweep.steps', '--steps'],
  ['sweep.params', '--params'],
  ['sweep.tokens', '--tokens'],
  ['sweep.quality', '--quality'],
  ['abilities', '--ability'],
  ['parts', '--ability'],
  ['ability', '--ability'],
  ['items', '--items'],
  ['trials', '--trials'],
  ['seed', '--seed'],
];

const OPTION_FIELD: Readonly<Record<keyof SimulateOptions, string>> = {
  over: 'sweep.over',
  from: 'sweep.from',
  to: 'sweep.to',
  steps: 'sweep.steps',
  params: 'sweep.params',
  tokens: 'sweep.tokens',
  quality: 'sweep.quality',
  abilities: 'ability',
  items: 'items',
  trials: 'trials',
  seed: 'seed',
};

/**
 * A copy of `config` with the options applied, validated.
 * - `over` different from the config's, without `from`/`to`: the axis' default bounds
 *   (DEFAULT_AXIS_RANGES); `params`/`tokens` of the config that the new axis does not use are dropped.
 * - `abilities`: the list (abilities), the parts (composition, at least two), the single ability
 *   (quality, finite-eval); an error for the other scenarios.
 * @throws UsageError for an option the scenario does not take, or any problem with the result (named by flag when a flag set it)
 * @example applyOptions(BUILTIN_SCENARIOS.abilities, { over: 'compute' }).sweep // {over: 'compute', from: 1e18, to: 1e27, steps: 61, quality: 1}
 * @example applyOptions(BUILTIN_SCENARIOS.phase, { steps: 0 }) // throws UsageError "--steps: must be an integer from 2 to 1e7 (the number of grid points), got 0"
 */
export function applyOptions(config: ScenarioConfig, options: SimulateOptions): ScenarioConfig {
  const next = structuredClone(config) as ScenarioConfig;
  const given = new Set<string>();
  for (const key of Object.keys(options) as (keyof SimulateOptions)[]) {
    if (options[key] !== undefined) given.add(OPTION_FIELD[key]);
  }
  const sweep = next.sweep;
  if (options.over !== undefined && options.over !== sweep.over) {
    sweep.over = options.over;
    const axis = DEFAULT_AXIS_RANGES[options.over] as { from: number; to: number } | undefined;
    if (axis) {
      sweep.from = axis.from;
      sweep.to = axis.to;
    }
    if (options.over !== 'tokens') delete sweep.params;
    if (options.over !== 'params') delete sweep.tokens;
  }
  if (options.from !== undefined) sweep.from = options.from;
  if (options.to !== undefined) sweep.to = options.to;
  if (options.steps !== undefined) sweep.steps = options.steps;
  if (options.params !== undefined) sweep.params = options.params;
  if (options.tokens !== undefined) sweep.tokens = options.tokens;
  if (options.quality !== undefined) {
    if (next.scenario === 'quality') throw new UsageError('--quality: the quality scenario sets data quality through its levels; change them in a --config file');
    sweep.quality = options.quality;
  }
  if (options.abilities !== undefined) applyAbilities(next, options.abilities);
  if (options.items !== undefined || options.trials !== undefined) {
    if (next.scenario !== 'finite-eval') throw new UsageError(`${options.items !== undefined ? '--items' : '--trials'}: applies only to --scenario finite-eval (this is ${next.scenario})`);
    if (options.items !== undefined) next.items = options.items;
    if (options.trials !== undefined) next.trials = options.trials;
  }
  if (options.seed !== undefined) {
    if (next.scenario === 'finite-eval') next.seed = options.seed;
    else {
      const problems: ConfigProblem[] = [];
      checkNumber(problems, ['seed'], options.seed, { min: 0, max: 4294967295, integer: true, what: 'a 32-bit seed' });
      throwIfProblems(problems, () => '--seed');
    }
  }
  throwIfProblems(scenarioProblems(next), (path) => describePath(path, given));
  return next;
}

function applyAbilities(config: ScenarioConfig, ids: string[]): void {
  switch (config.scenario) {
    case 'abilities':
      config.abilities = [...ids];
      return;
    case 'composition':
      config.parts = [...ids];
      return;
    case 'quality':
    case 'finite-eval':
      if (ids.length !== 1) throw new UsageError(`--ability: the ${config.scenario} scenario takes one ability, got ${ids.length}`);
      config.ability = ids[0]!;
      return;
    default:
      throw new UsageError(`--ability: does not apply to --scenario ${config.scenario}; write its abilities in a --config file`);
  }
}

/** The flag that set the value at `path`, or the config path when no flag did. */
function describePath(path: ConfigPath, given: ReadonlySet<string>): string {
  const dotted = path.filter((k) => typeof k === 'string').join('.');
  for (const [field, flag] of FLAGS) {
    const fieldGiven = given.has(field) || (flag === '--ability' && given.has('ability'));
    if (fieldGiven && (dotted === field || dotted.startsWith(`${field}.`))) return flag;
  }
  return formatConfigPath(path);
}
