/**
 * The files the evidence is computed from (data/evidence-sources/, verbatim copies of
 * ../shared/data), read whole into records of strings keyed by column name. Used at build time by
 * scripts/build-evidence.ts and by the test that recomputes the shipped evidence; the CLI reads only
 * the result, data/evidence.yaml.
 *
 * The files have no quoted fields; a line with a quote is an error rather than a silent misreading.
 */
import { readFileSync } from 'node:fs';
import type { EvidenceSources, Row } from '../core/evidence/index.js';
import { InputError } from '../errors.js';
import { dataFile } from './data-files.js';

export const EVIDENCE_SOURCE_FILES = {
  cot: 'evidence-sources/emergence_obsscaling_cot.csv',
  ukp: 'evidence-sources/emergence_ukp_on_emergence.csv',
  base: 'evidence-sources/obsscaling_base_models.csv',
} as const;

/** A CSV file without quoted fields, as records. */
export function readPlainCsv(path: string): Row[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const header = lines[0]!.split(',');
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (line.includes('"')) throw new InputError(path, i + 1, 'has a quoted field; the evidence reader expects none');
    const cells = line.split(',');
    if (cells.length !== header.length) throw new InputError(path, i + 1, `has ${cells.length} fields, the header ${header.length}`);
    rows.push(Object.fromEntries(header.map((h, j) => [h, cells[j]!])));
  }
  return rows;
}

/** The three evidence files from data/evidence-sources/. */
export function readEvidenceSources(): EvidenceSources {
  return {
    cot: readPlainCsv(dataFile(EVIDENCE_SOURCE_FILES.cot)),
    ukp: readPlainCsv(dataFile(EVIDENCE_SOURCE_FILES.ukp)),
    base: readPlainCsv(dataFile(EVIDENCE_SOURCE_FILES.base)),
  };
}
