/**
 * The data emerge ships (law presets, the ability catalog, the model catalog, the default forecast)
 * and the files users write in the same formats. Functions named `load…` read the file at the path
 * they are given; the others read only the package's own data, once.
 */
import type { AbilityCatalog } from '../core/catalog.js';
import type { ForecastSpec } from '../core/forecast/index.js';
import type { ScalingLaw } from '../core/scaling-law.js';
import { loadAbilityCatalog as shippedOrFileCatalog, readAbilityCatalog } from '../io/abilities.js';
import { readDefaultForecast, readForecastFile } from '../io/forecast-file.js';
import { loadLawPresets, presetLaw as presetOf, readLawFile } from '../io/laws.js';
import { loadModelCatalog, type CatalogModel } from '../io/models.js';

/**
 * The law presets shipped in data/laws.yaml (besiroglu2024, hoffmann2022, hoffmann2022-unrounded, kaplan2020), by name.
 * @example Object.keys(lawPresets()) // ['besiroglu2024', 'hoffmann2022', 'hoffmann2022-unrounded', 'kaplan2020']
 */
export function lawPresets(): Record<string, ScalingLaw> {
  return Object.fromEntries(loadLawPresets().presets);
}

/**
 * One shipped law preset by name; the default (besiroglu2024, the refit of Besiroglu et al. 2024)
 * without one.
 * @throws UsageError for an unknown name, with close matches and the list of presets
 * @example presetLaw('hoffmann2022').alpha // 0.34
 */
export function presetLaw(name?: string): ScalingLaw {
  return presetOf(name, 'presetLaw');
}

/**
 * Reads a law file (YAML: `E, A, B, alpha, beta`, or the Kaplan constants; what `emerge fit --output` writes).
 * @throws InputError naming the file and line of a missing or bad field
 */
export function loadLaw(path: string): ScalingLaw {
  return readLawFile(path);
}

/**
 * The shipped catalog of abilities and their emergence thresholds (seed §2, §5.1; Wei et al. 2022,
 * Table 1), with the reference training tokens D_ref of the regime they were observed in.
 */
export function abilityCatalog(): AbilityCatalog {
  return shippedOrFileCatalog();
}

/**
 * Reads an ability catalog of your own (the format of data/abilities.yaml).
 * @throws InputError naming the file and line of a bad entry
 */
export function loadAbilityCatalog(path: string): AbilityCatalog {
  return readAbilityCatalog(path);
}

/**
 * The catalog of published models (`--model` slugs): parameters, training tokens, compute, family.
 * @example modelCatalog().find((m) => m.slug === 'llama-3-70b')?.tokens // 1.5e13
 */
export function modelCatalog(): CatalogModel[] {
  return loadModelCatalog();
}

/**
 * The default forecast `emerge predict` shows: eight public benchmarks (mmlu, arc-challenge,
 * hellaswag, winogrande, truthfulqa, gsm8k, xwinograd, humaneval) in log10 training compute, fitted by
 * `emerge fit` to 112 open base models, with back-tested 80% intervals.
 */
export function defaultForecast(): ForecastSpec {
  return readDefaultForecast();
}

/**
 * Reads a forecast file written by `emerge fit --kind forecast --output FILE`.
 * @throws InputError naming the file and line of a bad field
 */
export function loadForecast(path: string): ForecastSpec {
  return readForecastFile(path);
}

export type { Ability, AbilityCatalog, Band, Bilingual } from '../core/catalog.js';
export type { CatalogModel } from '../io/models.js';
export type { ForecastSpec } from '../core/forecast/index.js';
