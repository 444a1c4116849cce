/**
 * The evidence document computed from the shipped sources and the shipped catalog's seed abilities
 * (those whose source is a section of the seed, "seed §…"): what scripts/build-evidence.ts writes to
 * data/evidence.yaml and what its test recomputes.
 */
import { buildEvidence, type EvidenceDocument } from '../core/evidence/index.js';
import { loadAbilityCatalog } from './abilities.js';
import { readEvidenceSources } from './evidence-sources.js';

export function computeShippedEvidence(): EvidenceDocument {
  const catalog = loadAbilityCatalog();
  const claims = catalog.abilities.filter((a) => a.source.startsWith('seed §')).map((a) => ({ id: a.id, thresholdParams: a.thresholdParams }));
  return buildEvidence(readEvidenceSources(), claims, { referenceTokens: catalog.referenceTokens });
}
