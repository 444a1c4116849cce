/**
 * Scenario `quality` (seed §6.3: "high-quality data lowers the emergence threshold",
 * N_c(high quality) < N_c(low quality)): one ability under several data-quality levels.
 *
 * Quality is the factor q on effective training tokens (DESIGN.md: low 0.5, standard 1, high 2):
 * a model of N parameters trained on D tokens of quality q has loss L(N, q·D), hence an effective
 * size that grows with q, and reaches the ability's loss threshold L(N_c, D_ref) with fewer
 * parameters. Over params in the reference regime the threshold moves to
 * `N = paramsForLoss(L(N_c, D_ref), q·D_ref)`.
 */
import { abilityRefProblems, ID_PATTERN, probabilities, type AbilityRef } from './ability-spec.js';
import { assertValueBudget, formatDecadeCount, formatScale, resolveAbilities, thresholdMarkers, thresholdScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { checkNumber, prefixProblems, QUALITY_FACTOR, throwIfProblems, type ConfigProblem } from './problems.js';
import type { Series, Simulation } from './series.js';
import { decadesBetween, summarizeSeries } from './summary.js';
import { effectiveSizes, runSweep, sweepProblems } from './sweep.js';

export interface QualityLevel {
  /** Kebab-case name; the series is `quality-<name>`. */
  name: string;
  /** q, the factor on effective training tokens. */
  factor: number;
}

export interface QualityConfig extends BaseScenarioConfig {
  scenario: 'quality';
  ability: AbilityRef;
  levels: QualityLevel[];
}

export interface QualityReport {
  ability: string;
  levels: {
    name: string;
    factor: number;
    /** Scale where the effective size reaches N_c under this quality. */
    thresholdScale?: number;
    at50?: number;
    /** Decades from the q = 1 level's threshold to this one's (negative: earlier). */
    shiftDecades?: number;
  }[];
  /** Seed §6.3 holds here: a higher factor never gives a later threshold (undefined if a threshold is missing). */
  higherQualityEarlier?: boolean;
}

/** The levels of DESIGN.md (`--quality low|standard|high`). */
export const DEFAULT_QUALITY_LEVELS: readonly QualityLevel[] = [
  { name: 'low', factor: 0.5 },
  { name: 'standard', factor: 1 },
  { name: 'high', factor: 2 },
];
export const MAX_LEVELS = 8;

export function qualitySeriesName(level: QualityLevel): string {
  return `quality-${level.name}`;
}

export function qualityProblems(config: QualityConfig): ConfigProblem[] {
  const problems = prefixProblems(['sweep'], sweepProblems(config.sweep));
  if (config.sweep.quality !== 1) problems.push({ path: ['sweep', 'quality'], message: 'is set by the levels in the quality scenario; leave it at 1' });
  problems.push(...prefixProblems(['ability'], abilityRefProblems(config.ability)));
  if (!Array.isArray(config.levels) || config.levels.length < 1 || config.levels.length > MAX_LEVELS) {
    return [...problems, { path: ['levels'], message: `must list 1 to ${MAX_LEVELS} quality levels` }];
  }
  config.levels.forEach((level, i) => {
    if (typeof level.name !== 'string' || !ID_PATTERN.test(level.name)) {
      problems.push({ path: ['levels', i, 'name'], message: `must be a kebab-case name (lowercase letters, digits and single dashes), got ${JSON.stringify(level.name)}` });
    }
    checkNumber(problems, ['levels', i, 'factor'], level.factor, QUALITY_FACTOR);
    if (config.levels.findIndex((l) => l.name === level.name) !== i) problems.push({ path: ['levels', i, 'name'], message: `duplicate level name "${level.name}"` });
  });
  return problems;
}

/**
 * Runs the quality scenario: the ability's probability under each level (`quality-<name>`).
 * @throws UsageError when the config is invalid or names an id the catalog does not have
 * @example simulateQuality(BUILTIN_SCENARIOS.quality, context).report.levels.map((l) => l.thresholdScale) // [8.715e11, 1e11, 3.719e10] (low, standard, high)
 */
export function simulateQuality(config: QualityConfig, context: SimulationContext): Simulation<QualityReport> {
  throwIfProblems(qualityProblems(config));
  const [spec] = resolveAbilities([config.ability], context.catalog, () => ['ability']);
  assertValueBudget(config.sweep.steps, config.levels.length, 'series');
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const series: Series[] = config.levels.map((level) => {
    const { effectiveParams } = effectiveSizes(context.law, sweep.params, sweep.tokens, level.factor, context.referenceTokens);
    const s: Series = {
      name: qualitySeriesName(level),
      label: `${spec!.label ?? spec!.id}, data quality ${level.name} (q = ${level.factor})`,
      unit: 'probability',
      x: sweep.x,
      y: probabilities(spec!, effectiveParams),
      range: [spec!.curve.floor, spec!.curve.ceiling],
    };
    const scale = thresholdScale(spec!.thresholdParams, config.sweep, context, level.factor);
    if (scale !== undefined) s.threshold = scale;
    return s;
  });
  const summary = series.map(summarizeSeries);
  const standard = config.levels.findIndex((l) => l.factor === 1);
  const report: QualityReport = { ability: spec!.id, levels: [] };
  config.levels.forEach((level, i) => {
    const entry: QualityReport['levels'][number] = { name: level.name, factor: level.factor };
    const scale = series[i]!.threshold;
    if (scale !== undefined) entry.thresholdScale = scale;
    if (summary[i]!.at50 !== undefined) entry.at50 = summary[i]!.at50;
    const shift = standard < 0 ? undefined : decadesBetween(series[standard]!.threshold, scale);
    if (shift !== undefined) entry.shiftDecades = shift;
    report.levels.push(entry);
  });
  if (report.levels.every((l) => l.thresholdScale !== undefined)) {
    const byFactor = [...report.levels].sort((a, b) => a.factor - b.factor);
    report.higherQualityEarlier = byFactor.every((l, i) => i === 0 || l.thresholdScale! <= byFactor[i - 1]!.thresholdScale!);
  }
  const notes = [
    `Data quality is a factor q on effective training tokens (seed §6.3, DESIGN.md): loss L(N, q·D), so ${spec!.id} (N_c = ${formatScale(spec!.thresholdParams)} in the reference regime) is reached with fewer parameters when q is higher.`,
    `Thresholds: ${report.levels.map((l) => `${l.name} (q = ${l.factor}) ${formatScale(l.thresholdScale)}${l.shiftDecades === undefined ? '' : ` (${l.shiftDecades >= 0 ? '+' : ''}${formatDecadeCount(l.shiftDecades)} decades)`}`).join('; ')}.`,
  ];
  if (report.higherQualityEarlier !== undefined) {
    notes.push(report.higherQualityEarlier ? 'N_c(high quality) < N_c(low quality), as seed §6.3 states.' : 'A higher quality factor does not always give an earlier threshold here.');
  }
  return {
    scenario: 'quality',
    xLabel: config.sweep.over,
    series,
    markers: thresholdMarkers(config.sweep, series),
    summary,
    report,
    notes,
  };
}
