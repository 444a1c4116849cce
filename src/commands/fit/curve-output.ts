/**
 * `emerge fit --output abilities.yaml` for curves: the fitted thresholds as an ability catalog that
 * `emerge predict --abilities` reads (conversion to parameters: catalog-threshold.ts).
 */
import { basename } from 'node:path';
import { AXIS_UNITS, type FittedCurve, type ScaleAxis } from '../../core/curve-fit/index.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { FitError } from '../../errors.js';
import { REFERENCE_TOKENS } from '../../io/abilities.js';
import { formatAbilityCatalog, type FittedAbility } from '../../io/fitted-files.js';
import { PARAMS, rangeProblem } from '../../io/numbers.js';
import { writeFileAtomic } from '../../io/output-file.js';
import { formatSci } from '../../render/format.js';
import { slugify } from '../../util/slug.js';
import type { CommandContext } from '../context.js';
import { catalogThreshold } from './catalog-threshold.js';

export interface CatalogContext {
  axis: ScaleAxis;
  law: ScalingLaw;
  file: string;
  scaleSource: string;
}

/** The catalog entries of fitted curves; a curve that cannot be converted is left out with a warning. */
export function fittedAbilities(curves: readonly FittedCurve[], context: CatalogContext, warn: (message: string) => void): FittedAbility[] {
  const { axis, law } = context;
  const used = new Set<string>();
  const abilities: FittedAbility[] = [];
  for (const curve of curves) {
    const converted = catalogThreshold(axis, curve.params, law, REFERENCE_TOKENS);
    const problem = !converted.ok
      ? converted.problem
      : rangeProblem(converted.thresholdParams, PARAMS) !== undefined
        ? `its threshold in parameters, ${formatSci(converted.thresholdParams)}, ${rangeProblem(converted.thresholdParams, PARAMS)}`
        : converted.width > 10
          ? `its width, ${converted.width.toPrecision(3)} decades, is beyond the catalog's limit of 10`
          : undefined;
    if (!converted.ok || problem !== undefined) {
      warn(`--output: ${curve.label} is left out of the catalog: ${problem}${axis === 'params' ? '' : ' (--x params writes thresholds in parameters as fitted)'}`);
      continue;
    }
    const base = slugify(curve.label) || 'task';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    const ability: FittedAbility = {
      id,
      name: curve.label,
      category: Object.values(curve.group)[0] || 'fitted',
      thresholdParams: converted.thresholdParams,
      curve: { width: converted.width, floor: curve.floor, ceiling: curve.ceiling },
      source: `emerge fit ${basename(context.file)}: ${curve.verdict} at ${axis === 'loss' ? `a loss of ${curve.threshold.toFixed(3)} nats` : `${formatSci(curve.threshold)} ${AXIS_UNITS[axis]}`} (ΔBIC ${curve.deltaBic.toFixed(1)})`,
    };
    if (axis === 'compute') ability.thresholdFlops = curve.threshold;
    abilities.push(ability);
  }
  return abilities;
}

/** Writes the catalog atomically; nothing convertible is a FitError. */
export function writeAbilityCatalog(path: string, curves: readonly FittedCurve[], context: CatalogContext, ctx: CommandContext): void {
  const abilities = fittedAbilities(curves, context, (m) => ctx.warn(m));
  if (abilities.length === 0) throw new FitError(`--output: none of the fitted curves can be written as an ability (see the warnings above); ${path} was not written`);
  const how: Record<ScaleAxis, string> = {
    params: 'threshold_params is the fitted threshold in parameters',
    compute: `threshold_params is the size that reaches, on reference_tokens tokens, the loss of the compute-optimal model at the threshold compute (threshold_flops) under ${context.law.id}`,
    loss: `threshold_params is the size that reaches the threshold loss on reference_tokens tokens under ${context.law.id}`,
    tokens: '',
  };
  const comment = [
    `Ability catalog written by \`emerge fit --output\` from ${context.file} (x = ${context.scaleSource}).`,
    `Use it with: emerge predict --abilities ${path} --params 70B`,
    `${how[context.axis]}; the curve is the fitted logistic, its width in decades of parameters.`,
  ];
  writeFileAtomic(path, formatAbilityCatalog(abilities, REFERENCE_TOKENS, comment));
}
