/**
 * The simulation engine of `emerge simulate`: sweeps, scenarios, summaries. One import for the
 * command and the YAML loader.
 */
export type { Series, SeriesUnit, Marker, Crossing, SeriesSummary, Simulation, ScenarioName, SweepOver } from './series.js';
export { logGrid, gridProblems } from './grid.js';
export { runSweep, sweepProblems, assertSweep, modelAt, effectiveSizes, scaleForEffectiveParams, SWEEP_AXES, DEFAULT_AXIS_RANGES, type SweepConfig, type SweepPoints } from './sweep.js';
export { summarizeSeries, firstCrossing, crossingAt, valueAt, decadesBetween, SUMMARY_FRACTIONS } from './summary.js';
export { type ConfigProblem, type ConfigPath, formatConfigPath, throwIfProblems } from './problems.js';
export { type CurveSpec, type AbilityRef, DEFAULT_CURVE, refId } from './ability-spec.js';
export { type SimulationContext, type BaseScenarioConfig, MAX_VALUES } from './context.js';
export { BinomialSampler, randomBinomial, uniform53, MAX_BINOMIAL_N } from './binomial.js';
export { simulatePhase, phaseProblems, powerSeriesName, type PhaseConfig, type PhaseReport } from './phase.js';
export { simulateAbilities, abilitiesProblems, type AbilitiesConfig, type AbilitiesReport } from './abilities.js';
export { simulateMirage, mirageProblems, perTokenAccuracy, irreducibleLoss, exactMatchName, editSimilarityName, PER_TOKEN_MODELS, type PerTokenModel, type MirageConfig, type MirageReport } from './mirage.js';
export { exactMatchLogitSpan, exactMatchWidthDecades, exactMatchCrossing, EXACT_MATCH_LOGIT_SPAN_LIMIT } from './exact-match.js';
export { simulateComposition, compositionProblems, COMPOSITE, type CompositionConfig, type CompositionReport } from './composition.js';
export { simulateMultitask, multitaskProblems, effectiveShare, taskSeriesName, totalLossName, type MultitaskConfig, type MultitaskReport, type TaskSpec } from './multitask.js';
export { simulateQuality, qualityProblems, qualitySeriesName, DEFAULT_QUALITY_LEVELS, type QualityConfig, type QualityLevel, type QualityReport } from './quality.js';
export { simulateFiniteEval, finiteEvalProblems, percentileOfSorted, percentileName, MAX_DRAWS, type FiniteEvalConfig, type FiniteEvalReport } from './finite-eval.js';
export { runScenario, scenarioProblems, builtinScenario, BUILTIN_SCENARIOS, DEFAULT_SCENARIO, SCENARIO_NAMES, SCENARIO_SUMMARIES, type ScenarioConfig } from './scenarios.js';
export { applyOptions, type SimulateOptions } from './options.js';
