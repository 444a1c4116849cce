/**
 * The files the evidence is computed from (data/evidence-sources/, verbatim copies of
 * ../shared/data), read whole into records of strings keyed by column name by the project's CSV
 * parser (src/io/csv-input.ts). Used at build time by scripts/build-evidence.ts, by the default
 * forecast's reader (src/io/base-models.ts) and by the tests that recompute what they make; the CLI
 * reads only the results, data/evidence.yaml and data/forecast-default.yaml.
 */
import { readFileSync } from 'node:fs';
import type { EvidenceSources, Row } from '../core/evidence/index.js';
import { CsvParser } from './csv-input.js';
import { dataFile } from './data-files.js';

export const EVIDENCE_SOURCE_FILES = {
  cot: 'evidence-sources/emergence_obsscaling_cot.csv',
  ukp: 'evidence-sources/emergence_ukp_on_emergence.csv',
  base: 'evidence-sources/obsscaling_base_models.csv',
} as const;

/** A whole CSV file as records keyed by its header (a row of another width is an InputError). */
export function readCsvRows(path: string): Row[] {
  const parser = new CsvParser(path);
  const [header, ...records] = parser.push(readFileSync(path, 'utf8'), true);
  parser.expectFields(header!.cells.length, 'the header');
  return records.map((record) => {
    parser.checkWidth(record);
    return Object.fromEntries(header!.cells.map((h, j) => [h, record.cells[j]!]));
  });
}

/** The three evidence files from data/evidence-sources/. */
export function readEvidenceSources(): EvidenceSources {
  return {
    cot: readCsvRows(dataFile(EVIDENCE_SOURCE_FILES.cot)),
    ukp: readCsvRows(dataFile(EVIDENCE_SOURCE_FILES.ukp)),
    base: readCsvRows(dataFile(EVIDENCE_SOURCE_FILES.base)),
  };
}
