/**
 * `emerge thresholds --evidence`: the seed's thresholds beside what public data say (the shipped
 * data/evidence.yaml). It is about the catalog's claims, not about a planned model, so every flag
 * that describes one (or a law, a catalog of one's own, the gate, a forecast, a picture) is a usage
 * error that says why, never silently ignored.
 */
import type { Ability, AbilityCatalog } from '../../core/catalog.js';
import { UsageError } from '../../errors.js';
import { loadAbilityCatalog } from '../../io/abilities.js';
import { loadShippedEvidence } from '../../io/evidence.js';
import { quoteUserText } from '../../io/numbers.js';
import { flagName } from '../../options/spec.js';
import type { ThresholdsOptions } from '../../options/thresholds.js';
import { evidenceCsv, evidenceRecord } from '../../render/evidence-record.js';
import { renderEvidence } from '../../render/evidence-table.js';
import { toJson } from '../../render/json.js';
import { createPalette } from '../../render/palette.js';
import { didYouMean } from '../../util/suggest.js';
import type { CommandContext } from '../context.js';
import { selectAbilities } from '../../api/predict/abilities.js';

const PLANNED_MODEL_FLAGS = ['params', 'tokens', 'compute', 'model', 'layers', 'dModel', 'vocab', 'quality', 'input', 'config'] as const;
const OTHER_FLAGS = {
  law: 'the evidence is measured, it uses no scaling law',
  abilities: "it tests the shipped catalog's seed claims",
  require: 'the gate judges a planned model',
  minProbability: 'the gate judges a planned model',
  stages: 'give one of them',
  forecast: 'the evidence is about the seed\'s thresholds, not benchmark forecasts',
  reach: 'the evidence is about the seed\'s thresholds, not benchmark forecasts',
  tokensPerParam: 'the evidence is about the seed\'s thresholds, not benchmark forecasts',
  plot: 'the evidence is a table (draw the thresholds with emerge thresholds --plot)',
  plotSize: 'the evidence is a table (draw the thresholds with emerge thresholds --plot)',
} as const;

export async function runEvidence(options: ThresholdsOptions, ctx: CommandContext, file: string | undefined): Promise<void> {
  if (file !== undefined) throw new UsageError(`--evidence: not with a plan file (${quoteUserText(file)}): the evidence is about the seed's claims, measured on public models, not about a planned model`);
  for (const key of PLANNED_MODEL_FLAGS) {
    if (options[key] !== undefined) throw new UsageError(`--evidence: not with ${flagName(key)}: the evidence is about the seed's claims, measured on public models, not about a planned model (drop --evidence to judge one)`);
  }
  for (const [key, why] of Object.entries(OTHER_FLAGS)) {
    // --no-forecast (forecast: false) asks for nothing the evidence would show.
    const value = options[key as keyof typeof OTHER_FLAGS];
    if (value !== undefined && value !== false) throw new UsageError(`--evidence: not with ${flagName(key)}: ${why}`);
  }
  const document = loadShippedEvidence();
  const catalog = loadAbilityCatalog();
  const seed = catalog.abilities.filter((a) => document.abilities.some((e) => e.id === a.id));
  const abilities = chosen(seed, options, catalog);
  const format = options.format ?? 'table';
  const lang = options.lang ?? 'en';
  const filtered = options.ability !== undefined || options.category !== undefined;
  if (format === 'json') return ctx.out.write(toJson(evidenceRecord(document, abilities)));
  if (format === 'csv') return ctx.out.write(evidenceCsv(document, abilities));
  return ctx.out.write(`${renderEvidence(document, abilities, { lang, palette: createPalette(ctx.color), mirage: !filtered })}\n`);
}

/** The seed abilities asked for by --ability and --category (both: those in both). */
function chosen(seed: Ability[], options: ThresholdsOptions, catalog: AbilityCatalog): Ability[] {
  let abilities = seed;
  if (options.ability !== undefined) {
    const asked = selectAbilities(catalog, options.ability.split(','), '--ability');
    const other = asked.filter((a) => !seed.includes(a));
    if (other.length > 0) {
      throw new UsageError(`--evidence: ${other[0]!.id} is from ${other[0]!.source}, not from the seed's tables; the evidence covers the seed's abilities: ${seed.map((a) => a.id).join(', ')}`);
    }
    abilities = abilities.filter((a) => asked.includes(a));
  }
  if (options.category !== undefined) {
    const categories = [...new Set(seed.map((a) => a.category))];
    const wanted = options.category.split(',').map((c) => c.trim()).filter(Boolean);
    for (const c of wanted) {
      if (!categories.includes(c)) throw new UsageError(`--category: ${quoteUserText(c)} has no seed ability${didYouMean(c, categories)}; with --evidence the categories are ${categories.join(', ')}`);
    }
    abilities = abilities.filter((a) => wanted.includes(a.category));
  }
  if (abilities.length === 0) throw new UsageError('--evidence: --ability and --category select no ability together');
  return abilities;
}
