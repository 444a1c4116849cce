/**
 * Scenario `phase`: the seed's phase transition P ∝ (N − N_c)^β (§3.1) for several critical
 * exponents β, beside the catalog's logistic form, for one threshold N_c.
 *
 * Power form (emergence.ts, `PowerCurve`): `P = floor + (ceiling − floor)·min(1, ((N − N_c)/(N_sat − N_c))^β)`
 * above N_c and `floor` below, so it reaches a fraction f of its rise at `N_f = N_c + (N_sat − N_c)·f^(1/β)`:
 * small β jumps right after N_c, large β creeps up to N_sat. Logistic form: centred on the same N_c
 * (the catalog's meaning of N_c is the midpoint there, the onset here), width w decades.
 * N is the effective size of each model of the sweep (N itself over params in the reference regime).
 */
import { probabilities, type CurveSpec } from './ability-spec.js';
import { assertValueBudget, formatScale, markerIfInside, nameNumber, thresholdScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { checkNumber, EXPONENT, formatNumber, prefixProblems, SCALE, throwIfProblems, UNIT_INTERVAL, WIDTH_DECADES, type ConfigProblem } from './problems.js';
import type { Series, Simulation } from './series.js';
import { summarizeSeries } from './summary.js';
import { runSweep, sweepProblems } from './sweep.js';

export interface PhaseConfig extends BaseScenarioConfig {
  scenario: 'phase';
  /** N_c, parameters: where the power form leaves its floor and the logistic is halfway. */
  thresholdParams: number;
  /** N_sat (> N_c): where the power form reaches its ceiling. */
  saturationParams: number;
  /** Critical exponents β, one power-form series each (`power-beta-<β>`). */
  exponents: number[];
  /** Width w of the logistic form, decades. */
  logisticWidth: number;
  floor: number;
  ceiling: number;
}

export interface PhaseReport {
  /** N_c and N_sat as scales of the sweep (they differ from N_c and N_sat off the reference regime). */
  thresholdScale?: number;
  saturationScale?: number;
  /** Per power curve, the sizes (effective parameters) where it reaches 10/50/90% of its rise, in closed form. */
  powerCrossings: { name: string; exponent: number; at10: number; at50: number; at90: number }[];
}

export const MAX_EXPONENTS = 12;

export function powerSeriesName(exponent: number): string {
  return `power-beta-${nameNumber(exponent)}`;
}

export function phaseProblems(config: PhaseConfig): ConfigProblem[] {
  const problems = prefixProblems(['sweep'], sweepProblems(config.sweep));
  checkNumber(problems, ['thresholdParams'], config.thresholdParams, SCALE);
  checkNumber(problems, ['saturationParams'], config.saturationParams, SCALE);
  if (problems.length === 0 && config.saturationParams <= config.thresholdParams) {
    problems.push({ path: ['saturationParams'], message: `must be above the threshold N_c (${formatNumber(config.thresholdParams)}), got ${formatNumber(config.saturationParams)}` });
  }
  if (!Array.isArray(config.exponents) || config.exponents.length < 1 || config.exponents.length > MAX_EXPONENTS) {
    problems.push({ path: ['exponents'], message: `must list 1 to ${MAX_EXPONENTS} critical exponents` });
  } else {
    config.exponents.forEach((beta, i) => checkNumber(problems, ['exponents', i], beta, EXPONENT));
    const seen = new Set<number>();
    config.exponents.forEach((beta, i) => {
      if (seen.has(beta)) problems.push({ path: ['exponents', i], message: `duplicate exponent ${beta}` });
      seen.add(beta);
    });
  }
  checkNumber(problems, ['logisticWidth'], config.logisticWidth, WIDTH_DECADES);
  checkNumber(problems, ['floor'], config.floor, UNIT_INTERVAL);
  checkNumber(problems, ['ceiling'], config.ceiling, UNIT_INTERVAL);
  if (problems.length === 0 && config.floor >= config.ceiling) problems.push({ path: ['ceiling'], message: `must be above floor (${config.floor}), got ${config.ceiling}` });
  return problems;
}

/**
 * Runs the phase scenario: one series per β (`power-beta-<β>`) and `logistic`, each the probability
 * at the effective size of every model of the sweep; markers at N_c and N_sat.
 * @throws UsageError when the config is invalid (see `phaseProblems`)
 * @example simulatePhase(BUILTIN_SCENARIOS.phase, context).report.powerCrossings[1].at50 // 3.25e11 = 1e11 + 9e11·0.5^2 (β = 0.5)
 */
export function simulatePhase(config: PhaseConfig, context: SimulationContext): Simulation<PhaseReport> {
  throwIfProblems(phaseProblems(config));
  assertValueBudget(config.sweep.steps, config.exponents.length + 1, 'series');
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const { floor, ceiling, thresholdParams, saturationParams } = config;
  const threshold = thresholdScale(thresholdParams, config.sweep, context);
  const saturation = thresholdScale(saturationParams, config.sweep, context);
  const specs: CurveSpec[] = [
    ...config.exponents.map((exponent): CurveSpec => ({
      id: powerSeriesName(exponent),
      label: `P ∝ (N − N_c)^${exponent}, saturating at N_sat`,
      thresholdParams,
      curve: { shape: 'power', width: config.logisticWidth, floor, ceiling, exponent, saturationParams },
    })),
    { id: 'logistic', label: `logistic, width ${config.logisticWidth} decade`, thresholdParams, curve: { shape: 'logistic', width: config.logisticWidth, floor, ceiling } },
  ];
  const series: Series[] = specs.map((spec) => {
    const s: Series = { name: spec.id, label: spec.label!, unit: 'probability', x: sweep.x, y: probabilities(spec, sweep.effectiveParams), range: [floor, ceiling] };
    if (threshold !== undefined) s.threshold = threshold;
    return s;
  });
  const powerCrossings = config.exponents.map((exponent) => {
    const at = (f: number): number => thresholdParams + (saturationParams - thresholdParams) * f ** (1 / exponent);
    return { name: powerSeriesName(exponent), exponent, at10: at(0.1), at50: at(0.5), at90: at(0.9) };
  });
  const report: PhaseReport = { powerCrossings };
  if (threshold !== undefined) report.thresholdScale = threshold;
  if (saturation !== undefined) report.saturationScale = saturation;
  const summary = series.map(summarizeSeries);
  const steepest = powerCrossings[0]!;
  const notes = [
    `Power form (seed §3.1): P = ${floor} + ${ceiling - floor}·min(1, ((N − N_c)/(N_sat − N_c))^β) above N_c = ${formatScale(thresholdParams)}, ${floor} below; N_sat = ${formatScale(saturationParams)}. N is each model's effective size.`,
    `It reaches a fraction f of its rise at N_c + (N_sat − N_c)·f^(1/β): with β = ${steepest.exponent}, 50% at ${formatScale(steepest.at50)} and 90% at ${formatScale(steepest.at90)}; small β jumps right after N_c, large β creeps up to N_sat.`,
    `The logistic form is centred on the same N_c (50% there) with width ${config.logisticWidth} decade: it rises smoothly on both sides instead of starting at a kink.`,
  ];
  return {
    scenario: 'phase',
    xLabel: config.sweep.over,
    series,
    markers: [...markerIfInside(config.sweep, threshold, 'N_c'), ...markerIfInside(config.sweep, saturation, 'N_sat')],
    summary,
    report,
    notes,
  };
}
