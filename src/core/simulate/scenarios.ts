/**
 * The scenarios of `emerge simulate`: their configurations, the built-in ones (shipped also as
 * data/scenarios/<name>.yaml, checked equal by test/io/scenario-config.test.ts), and one entry point.
 */
import { UsageError } from '../../errors.js';
import { DEFAULT_SEED } from '../random.js';
import { simulateAbilities, abilitiesProblems, type AbilitiesConfig } from './abilities.js';
import { DEFAULT_CURVE } from './ability-spec.js';
import { simulateComposition, compositionProblems, type CompositionConfig } from './composition.js';
import type { SimulationContext } from './context.js';
import { simulateFiniteEval, finiteEvalProblems, type FiniteEvalConfig } from './finite-eval.js';
import { simulateMirage, mirageProblems, type MirageConfig } from './mirage.js';
import { simulateMultitask, multitaskProblems, type MultitaskConfig } from './multitask.js';
import { simulatePhase, phaseProblems, type PhaseConfig } from './phase.js';
import type { ConfigProblem } from './problems.js';
import { simulateQuality, qualityProblems, DEFAULT_QUALITY_LEVELS, type QualityConfig } from './quality.js';
import type { ScenarioName, Simulation } from './series.js';

/** A scenario's configuration: which scenario, its sweep over scale, and its own settings (a built-in's, or a file's read by `loadScenario`). */
export type ScenarioConfig = PhaseConfig | AbilitiesConfig | MirageConfig | CompositionConfig | MultitaskConfig | QualityConfig | FiniteEvalConfig;

/** The scenario of `emerge simulate` without --scenario, and of a scenario file without `scenario:`. */
export const DEFAULT_SCENARIO: ScenarioName = 'abilities';

export const SCENARIO_NAMES: readonly ScenarioName[] = ['phase', 'abilities', 'mirage', 'composition', 'multitask', 'quality', 'finite-eval'];

/** One line per scenario, for `--list-scenarios`. */
export const SCENARIO_SUMMARIES: Readonly<Record<ScenarioName, string>> = {
  phase: "the seed's phase transition P ∝ (N − N_c)^β for several β, beside the logistic form (seed §3.1)",
  abilities: "every catalog ability's probability across scale, thresholds marked",
  mirage: 'smooth per-token accuracy scored as exact match over 1–20 tokens, which looks emergent, and as edit similarity, which does not (Schaeffer et al. 2023)',
  composition: 'programming as the product of its parts: later and sharper than any part (seed §4.1)',
  multitask: 'L_total = Σ λ_i L_i with a transfer coefficient: thresholds move earlier as τ grows (seed §3.3)',
  quality: 'one ability under low, standard and high data quality (seed §6.3)',
  'finite-eval': 'binomial noise of a finite benchmark: spread, and thresholds placed a decade early or late (seed §5.2)',
};

/**
 * The built-in scenarios, exactly as data/scenarios/<name>.yaml after validation (defaults filled).
 * Abilities named by id come from the shipped catalog (data/abilities.yaml).
 */
