// Reads fixtures/emergence_obsscaling_bigbench.csv into ScoreRows for the curve-fit tests and the bench
// (the product's own CSV reading lives in src/io; this is a test-side copy of the same mapping).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ScoreRow } from '../../../src/core/curve-fit/group-scores.js';

export const OBSSCALING_CSV = new URL('../../../fixtures/emergence_obsscaling_bigbench.csv', import.meta.url);

export type ScaleColumn = 'params' | 'training_flop' | 'training_tokens';

/** Rows grouped by (task, subtask, metric); empty cells become NaN scale / undefined baseline. */
export function obsScalingRows(scaleColumn: ScaleColumn = 'training_flop'): ScoreRow[] {
  const records = parse(readFileSync(OBSSCALING_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => {
    const row: ScoreRow = {
      group: { task: r.task!, subtask: r.subtask!, metric: r.metric! },
      model: r.model!,
      scale: r[scaleColumn] === '' ? NaN : Number(r[scaleColumn]),
      score: Number(r.score),
    };
    if (r.random_baseline !== '') row.baseline = Number(r.random_baseline);
    return row;
  });
}
