/**
 * Scenario `abilities`: the probability of each ability across scale, the catalog's curve at the
 * model's effective size N_eff with the ability's own threshold N_c (DESIGN.md's idealisation, in
 * which every scenario of the seed's mechanisms is drawn). Below a threshold this is exactly what
 * `emerge predict` says of the same model (assess.ts); above it predict judges a planned model by
 * its loss margin, which is never more (emergence.ts `abilityMargin`), so that a model past the
 * reference regime does not saturate. Markers at the thresholds.
 */
import { abilityRefProblems, duplicateIdProblems, log10Sizes, probabilities, refId, type AbilityRef } from './ability-spec.js';
import { assertValueBudget, formatScale, markerIfInside, resolveAbilities, thresholdScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { prefixProblems, throwIfProblems, type ConfigProblem } from './problems.js';
import type { Series, Simulation } from './series.js';
import { summarizeSeries } from './summary.js';
import { runSweep, sweepProblems } from './sweep.js';

export interface AbilitiesConfig extends BaseScenarioConfig {
  scenario: 'abilities';
  /** Catalog ids or inline definitions; empty: every ability of the catalog, in catalog order. */
  abilities: AbilityRef[];
}

export interface AbilitiesReport {
  abilities: { id: string; label: string; source?: string; thresholdParams: number; /** N_c as a scale of the sweep. */ thresholdScale?: number }[];
}

export function abilitiesProblems(config: AbilitiesConfig): ConfigProblem[] {
  const problems = prefixProblems(['sweep'], sweepProblems(config.sweep));
  if (!Array.isArray(config.abilities)) return [...problems, { path: ['abilities'], message: 'must be a list of ability ids or definitions (empty for the whole catalog)' }];
  config.abilities.forEach((ref, i) => problems.push(...prefixProblems(['abilities', i], abilityRefProblems(ref))));
  problems.push(...duplicateIdProblems(config.abilities.map(refId), (i) => ['abilities', i]));
  return problems;
}

/**
 * Runs the abilities scenario: one series per ability, named by its id.
 * @throws UsageError when the config is invalid or names an id the catalog does not have
 * @example simulateAbilities(BUILTIN_SCENARIOS.abilities, context).summary[1].at50 // 1e11 (chain-of-thought, in the reference regime)
 */
export function simulateAbilities(config: AbilitiesConfig, context: SimulationContext): Simulation<AbilitiesReport> {
  throwIfProblems(abilitiesProblems(config));
  const refs: AbilityRef[] = config.abilities.length > 0 ? config.abilities : context.catalog.map((a) => a.id);
  const specs = resolveAbilities(refs, context.catalog, (i) => ['abilities', i]);
  assertValueBudget(config.sweep.steps, Math.max(1, specs.length), 'series');
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const logSizes = log10Sizes(sweep.effectiveParams);
  const report: AbilitiesReport = { abilities: [] };
  const series: Series[] = specs.map((spec) => {
    const scale = thresholdScale(spec.thresholdParams, config.sweep, context);
    const s: Series = {
      name: spec.id,
      label: spec.label ?? spec.id,
      unit: 'probability',
      x: sweep.x,
      y: probabilities(spec, sweep.effectiveParams, logSizes),
      range: [spec.curve.floor, spec.curve.ceiling],
    };
    const entry: AbilitiesReport['abilities'][number] = { id: spec.id, label: spec.label ?? spec.id, thresholdParams: spec.thresholdParams };
    if (spec.source !== undefined) entry.source = spec.source;
    if (scale !== undefined) {
      s.threshold = scale;
      entry.thresholdScale = scale;
    }
    report.abilities.push(entry);
    return s;
  });
  const inside = report.abilities.filter((a) => a.thresholdScale !== undefined && a.thresholdScale >= config.sweep.from && a.thresholdScale <= config.sweep.to);
  const first = [...inside].sort((a, b) => a.thresholdScale! - b.thresholdScale!)[0];
  const notes = [
    `Each series is P(ability) at the effective size N_eff of the model at that scale (DESIGN.md: L(N_eff, ${formatScale(context.referenceTokens)} tokens) = L(N, q·D)), with the ability's own curve and threshold N_c.`,
    `${inside.length} of ${specs.length} thresholds fall inside the sweep${first ? `; the first is ${first.id} at ${formatScale(first.thresholdScale)}` : ''}.`,
  ];
  return {
    scenario: 'abilities',
    xLabel: config.sweep.over,
    series,
    markers: report.abilities.flatMap((a) => markerIfInside(config.sweep, a.thresholdScale, a.id, a.id)),
    summary: series.map(summarizeSeries),
    report,
    notes,
  };
}