export const BUILTIN_SCENARIOS: Readonly<{ [K in ScenarioName]: Extract<ScenarioConfig, { scenario: K }> }> = {
  phase: {
    scenario: 'phase',
    description:
      "The seed's phase transition P ∝ (N − N_c)^β (§3.1) for critical exponents 0.25 to 2, beside the catalog's logistic form. N_c = 100B is chain-of-thought's threshold (§2.2.3); N_sat = 10·N_c follows the seed's bands, where an ability emerging at 10B is strong from 100B (§2.1.3).",
    sweep: { over: 'params', from: 1e9, to: 1e13, steps: 97, quality: 1 },
    thresholdParams: 1e11,
    saturationParams: 1e12,
    exponents: [0.25, 0.5, 1, 2],
    logisticWidth: DEFAULT_CURVE.width,
    floor: 0,
    ceiling: 1,
  },
  abilities: {
    scenario: 'abilities',
    description: 'Every ability of the catalog across model size, in the reference regime (3e11 training tokens), with its threshold marked.',
    sweep: { over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 1 },
    abilities: [],
  },
  mirage: {
    scenario: 'mirage',
    description:
      'One model family whose per-token accuracy p rises smoothly with size (a logistic in log10 N, 50% at 10B, width 1 decade), scored as exact match over answers of 1, 5, 10 and 20 tokens (p^L) and as edit similarity (1 − distance/L = p). Exact match looks emergent, later and sharper the longer the answer; edit similarity does not (Schaeffer et al. 2023).',
    sweep: { over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 1 },
    perToken: 'logistic',
    midpointParams: 1e10,
    width: 1,
    lengths: [1, 5, 10, 20],
    editLengths: [20],
  },
  composition: {
    scenario: 'composition',
    description:
      "Programming needs syntax, logic, code quality and complex algorithms at once (seed §4.1's composition, with the four dimensions §2.4.2 gives scales for; §4.1's 'debugging' has no scale in the seed): the product of their probabilities emerges later and more sharply than any part.",
    sweep: { over: 'params', from: 1e8, to: 1e13, steps: 121, quality: 1 },
    parts: ['code-syntax', 'code-logic', 'code-quality', 'code-complex-algorithms'],
    compositeLabel: 'Programming (all four parts)',
  },
  multitask: {
    scenario: 'multitask',
    description:
      'Three BIG-Bench categories trained as one mixture, weighted by their task counts (seed §5.1: language 15, programming 8, reasoning 23); with transfer τ = 0 each learns only from its own share of the data, with τ = 1 from all of it (seed §3.3).',
    sweep: { over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 1 },
    tasks: [
      { ability: 'bigbench-language', weight: 15 },
      { ability: 'bigbench-programming', weight: 8 },
      { ability: 'bigbench-reasoning', weight: 23 },
    ],
    transfers: [0, 0.5, 1],
  },
  quality: {
    scenario: 'quality',
    description: 'Chain-of-thought (seed §2.2.3, N_c = 100B) under low, standard and high data quality, q = 0.5, 1, 2 on effective training tokens (seed §6.3).',
    sweep: { over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 1 },
    ability: 'chain-of-thought',
    levels: DEFAULT_QUALITY_LEVELS.map((l) => ({ ...l })),
  },
  'finite-eval': {
    scenario: 'finite-eval',
    description:
      'A programming benchmark of 164 items (the size of HumanEval, Chen et al. 2021) scoring an ability with the seed §5.1 programming threshold (50B): 1000 evaluations per scale, binomial noise, a 5–95% band.',
    sweep: { over: 'params', from: 1e8, to: 1e13, steps: 61, quality: 1 },
    ability: 'bigbench-programming',
    items: 164,
    trials: 1000,
    seed: DEFAULT_SEED,
    band: [5, 95],
    sampleTrials: 3,
  },
};

/** Problems with a scenario config (paths in TypeScript field names). */
export function scenarioProblems(config: ScenarioConfig): ConfigProblem[] {
  switch (config.scenario) {
    case 'phase':
      return phaseProblems(config);
    case 'abilities':
      return abilitiesProblems(config);
    case 'mirage':
      return mirageProblems(config);
    case 'composition':
      return compositionProblems(config);
    case 'multitask':
      return multitaskProblems(config);
    case 'quality':
      return qualityProblems(config);
    case 'finite-eval':
      return finiteEvalProblems(config);
    default:
      return [{ path: ['scenario'], message: `must be one of ${SCENARIO_NAMES.join(', ')}, got ${JSON.stringify((config as { scenario: unknown }).scenario)}` }];
  }
}

/**
 * Runs a scenario: a pure function of its config and the context (law, reference regime, catalog);
 * the same config (and seed) gives identical series.
 * @throws UsageError when the config is invalid or too large, or names an ability the catalog does not have
 * @example runScenario(BUILTIN_SCENARIOS.mirage, context).series.map((s) => s.name) // ['per-token', 'exact-match-L1', 'exact-match-L5', 'exact-match-L10', 'exact-match-L20', 'edit-similarity-L20']
 */
export function runScenario(config: ScenarioConfig, context: SimulationContext): Simulation {
  switch (config.scenario) {
    case 'phase':
      return simulatePhase(config, context);
    case 'abilities':
      return simulateAbilities(config, context);
    case 'mirage':
      return simulateMirage(config, context);
    case 'composition':
      return simulateComposition(config, context);
    case 'multitask':
      return simulateMultitask(config, context);
    case 'quality':
      return simulateQuality(config, context);
    case 'finite-eval':
      return simulateFiniteEval(config, context);
    default:
      throw new UsageError(`scenario: ${scenarioProblems(config)[0]!.message}`);
  }
}

/** A deep copy of a built-in scenario, safe to modify. */
export function builtinScenario<K extends ScenarioName>(name: K): Extract<ScenarioConfig, { scenario: K }> {
  return structuredClone(BUILTIN_SCENARIOS[name]) as Extract<ScenarioConfig, { scenario: K }>;
}
