/**
 * Scenario `composition` (seed §4.1, the compositionality hypothesis: an emergent ability is the
 * union of basic abilities; "programming = syntax + logic + algorithms + debugging"): an ability
 * that needs every one of its parts succeeds, when the parts succeed independently, with the
 * product of their probabilities, `P_composite(N) = Π_i P_i(N)`.
 *
 * Because every factor is at most its ceiling, the composite reaches a fraction f of its range only
 * after each part has reached it on its own: the composite threshold is never earlier than the
 * latest part's. It is narrower than a part when several parts rise together (two identical
 * logistics multiply into a curve 16% narrower); a part far earlier than the others is already
 * near 1 and changes little. The report measures both for the parts given.
 */
import { abilityRefProblems, duplicateIdProblems, log10Sizes, probabilities, refId, type AbilityRef } from './ability-spec.js';
import { assertValueBudget, formatDecadeCount, formatScale, resolveAbilities, thresholdMarkers, thresholdScale, type BaseScenarioConfig, type SimulationContext } from './context.js';
import { prefixProblems, throwIfProblems, type ConfigProblem } from './problems.js';
import type { Series, Simulation } from './series.js';
import { decadesBetween, summarizeSeries } from './summary.js';
import { runSweep, sweepProblems } from './sweep.js';

export const COMPOSITE = 'composite';
export const MAX_PARTS = 16;

export interface CompositionConfig extends BaseScenarioConfig {
  scenario: 'composition';
  /** The basic abilities the composite needs, all of them (catalog ids or inline definitions). */
  parts: AbilityRef[];
  /** Display name of the composite (its series is always named `composite`). */
  compositeLabel: string;
}

export interface CompositionReport {
  /** The part whose 50% crossing comes last, and that crossing. */
  latestPart?: { id: string; at50: number };
  /** The part with the narrowest 10→90% rise, and its width in decades. */
  sharpestPart?: { id: string; widthDecades: number };
  composite: { at50?: number; widthDecades?: number };
  /** Decades from the latest part's 50% crossing to the composite's (≥ 0). */
  delayDecades?: number;
  /** Composite 50% crossing at or after every part's (undefined when some crossing is outside the sweep). */
  laterThanEveryPart?: boolean;
  /** Composite 10→90% width below every part's (undefined when some width is outside the sweep). */
  sharperThanEveryPart?: boolean;
}

export function compositionProblems(config: CompositionConfig): ConfigProblem[] {
  const problems = prefixProblems(['sweep'], sweepProblems(config.sweep));
  if (!Array.isArray(config.parts) || config.parts.length < 2 || config.parts.length > MAX_PARTS) {
    return [...problems, { path: ['parts'], message: `must list 2 to ${MAX_PARTS} basic abilities` }];
  }
  config.parts.forEach((ref, i) => problems.push(...prefixProblems(['parts', i], abilityRefProblems(ref))));
  const ids = config.parts.map(refId);
  problems.push(...duplicateIdProblems(ids, (i) => ['parts', i]));
  ids.forEach((id, i) => {
    if (id === COMPOSITE) problems.push({ path: ['parts', i], message: `"${COMPOSITE}" names the composite's series; give the part another id` });
  });
  if (typeof config.compositeLabel !== 'string' || config.compositeLabel.trim() === '') problems.push({ path: ['compositeLabel'], message: 'must be a non-empty text' });
  return problems;
}

/**
 * Runs the composition scenario: one series per part (named by its id) and `composite`, their
 * product at every point.
 * @throws UsageError when the config is invalid or names an id the catalog does not have
 * @example simulateComposition(BUILTIN_SCENARIOS.composition, context).report // composite 50% at 1.201e11 (0.080 decade after code-complex-algorithms), width 0.827 decade against 0.956 for the sharpest part
 */
export function simulateComposition(config: CompositionConfig, context: SimulationContext): Simulation<CompositionReport> {
  throwIfProblems(compositionProblems(config));
  const parts = resolveAbilities(config.parts, context.catalog, (i) => ['parts', i]);
  assertValueBudget(config.sweep.steps, parts.length + 1, 'series');
  const sweep = runSweep(config.sweep, context.law, context.referenceTokens);
  const logSizes = log10Sizes(sweep.effectiveParams);
  const n = sweep.x.length;
  const composite = new Float64Array(n).fill(1);
  let low = 1;
  let high = 1;
  const series: Series[] = parts.map((spec) => {
    const y = probabilities(spec, sweep.effectiveParams, logSizes);
    for (let i = 0; i < n; i++) composite[i]! *= y[i]!;
    low *= spec.curve.floor;
    high *= spec.curve.ceiling;
    const s: Series = { name: spec.id, label: spec.label ?? spec.id, unit: 'probability', x: sweep.x, y, range: [spec.curve.floor, spec.curve.ceiling] };
    const scale = thresholdScale(spec.thresholdParams, config.sweep, context);
    if (scale !== undefined) s.threshold = scale;
    return s;
  });
  series.push({ name: COMPOSITE, label: config.compositeLabel, unit: 'probability', x: sweep.x, y: composite, range: [low, high] });
  const summary = series.map(summarizeSeries);
  const partSummaries = summary.slice(0, parts.length);
  const own = summary[parts.length]!;
  const report: CompositionReport = { composite: {} };
  if (own.at50 !== undefined) report.composite.at50 = own.at50;
  if (own.widthDecades !== undefined) report.composite.widthDecades = own.widthDecades;
  if (partSummaries.every((s) => s.at50 !== undefined)) {
    const latest = partSummaries.reduce((a, b) => (b.at50! > a.at50! ? b : a));
    report.latestPart = { id: latest.name, at50: latest.at50! };
    if (own.at50 !== undefined) {
      report.delayDecades = decadesBetween(latest.at50, own.at50)!;
      report.laterThanEveryPart = own.at50 >= latest.at50!;
    }
  }
  if (partSummaries.every((s) => s.widthDecades !== undefined)) {
    const sharpest = partSummaries.reduce((a, b) => (b.widthDecades! < a.widthDecades! ? b : a));
    report.sharpestPart = { id: sharpest.name, widthDecades: sharpest.widthDecades! };
    if (own.widthDecades !== undefined) report.sharperThanEveryPart = own.widthDecades < sharpest.widthDecades!;
  }
  const notes = [
    `${config.compositeLabel} needs all of ${parts.map((p) => p.id).join(', ')}: P_composite = Π P_i at each model's effective size (seed §4.1; parts assumed independent).`,
    `Composite 50% at ${formatScale(own.at50)}${report.latestPart ? `, ${formatDecadeCount(report.delayDecades)} decades after the latest part (${report.latestPart.id}, ${formatScale(report.latestPart.at50)})` : ''}.`,
    `Composite 10→90% width ${formatDecadeCount(own.widthDecades)} decades${report.sharpestPart ? ` against ${formatDecadeCount(report.sharpestPart.widthDecades)} for the sharpest part (${report.sharpestPart.id})` : ''}${report.sharperThanEveryPart === undefined ? '' : report.sharperThanEveryPart ? ': sharper than every part' : ': not sharper than every part'}.`,
  ];
  return {
    scenario: 'composition',
    xLabel: config.sweep.over,
    series,
    markers: thresholdMarkers(config.sweep, series),
    summary,
    report,
    notes,
  };
}
