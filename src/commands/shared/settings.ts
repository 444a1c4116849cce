/**
 * The settings shared by predict and thresholds: law, catalog, selected abilities, quality and the
 * planned models, from flags and an optional --config file (flags override the file).
 */
import type { Ability, AbilityCatalog } from '../../core/catalog.js';
import type { Factors } from '../../core/factors.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { UsageError } from '../../errors.js';
import { loadAbilityCatalog } from '../../io/abilities.js';
import { loadFactors } from '../../io/factors.js';
import { resolveLaw } from '../../io/laws.js';
import { COMPUTE, D_MODEL, LAYERS, PARAMS, TOKENS, VOCAB, parseFlagQuantity, quoteUserText } from '../../io/numbers.js';
import { readPlanConfig, type PlanConfig } from '../../io/plan-config.js';
import type { Format, ModelOptionValues } from '../../options/shared.js';
import { selectAbilities } from '../../api/predict/abilities.js';
import { parseQualityValue } from '../../api/predict/quality.js';
import { MODEL_FIELDS, type ModelSpec } from '../../api/predict/plan.js';
import { fromFile, fromFlags, type Where } from '../../api/predict/where.js';

export interface PlannedSpec {
  spec: ModelSpec;
  where: Where;
}

export interface PlanSettings {
  law: ScalingLaw;
  catalog: AbilityCatalog;
  /** The abilities asked for (--ability), in catalog order; all of them by default. */
  abilities: Ability[];
  factors: Factors;
  /** Models from flags and/or the config file; empty when none was described. */
  models: PlannedSpec[];
  /** Quality applied to rows of an --input file (from flags or the config file). */
  quality: { value: number; label?: string } | undefined;
  format: Format;
  lang: 'en' | 'zh';
  config?: PlanConfig;
}

export function resolveSettings(options: ModelOptionValues & { format?: string; lang?: string }): PlanSettings {
  const fromStdin = (['input', 'config', 'law', 'abilities'] as const).filter((k) => options[k] === '-');
  if (fromStdin.length > 1) throw new UsageError(`--${fromStdin.join(' and --')}: only one of them can read stdin (-)`);
  const config = options.config !== undefined ? readPlanConfig(options.config) : undefined;
  const law = resolveLaw(options.law ?? config?.law);
  const catalog = loadAbilityCatalog(options.abilities ?? config?.abilities);
  const factors = loadFactors();
  const ids = options.ability?.split(',') ?? config?.ability;
  const abilities = ids === undefined ? catalog.abilities : selectAbilities(catalog, ids, '--ability');
  const format = (options.format ?? config?.format ?? 'table') as Format;
  if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`${config?.file ?? '--format'}: format ${quoteUserText(format)} is not one of table, csv, json`);
  const lang = (options.lang ?? config?.lang ?? 'en') as 'en' | 'zh';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`${config?.file ?? '--lang'}: language ${quoteUserText(lang)} is not one of en, zh`);

  const flagSpec = modelSpecFromFlags(options, factors);
  const flagQuality = flagSpec.quality === undefined ? undefined : { value: flagSpec.quality, label: flagSpec.qualityLabel };
  const configQuality = config?.quality === undefined ? undefined : parseQualityValue(config.quality, factors, fromFile(config.file, undefined), 'quality');
  const quality = flagQuality ?? configQuality;

  let models: PlannedSpec[] = [];
  if (config && config.models.length > 0) {
    models = config.models.map((entry) => {
      const where = fromFile(config.file, entry.line);
      const { line: _line, quality: entryQuality, ...fields } = entry;
      const spec: ModelSpec = { ...fields };
      const q = entryQuality !== undefined ? parseQualityValue(entryQuality, factors, where, 'quality') : configQuality;
      if (q) Object.assign(spec, { quality: q.value, qualityLabel: q.label });
      return { spec: { ...spec, ...definedOnly(flagSpec) }, where };
    });
  } else if (hasModelFlags(flagSpec)) {
    const spec = { ...flagSpec };
    if (spec.quality === undefined && configQuality) Object.assign(spec, { quality: configQuality.value, qualityLabel: configQuality.label });
    models = [{ spec, where: fromFlags }];
  }
  const settings: PlanSettings = { law, catalog, abilities, factors, models, quality, format, lang };
  if (config) settings.config = config;
  return settings;
}

function modelSpecFromFlags(options: ModelOptionValues, factors: Factors): ModelSpec {
  const spec: ModelSpec = {};
  if (options.params !== undefined) spec.params = parseFlagQuantity('--params', options.params, PARAMS);
  if (options.tokens !== undefined) spec.tokens = parseFlagQuantity('--tokens', options.tokens, TOKENS);
  if (options.compute !== undefined) spec.compute = parseFlagQuantity('--compute', options.compute, COMPUTE);
  if (options.layers !== undefined) spec.layers = parseFlagQuantity('--layers', options.layers, LAYERS);
  if (options.dModel !== undefined) spec.dModel = parseFlagQuantity('--d-model', options.dModel, D_MODEL);
  if (options.vocab !== undefined) spec.vocab = parseFlagQuantity('--vocab', options.vocab, VOCAB);
  if (options.model !== undefined) spec.model = options.model;
  if (options.quality !== undefined) {
    const q = parseQualityValue(options.quality, factors, fromFlags, '--quality');
    spec.quality = q.value;
    if (q.label) spec.qualityLabel = q.label;
  }
  return spec;
}

function hasModelFlags(spec: ModelSpec): boolean {
  return MODEL_FIELDS.some((k) => spec[k] !== undefined);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
