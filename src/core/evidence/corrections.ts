/**
 * Known source errors of obsscaling_base_models.csv (../shared/data/README.md), corrected in the
 * evidence: the stated value, the right one, and training FLOPs recomputed as 6·N·D, the source's own
 * rule. The shipped copy of the file stays verbatim; the evidence lists each correction.
 */
import type { Row } from './points.js';

export interface Correction {
  model: string;
  column: 'params' | 'training_tokens';
  from: number;
  to: number;
  note: string;
}

export const BASE_MODEL_CORRECTIONS: readonly Correction[] = [
  { model: 'cerebras/btlm-3b-8k-base', column: 'training_tokens', from: 627e12, to: 627e9, note: '627T tokens in the source; 0.627T is right' },
  { model: 'openlm-research/open_llama_7b_v2', column: 'params', from: 13e9, to: 7e9, note: '13B parameters in the source; 7B is right' },
];

/**
 * The rows with the corrections applied (a correction whose row or stated value is not found is an
 * error: the file is not the one the corrections were written for).
 * @throws RangeError when a corrected row is missing or already differs from the stated value
 */
export function correctBaseModels(rows: readonly Row[]): Row[] {
  const out = [...rows];
  for (const c of BASE_MODEL_CORRECTIONS) {
    const i = out.findIndex((r) => r.model === c.model);
    if (i < 0 || Number(out[i]![c.column]) !== c.from) throw new RangeError(`correction of ${c.model} ${c.column}: the row does not state ${c.from}`);
    const row = { ...out[i]!, [c.column]: String(c.to) };
    row.training_flop = String(6 * Number(row.params) * Number(row.training_tokens));
    out[i] = row;
  }
  return out;
}
