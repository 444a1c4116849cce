/**
 * The catalog of well-known models (data/models.csv, a verbatim copy of
 * ../shared/data/landmark_models.csv: Epoch AI model database and ObsScaling, Ruan et al. 2024).
 * Each model is addressed by the slug of its name: "Llama-2-70B" → llama-2-70b.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { closeMatches } from '../util/suggest.js';
import { quoteUserText } from './numbers.js';
import { slugify } from '../util/slug.js';
import { CsvParser } from './csv-input.js';
import { dataFile } from './data-files.js';

/** A published model of the catalog (data/models.csv): its size, training tokens and compute, each with its source. */
export interface CatalogModel {
  slug: string;
  name: string;
  family: string;
  instructionTuned: boolean;
  params: number;
  /** Training tokens; undefined where the sources give none (LaMDA: words, not tokens). */
  tokens?: number;
  trainingFlops?: number;
  notes: string;
  /** Where each number comes from (the source file's *_source columns). */
  sources: { params: string; tokens: string; flops: string };
}

let cached: CatalogModel[] | undefined;

export function loadModelCatalog(): CatalogModel[] {
  if (cached) return cached;
  const path = dataFile('models.csv');
  const [header, ...records] = new CsvParser(path).push(readFileSync(path, 'utf8'), true).map((r) => r.cells);
  const rows = records.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!])));
  const optional = (text: string | undefined): number | undefined => (text === undefined || text.trim() === '' ? undefined : Number(text));
  cached = rows.map((row) => {
    const model: CatalogModel = {
      slug: slugify(row.model!),
      name: row.model!,
      family: row.family!,
      instructionTuned: row.instruction_tuned === '1',
      params: Number(row.params),
      notes: row.notes ?? '',
      sources: { params: row.params_source ?? '', tokens: row.training_tokens_source ?? '', flops: row.training_flop_source ?? '' },
    };
    const tokens = optional(row.training_tokens);
    const flops = optional(row.training_flop);
    if (tokens !== undefined) model.tokens = tokens;
    if (flops !== undefined) model.trainingFlops = flops;
    return model;
  });
  return cached;
}

/**
 * A catalog model by slug. The name is slugified first ("Llama-2-70B" and "llama-2-70b" both work),
 * and a unique match up to a dash also counts ("gpt-3-175b" → gpt-3-175b-davinci). Unknown names
 * are a UsageError that suggests close matches.
 */
export function findModel(name: string, flag = '--model'): CatalogModel {
  const models = loadModelCatalog();
  const wanted = slugify(name);
  const exact = models.find((m) => m.slug === wanted);
  if (exact) return exact;
  const prefixed = models.filter((m) => wanted !== '' && m.slug.startsWith(`${wanted}-`));
  if (prefixed.length === 1) return prefixed[0]!;
  const slugs = models.map((m) => m.slug);
  const close = prefixed.length > 1 ? prefixed.map((m) => m.slug) : closeMatches(wanted, slugs, 4);
  const hint = close.length > 0 ? `did you mean ${close.join(', ')}?` : 'see `emerge predict --list-models`';
  throw new UsageError(`${flag}: unknown model ${quoteUserText(name)}; ${hint}`);
}
