/**
 * Choosing abilities of a catalog by id (`--ability a,b`, the API's `abilities: [...]`).
 */
import type { Ability, AbilityCatalog } from '../../core/catalog.js';
import { UsageError } from '../../errors.js';
import { quoteUserText } from '../../io/numbers.js';
import { didYouMean } from '../../util/suggest.js';

/**
 * The abilities of the catalog with these ids, in catalog order.
 * @throws UsageError for an empty list or an unknown id (with close matches), naming `flag`
 */
export function selectAbilities(catalog: AbilityCatalog, ids: readonly string[], flag: string): Ability[] {
  const wanted = abilityIds(catalog, ids, flag);
  return catalog.abilities.filter((a) => wanted.includes(a.id));
}

/**
 * The ids, trimmed, in the order given, each checked against the catalog.
 * @throws UsageError as selectAbilities
 */
export function abilityIds(catalog: AbilityCatalog, ids: readonly string[], flag: string): string[] {
  const wanted = ids.map((s) => s.trim()).filter((s) => s !== '');
  if (wanted.length === 0) throw new UsageError(`${flag}: give at least one ability id`);
  const known = catalog.abilities.map((a) => a.id);
  for (const id of wanted) {
    if (!known.includes(id)) throw new UsageError(`${flag}: unknown ability ${quoteUserText(id)}${didYouMean(id, known)}; \`emerge thresholds\` lists them all`);
  }
  return wanted;
}
