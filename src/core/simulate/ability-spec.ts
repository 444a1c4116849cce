/**
 * The abilities a scenario simulates: either a catalog ability named by id, or an inline definition
 * (threshold N_c and emergence curve) written in the scenario itself.
 */
import type { Ability } from '../catalog.js';
import { probability, type EmergenceCurve } from '../emergence.js';
import { checkNumber, EXPONENT, formatNumber, SCALE, UNIT_INTERVAL, WIDTH_DECADES, type ConfigProblem } from './problems.js';

/** What a simulation needs of an ability. A catalog `Ability` is one (it has these fields and more). */
export interface CurveSpec {
  /** Stable kebab-case id: it names the ability's series. */
  id: string;
  /** Display name; defaults to the id. */
  label?: string;
  /** N_c in the reference regime, parameters. */
  thresholdParams: number;
  curve: EmergenceCurve;
  /** Where the threshold comes from. */
  source?: string;
}

/** A catalog ability id, or an inline definition. */
export type AbilityRef = string | CurveSpec;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The logistic curve of the catalog's defaults (DESIGN.md: width 0.5 decade, floor 0, ceiling 1). */
export const DEFAULT_CURVE: EmergenceCurve = { shape: 'logistic', width: 0.5, floor: 0, ceiling: 1 };

export function idProblems(id: unknown): ConfigProblem[] {
  if (typeof id === 'string' && ID_PATTERN.test(id)) return [];
  return [{ path: [], message: `must be a kebab-case id (lowercase letters, digits and single dashes), got ${JSON.stringify(id)}` }];
}

/** Problems with an emergence curve (paths relative to the curve); `threshold` is N_c, for the power shape's N_sat > N_c. */
export function curveProblems(curve: EmergenceCurve, threshold: number): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (curve.shape !== 'logistic' && curve.shape !== 'power') {
    return [{ path: ['shape'], message: `must be logistic or power, got ${JSON.stringify((curve as { shape: unknown }).shape)}` }];
  }
  checkNumber(problems, ['width'], curve.width, WIDTH_DECADES);
  checkNumber(problems, ['floor'], curve.floor, UNIT_INTERVAL);
  checkNumber(problems, ['ceiling'], curve.ceiling, UNIT_INTERVAL);
  if (problems.length === 0 && curve.floor >= curve.ceiling) {
    problems.push({ path: ['ceiling'], message: `must be above floor (${curve.floor}), got ${curve.ceiling}` });
  }
  if (curve.shape === 'power') {
    checkNumber(problems, ['exponent'], curve.exponent, EXPONENT);
    checkNumber(problems, ['saturationParams'], curve.saturationParams, SCALE);
    if (Number.isFinite(curve.saturationParams) && curve.saturationParams <= threshold) {
      problems.push({ path: ['saturationParams'], message: `must be above the threshold (${formatNumber(threshold)}), got ${formatNumber(curve.saturationParams)}` });
    }
  }
  return problems;
}

/** Problems with an inline ability definition or a reference to a catalog id (paths relative to it). */
export function abilityRefProblems(ref: AbilityRef): ConfigProblem[] {
  if (typeof ref === 'string') return idProblems(ref);
  const problems: ConfigProblem[] = idProblems(ref.id).map((p) => ({ path: ['id'], message: p.message }));
  checkNumber(problems, ['thresholdParams'], ref.thresholdParams, SCALE);
  if (problems.length === 0) problems.push(...curveProblems(ref.curve, ref.thresholdParams).map((p) => ({ path: ['curve', ...p.path], message: p.message })));
  return problems;
}

/** Problems with a list of abilities whose ids must be distinct (they name series). */
export function duplicateIdProblems(ids: readonly string[], path: (index: number) => readonly (string | number)[]): ConfigProblem[] {
  const seen = new Map<string, number>();
  const problems: ConfigProblem[] = [];
  ids.forEach((id, i) => {
    const earlier = seen.get(id);
    if (earlier !== undefined) problems.push({ path: path(i), message: `duplicate id "${id}" (also item ${earlier + 1}); ids name series and must be distinct` });
    else seen.set(id, i);
  });
  return problems;
}

/** The id of a reference, whether a catalog id or inline. */
export function refId(ref: AbilityRef): string {
  return typeof ref === 'string' ? ref : ref.id;
}

/**
 * The definition behind a reference: inline definitions as they are, catalog ids looked up.
 * Returns undefined for an id the catalog does not have (the caller says where it was named).
 */
export function lookupAbility(ref: AbilityRef, catalog: readonly Ability[]): CurveSpec | undefined {
  if (typeof ref !== 'string') return ref;
  const found = catalog.find((a) => a.id === ref);
  return found && { id: found.id, label: found.name.en, thresholdParams: found.thresholdParams, curve: found.curve, source: found.source };
}

/**
 * log10 of each size, computed once and shared by every ability of a sweep (see `probabilities`).
 * @example Array.from(log10Sizes([1e10, Infinity])) // [10, Infinity]
 */
export function log10Sizes(sizes: ArrayLike<number>): Float64Array {
  const out = new Float64Array(sizes.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.log10(sizes[i]!);
  return out;
}

/**
 * P(ability) at each effective size: `probability(curve, N_eff_i, N_c)` (emergence.ts). The logistic
 * shape is evaluated here as `floor + span/(1 + exp(−ln 10·(log10 N_eff − log10 N_c)/w))` from
 * precomputed `log10 N_eff` (pass `logSizes` from `log10Sizes` to share it across abilities): the
 * same number to within 1e-15 (exp instead of 10**, a quarter of the time on a 10^5-point sweep).
 * The power shape calls `probability`.
 * @example Array.from(probabilities({id: 'x', thresholdParams: 1e11, curve: DEFAULT_CURVE}, [1e10, 1e11, 1e12])) // [0.0099, 0.5, 0.9901]
 */
export function probabilities(spec: CurveSpec, effectiveParams: ArrayLike<number>, logSizes?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(effectiveParams.length);
  const curve = spec.curve;
  if (curve.shape !== 'logistic') {
    for (let i = 0; i < out.length; i++) out[i] = probability(curve, effectiveParams[i]!, spec.thresholdParams);
    return out;
  }
  const logs = logSizes ?? log10Sizes(effectiveParams);
  const logThreshold = Math.log10(spec.thresholdParams);
  const span = curve.ceiling - curve.floor;
  const rate = -Math.LN10 / curve.width;
  for (let i = 0; i < out.length; i++) {
    const size = effectiveParams[i]!;
    out[i] = size === Infinity ? curve.ceiling : curve.floor + span / (1 + Math.exp(rate * (logs[i]! - logThreshold)));
  }
  return out;
}
