/**
 * Columns of long-format task scores (one row per model, task and metric; the layout of
 * fixtures/emergence_obsscaling_bigbench.csv): recognised by name like the training-run columns of
 * csv-input.ts, or named with `--columns score=Accuracy`.
 */
import { findColumns } from './csv-input.js';

/** Header aliases of the score table's own columns (case-insensitive; the first found wins). */
export const SCORE_COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  task: ['task', 'task_name', 'benchmark'],
  subtask: ['subtask', 'subtask_name', 'subset'],
  metric: ['metric', 'metric_name'],
  model: ['model', 'model_name', 'name'],
  score: ['score', 'accuracy'],
  baseline: ['random_baseline', 'baseline', 'chance', 'random_score'],
};

/**
 * Index of each score-table column in `header` (undefined when absent): the roles of
 * SCORE_COLUMN_ALIASES and the scale columns params, tokens and compute of csv-input.ts.
 */
export function findScoreColumns(header: readonly string[], explicit: Record<string, string> = {}): Record<string, number | undefined> {
  const found = findColumns(header, ['params', 'tokens', 'compute'], explicit);
  for (const [role, aliases] of Object.entries(SCORE_COLUMN_ALIASES)) {
    const names = explicit[role] !== undefined ? [explicit[role]] : aliases;
    found[role] = names.map((name) => findColumns(header, [role], { [role]: name })[role]).find((i) => i !== undefined);
  }
  return found;
}
