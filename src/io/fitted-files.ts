/**
 * The files `emerge fit --output` writes, in the formats the readers of this directory accept:
 * a scaling law as one entry of data/laws.yaml (readLawFile: name, form, E, A, B, alpha, beta,
 * source, note, and a free `fit` mapping), and fitted thresholds as an ability catalog
 * (readAbilityCatalog: the format of data/abilities.yaml).
 */
import type { ChinchillaConstants } from '../core/fit/law-objective.js';
import { formatYaml } from './yaml-output.js';

export interface LawFileContent {
  name: string;
  law: ChinchillaConstants;
  source: string;
  note?: string;
  /** Fit metadata (objective, runs, intervals...): kept in the file, ignored by readers. */
  fit: Record<string, unknown>;
  /** Lines of the leading comment. */
  comment: readonly string[];
}

/** The law file's text; the constants are written to full precision (read back, they are the same doubles). */
export function formatLawFile(content: LawFileContent): string {
  const { E, A, B, alpha, beta } = content.law;
  const value: Record<string, unknown> = { name: content.name, form: 'chinchilla', E, A, B, alpha, beta, source: content.source };
  if (content.note !== undefined) value.note = content.note;
  value.fit = content.fit;
  return formatYaml(value, content.comment);
}

export interface FittedAbility {
  id: string;
  name: string;
  category: string;
  thresholdParams: number;
  thresholdFlops?: number;
  /** Logistic curve in log10 of the size: width in decades, floor and ceiling on 0–1. */
  curve: { width: number; floor: number; ceiling: number };
  source: string;
}

/** An ability catalog with the reference regime `referenceTokens`; numbers rounded to 6 significant digits. */
export function formatAbilityCatalog(abilities: readonly FittedAbility[], referenceTokens: number, comment: readonly string[]): string {
  const round = (x: number): number => Number(x.toPrecision(6));
  const value = {
    reference_tokens: referenceTokens,
    abilities: abilities.map((a) => ({
      id: a.id,
      name: a.name,
      category: a.category,
      threshold_params: round(a.thresholdParams),
      ...(a.thresholdFlops !== undefined ? { threshold_flops: round(a.thresholdFlops) } : {}),
      curve: { shape: 'logistic', width: round(a.curve.width), floor: round(a.curve.floor), ceiling: round(a.curve.ceiling) },
      source: a.source,
    })),
  };
  return formatYaml(value, comment, ['curve']);
}
