// An ability with no measure: JSON has an empty evidence list and a note, CSV one row with the note,
// the table a row that points to it (a constructed document: every shipped ability has a measure).
import { describe, expect, it } from 'vitest';
import type { Ability } from '../../src/core/catalog.js';
import type { EvidenceDocument } from '../../src/core/evidence/index.js';
import { evidenceCsv, evidenceRecord } from '../../src/render/evidence-record.js';
import { renderEvidence } from '../../src/render/evidence-table.js';
import { createPalette } from '../../src/render/palette.js';

const ability = { id: 'x-ability', name: { en: 'X', zh: '某能力' }, category: 'bigbench', thresholdParams: 5e10, source: 'seed §5.1' } as Ability;
const document = {
  version: 1, tolerance_decades: 0.5, gain_level: 0.02, reference_tokens: 3e11, bootstrap: 1000, seed: 1,
  datasets: {}, corrections: [], categories: {},
  abilities: [{ id: 'x-ability', claim_params: 5e10, evidence: [], note: 'no task of the files measures it' }],
  mirage: { dataset: 'ukp-on-emergence', definition: '', tasks: [], summary: { tasks: 0, emergent_exact_match: 0, emergent_edit_similarity: 0, holds: 0 } },
} as unknown as EvidenceDocument;

describe('evidence without a measure', () => {
  it('JSON: an empty list and an evidence_note', () => {
    const [record] = (evidenceRecord(document, [ability]) as { abilities: Record<string, unknown>[] }).abilities;
    expect(record).toMatchObject({ id: 'x-ability', evidence: [], evidence_note: 'no task of the files measures it' });
  });

  it('CSV: one row, empty measure fields, the note last', () => {
    const [, row] = evidenceCsv(document, [ability]).trim().split('\n');
    expect(row).toBe(`x-ability,X,某能力,bigbench,50000000000,${','.repeat(16)}no task of the files measures it`);
  });

  it('table: a row that says so, and the note below', () => {
    const text = renderEvidence(document, [ability], { lang: 'en', palette: createPalette(false), mirage: false });
    expect(text).toContain('no measure (see below)');
    expect(text).toContain('x-ability: no task of the files measures it.');
  });
});
