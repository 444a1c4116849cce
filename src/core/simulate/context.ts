/**
 * What every scenario receives besides its own configuration, and the pieces they share: the base
 * config fields, ability lookup, threshold markers, and the size limit of a simulation.
 */
import { UsageError } from '../../errors.js';
import type { Ability } from '../catalog.js';
import type { ScalingLaw } from '../scaling-law.js';
import { lookupAbility, type AbilityRef, type CurveSpec } from './ability-spec.js';
import { formatConfigPath, formatNumber, type ConfigPath } from './problems.js';
import type { Marker, ScenarioName, Series } from './series.js';
import { scaleForEffectiveParams, type SweepConfig } from './sweep.js';

export interface SimulationContext {
  law: ScalingLaw;
  /** The catalog's reference regime D_ref (training tokens the thresholds were observed at; 3e11). */
  referenceTokens: number;
  /** The ability catalog, for abilities named by id. */
  catalog: readonly Ability[];
}

/** Fields every scenario config has. */
export interface BaseScenarioConfig {
  scenario: ScenarioName;
  /** One paragraph saying what the scenario shows (for `--list-scenarios` and file headers). */
  description?: string;
  /**
   * Scaling-law preset or file for the command to resolve, or the law itself (given inline in a
   * scenario file); the engine uses `context.law`.
   */
  law?: string | ScalingLaw;
  sweep: SweepConfig;
}

/** At most this many values (grid points × series, or grid points × trials) in one simulation. */
export const MAX_VALUES = 1e8;

/** Throws a UsageError when `steps × count` values would exceed MAX_VALUES. */
export function assertValueBudget(steps: number, count: number, what: string): void {
  if (steps * count > MAX_VALUES) {
    throw new UsageError(`${formatNumber(steps)} steps × ${formatNumber(count)} ${what} = ${formatNumber(steps * count)} values, more than the limit of ${formatNumber(MAX_VALUES)}; use fewer steps`);
  }
}

/**
 * The definitions behind ability references, looking catalog ids up.
 * @throws UsageError naming `path(i)` for an id the catalog does not have
 */
export function resolveAbilities(refs: readonly AbilityRef[], catalog: readonly Ability[], path: (index: number) => ConfigPath): CurveSpec[] {
  return refs.map((ref, i) => {
    const spec = lookupAbility(ref, catalog);
    if (spec === undefined) {
      throw new UsageError(`${formatConfigPath(path(i))}: unknown ability "${String(ref)}"; the catalog has ${catalog.length} abilities (see emerge thresholds)`);
    }
    return spec;
  });
}

/** An effective size (an ability's N_c) as a scale of the sweep (see `scaleForEffectiveParams`). */
export function thresholdScale(size: number, sweep: SweepConfig, context: SimulationContext, quality = sweep.quality): number | undefined {
  return scaleForEffectiveParams(sweep, context.law, context.referenceTokens, size, quality);
}

/** A marker at `scale` if it lies inside the sweep. */
export function markerIfInside(sweep: SweepConfig, scale: number | undefined, label: string, series?: string): Marker[] {
  if (scale === undefined || scale < sweep.from || scale > sweep.to) return [];
  return series === undefined ? [{ scale, label }] : [{ series, scale, label }];
}

/** A marker at each series' own threshold, for those whose threshold lies inside the sweep. */
export function thresholdMarkers(sweep: SweepConfig, series: readonly Series[]): Marker[] {
  return series.flatMap((s) => markerIfInside(sweep, s.threshold, s.name, s.name));
}

/** Display of a scale in notes: 3 significant figures, "1.00e11". */
export function formatScale(scale: number | undefined): string {
  return scale === undefined ? 'outside the sweep' : scale.toExponential(2).replace('e+', 'e');
}

/** Display of a number of decades in notes: "0.43". */
export function formatDecadeCount(decades: number | undefined): string {
  return decades === undefined ? 'n/a' : decades.toFixed(2);
}

/** Display of a number in a series name: 0.5 → "0.5", 1 → "1", 2.25 → "2.25". */
export function nameNumber(value: number): string {
  return String(value);
}
