/**
 * The CI gate: which required abilities a planned model misses, each as one line for stderr,
 * e.g. "chain-of-thought: needs 1.0e11 params, has 7.0e10 (-0.15 decades)".
 */
import { formatDecades, formatSci } from '../../render/format.js';
import type { PredictionRecord } from '../../render/prediction-record.js';

export interface GateFailure {
  id: string;
  message: string;
}

/**
 * Required abilities that have not emerged (status below `emerged`), or, with `minProbability`,
 * whose probability is below it.
 */
export function gateFailures(record: Pick<PredictionRecord, 'abilities' | 'effective_params'>, required: readonly string[], minProbability?: number): GateFailure[] {
  const has = record.effective_params === null ? 'beyond the reference regime' : formatSci(record.effective_params, 2);
  return record.abilities
    .filter((a) => required.includes(a.id))
    .filter((a) => (minProbability === undefined ? a.status !== 'emerged' : a.probability < minProbability))
    .map((a) => {
      const margin = ` (${formatDecades(a.margin_decades)} decades)`;
      const message =
        minProbability === undefined
          ? `${a.id}: needs ${formatSci(a.threshold_params, 2)} params, has ${has}${margin}`
          : `${a.id}: needs probability ${minProbability.toFixed(2)}, has ${a.probability.toFixed(2)} (effective size ${has}, threshold ${formatSci(a.threshold_params, 2)})`;
      return { id: a.id, message };
    });
}
