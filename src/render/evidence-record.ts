/**
 * `emerge thresholds --evidence` for programs: JSON (each seed ability with its claim and its
 * `evidence` list, as in data/evidence.yaml, plus the mirage check) and CSV (one row per measure of
 * an ability; an ability without evidence has one row with its note).
 */
import type { Ability } from '../core/catalog.js';
import type { EvidenceDocument, EvidenceEntry } from '../core/evidence/index.js';
import { csvDocument, type CsvCell } from './csv.js';

export function evidenceRecord(document: EvidenceDocument, abilities: readonly Ability[]): Record<string, unknown> {
  const { abilities: _all, ...rest } = document;
  return {
    ...rest,
    abilities: abilities.map((a) => {
      const e = document.abilities.find((x) => x.id === a.id)!;
      return {
        id: a.id,
        name: a.name.en,
        name_zh: a.name.zh,
        category: a.category,
        threshold_params: a.thresholdParams,
        source: a.source,
        evidence: e.evidence,
        ...(e.note === undefined ? {} : { evidence_note: e.note }),
      };
    }),
  };
}

const EVIDENCE_CSV_HEADER = [
  'id', 'name', 'name_zh', 'category', 'claim_params', 'measure', 'level',
  'threshold_params', 'threshold_params_lower', 'threshold_params_upper', 'where_params',
  'threshold_flops', 'threshold_flops_lower', 'threshold_flops_upper', 'where_flops', 'flops_from',
  'models', 'models_flops', 'dataset', 'comparison', 'decades', 'note',
];

export function evidenceCsv(document: EvidenceDocument, abilities: readonly Ability[]): string {
  const rows = abilities.flatMap((a): CsvCell[][] => {
    const e = document.abilities.find((x) => x.id === a.id)!;
    const head: CsvCell[] = [a.id, a.name.en, a.name.zh, a.category, a.thresholdParams];
    if (e.evidence.length === 0) return [[...head, ...Array<CsvCell>(EVIDENCE_CSV_HEADER.length - head.length - 1).fill(null), e.note ?? '']];
    return e.evidence.map((m: EvidenceEntry) => [
      ...head, m.measure, m.level,
      m.threshold_params, m.interval.params[0], m.interval.params[1], m.where.params,
      m.threshold_flops, m.interval.flops[0], m.interval.flops[1], m.where.flops, m.flops_from,
      m.models, m.models_flops, m.dataset, m.comparison, m.decades, m.note,
    ]);
  });
  return csvDocument(EVIDENCE_CSV_HEADER, rows);
}
