/**
 * Types of the shipped catalogs (abilities, models, factors). The data live in data/*.yaml and
 * data/*.csv; src/io validates and loads them into these shapes.
 */
import type { EmergenceCurve } from './emergence.js';

/** A text in English (`en`) and Chinese (`zh`). */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A size band of an ability (seed §2.1.3: <1B none, 1–10B initial, 10–100B clear, >100B strong). */
export interface Band {
  /** Lower bound in parameters (inclusive); absent for the first band. */
  fromParams?: number;
  /** Upper bound in parameters (exclusive); absent for the last band. */
  toParams?: number;
  label: Bilingual;
}

/** An ability of the catalog: the size where it emerges (in the reference regime), its emergence curve and its source. */
export interface Ability {
  /** Stable kebab-case id, a public interface (CI jobs name it). */
  id: string;
  name: Bilingual;
  category: string;
  /** N_c: the size at which the ability emerges in the catalog's reference regime. */
  thresholdParams: number;
  curve: EmergenceCurve;
  /** Seed section ("seed §2.2.3") or paper the threshold comes from. */
  source: string;
  bands?: Band[];
  description?: Bilingual;
  /** Wei et al. 2022 Table 1: training FLOPs of the model where the ability emerged. */
  thresholdFlops?: number;
  /** Wei et al. 2022 Table 1: model family and original reference. */
  model?: string;
  reference?: string;
  /** Seed §5.1: number of BIG-Bench tasks in the category. */
  taskCount?: number;
}

/** A row of Wei et al. 2022 Table 1 that names no single scale ("Many BIG-Bench tasks"). */
export interface UnquantifiedAbility {
  name: Bilingual;
  category: string;
  model: string;
  reference: string;
  source: string;
  note: string;
}

/** The abilities with a quantified emergence threshold, the ones without, and the reference regime of their thresholds. */
export interface AbilityCatalog {
  /** Training tokens of the regime the thresholds were observed in (GPT-3 era: 3e11). */
  referenceTokens: number;
  abilities: Ability[];
  unquantified: UnquantifiedAbility[];
  /** Where the catalog came from (file name), for messages. */
  origin: string;
}

/** The band containing `size`, if the ability has bands. */
export function bandFor(ability: Ability, size: number): Band | undefined {
  return ability.bands?.find((b) => (b.fromParams === undefined || size >= b.fromParams) && (b.toParams === undefined || size < b.toParams));
}
