/**
 * From the rows of the evidence files to one point per model: the measured value with the model's
 * parameters and, where the file gives them, training FLOPs. Rows are records of strings, one per CSV
 * line, keyed by the files' column names (src/io/evidence-sources.ts reads them).
 */
import { mean } from '../curve-fit/index.js';

export type Row = Readonly<Record<string, string>>;

/** A model's measured value. */
export interface ModelValue {
  model: string;
  params: number;
  /** Training FLOPs, when the file gives them. */
  flops?: number;
  value: number;
}

/**
 * Mean score of each (key, model) over the rows that `keyOf` maps to a key (repeated seeds are
 * averaged); rows it maps to undefined are skipped.
 * @example meanScores(rows, (r) => r.task) // Map { 'gsm8k' → Map { 'gpt2' → 0.01, ... } }
 */
export function meanScores(rows: readonly Row[], keyOf: (row: Row) => string | undefined): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, [number, number]>>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    let byModel = sums.get(key);
    if (!byModel) sums.set(key, (byModel = new Map()));
    const entry = byModel.get(row.model!) ?? [0, 0];
    entry[0] += Number(row.score);
    entry[1] += 1;
    byModel.set(row.model!, entry);
  }
  return new Map([...sums].map(([key, byModel]) => [key, new Map([...byModel].map(([m, [s, n]]) => [m, s / n]))]));
}

/** Each model's parameters and training FLOPs from the first row that names it (empty cells: absent). */
export function modelSizes(rows: readonly Row[]): Map<string, { params?: number; flops?: number }> {
  const sizes = new Map<string, { params?: number; flops?: number }>();
  for (const row of rows) {
    if (sizes.has(row.model!)) continue;
    const size: { params?: number; flops?: number } = {};
    if (row.params) size.params = Number(row.params);
    if (row.training_flop) size.flops = Number(row.training_flop);
    sizes.set(row.model!, size);
  }
  return sizes;
}

/**
 * For each model with a parameter count: the mean over `tasks` of `value(task, model)`, or nothing
 * when a task lacks the model (so that every point averages the same tasks).
 */
export function meanOverTasks(
  models: Iterable<string>,
  tasks: readonly string[],
  sizes: Map<string, { params?: number; flops?: number }>,
  value: (task: string, model: string) => number | undefined,
): ModelValue[] {
  const points: ModelValue[] = [];
  for (const model of models) {
    const size = sizes.get(model);
    if (size?.params === undefined) continue;
    const values = tasks.map((t) => value(t, model));
    if (tasks.length === 0 || values.some((v) => v === undefined)) continue;
    points.push({ model, params: size.params, ...(size.flops === undefined ? {} : { flops: size.flops }), value: mean(values as number[]) });
  }
  return points;
}
