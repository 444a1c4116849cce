import { abilitiesFileOption, formatOption, lawOption, plotOptions, qualityOption, type Format, type PlotOptionValues } from './shared.js';
import type { CommandSpec } from './spec.js';

/** The scenarios of `emerge simulate` (src/core/simulate SCENARIO_NAMES; a test checks they agree). */
export const SIMULATE_SCENARIOS = ['phase', 'abilities', 'mirage', 'composition', 'multitask', 'quality', 'finite-eval'] as const;
export const SWEEP_AXIS_CHOICES = ['params', 'compute', 'tokens'] as const;

/** The raw values commander hands over (strings and booleans; the command parses and checks them). */
export interface SimulateCommandOptions extends PlotOptionValues {
  scenario?: string;
  config?: string;
  listScenarios?: boolean;
  over?: (typeof SWEEP_AXIS_CHOICES)[number];
  from?: string;
  to?: string;
  steps?: string;
  params?: string;
  tokens?: string;
  quality?: string;
  law?: string;
  abilities?: string;
  ability?: string;
  items?: string;
  trials?: string;
  seed?: string;
  format?: Format;
  width?: string;
  height?: string;
}

export const simulateSpec: CommandSpec = {
  name: 'simulate',
  arguments: [{ syntax: '[scenario]', description: 'scenario YAML file (as --config; - reads stdin)' }],
  summary: 'sweep scale and simulate emergence: phase transitions, metric mirages, composition, noise',
  description:
    'Sweep model scale (parameters, compute with compute-optimal N and D, or tokens at a fixed size) ' +
    'and show how abilities emerge under a scenario, built in (--scenario) or written as YAML ' +
    '(--config, the format of data/scenarios/*.yaml): ASCII charts, a summary of where each series ' +
    'crosses 10%, 50% and 90% and how many decades its rise takes, and notes on what the numbers show; ' +
    'or every series as CSV (series,scale,value) or JSON.',
  options: [
    { flags: '--scenario <name>', description: `built-in scenario: ${SIMULATE_SCENARIOS.join(', ')} (see --list-scenarios)`, defaultHelp: 'abilities' },
    { flags: '--config <file>', description: 'scenario as YAML (keys as in data/scenarios/<name>.yaml; keys left out take the built-in values); flags override it' },
    { flags: '--list-scenarios', description: 'list the built-in scenarios with one line each and exit' },
    { flags: '--over <axis>', description: 'swept quantity: params (at fixed tokens), compute (compute-optimal N and D under the law) or tokens (at fixed --params)', choices: SWEEP_AXIS_CHOICES },
    { flags: '--from <scale>', description: 'first scale of the sweep, in the unit of --over (e.g. 1e8, 100M, 1e18)' },
    { flags: '--to <scale>', description: 'last scale of the sweep (above --from)' },
    { flags: '--steps <n>', description: 'grid points, log-spaced from --from to --to (2 to 1e7)' },
    { flags: '--params <size>', description: 'with --over tokens: the fixed model size' },
    { flags: '--tokens <count>', description: 'with --over params: training tokens of every model (default: the reference regime, 3e11)' },
    qualityOption,
    lawOption,
    abilitiesFileOption,
    {
      flags: '--ability <ids>',
      description: 'abilities by id (comma-separated): those shown (abilities), the parts (composition, two or more), or the one ability (quality, finite-eval)',
    },
    { flags: '--items <n>', description: 'finite-eval: benchmark items per evaluation', defaultHelp: '164' },
    { flags: '--trials <n>', description: 'finite-eval: evaluations drawn at each scale', defaultHelp: '1000' },
    { flags: '--seed <n>', description: 'seed of every random draw (an integer; the same seed prints the same bytes)', defaultHelp: '20220615' },
    formatOption,
    { flags: '--width <columns>', description: 'chart width in columns (default: fit the terminal)' },
    { flags: '--height <rows>', description: 'chart height in rows', defaultHelp: '10' },
    ...plotOptions,
  ],
  examples: [
    { command: 'emerge simulate --list-scenarios', explain: 'the built-in scenarios' },
    { command: 'emerge simulate --scenario mirage', explain: 'exact match looks emergent, edit similarity does not' },
    { command: 'emerge simulate --ability in-context-learning,chain-of-thought --over compute', explain: 'two abilities across compute-optimal budgets' },
    { command: 'emerge simulate --scenario finite-eval --items 50 --seed 7', explain: 'a 50-item benchmark: how noisy is the threshold?' },
    { command: 'emerge simulate --scenario composition --format csv', explain: 'every series as CSV: series,scale,value' },
    { command: 'emerge simulate my-scenario.yaml --steps 1000', explain: 'a scenario of your own, on a finer grid' },
    { command: 'emerge simulate --scenario finite-eval --plot finite-eval.png', explain: 'the charts as one picture, the percentile band shaded' },
  ],
};
