/**
 * The seed's thresholds tested on public data (`emerge thresholds --evidence`): measures fitted with
 * the curve engine of `emerge fit`, thresholds with bootstrap intervals, and a one-word comparison
 * with each claim.
 */
export { CATEGORY_KEYWORDS, tasksOfCategory } from './bigbench-keywords.js';
export { compareWithClaim, decadesFromClaim, DEFAULT_TOLERANCE_DECADES, type Comparison } from './compare.js';
export { BASE_MODEL_CORRECTIONS, correctBaseModels, type Correction } from './corrections.js';
export { levelCrossing } from './crossing.js';
export { buildEvidence, type AbilityEvidence, type EvidenceDocument, type EvidenceEntry, type SeedClaim } from './document.js';
export { GAIN_LEVEL, GAIN_SHIFT, measureSpecs, type DatasetId, type EvidenceSources } from './measures.js';
export { mirageTask, type MirageTask } from './mirage.js';
export type { Row } from './points.js';
export { fitMeasureCurve, thresholdAt, type Level, type MeasureCurve, type ThresholdFit, type Where } from './threshold.js';
