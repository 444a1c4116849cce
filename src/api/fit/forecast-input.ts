/**
 * A ladder of runs for `emerge fit` forecasts: task scores in long format (one row per run, task and
 * checkpoint; the layout of fixtures/ladder_gadre.csv) with the run's size, an optional loss column
 * (a positive number of nats on every row) and an optional step column (checkpoints; an empty step
 * is a finished run). Rows are grouped into tasks as curve fits group them (task, subtask, metric,
 * or --group).
 */
import { groupLabel } from '../../core/curve-fit/group-scores.js';
import { detectScoreScale } from '../../core/curve-fit/score-scale.js';
import type { LadderPoint, LadderTask } from '../../core/forecast/index.js';
import { InputError } from '../../errors.js';
import { findColumns, type CsvSource } from '../../io/csv-input.js';
import { COMPUTE, PARAMS, TOKENS, parseFileQuantity, quoteUserText, type Range } from '../../io/numbers.js';
import { findScoreColumns } from '../../io/score-columns.js';
import { groupColumnIndexes, optionalNumber } from './curve-input.js';
import { LOSS } from './law-input.js';

const STEP: Range = { min: 0, max: 1e15, what: 'a training step', example: '1000' };
const STEP_ALIASES = ['step', 'checkpoint_step'];

export interface LadderInput {
  file: string;
  tasks: LadderTask[];
  /** Line of each task's first row, for messages. */
  firstLine: Map<string, number>;
  /** Data rows read. */
  rows: number;
  hasLoss: boolean;
  hasStep: boolean;
  /** Rows left out for an empty size or score cell. */
  skippedRows: number;
  /** Things to tell the user (rescaled scores, differing baselines). */
  notes: string[];
}

interface PendingTask {
  id: string;
  line: number;
  points: Map<string, LadderPoint & { n: number }>;
  baselines: number[];
}

/**
 * Reads every row.
 * @throws InputError naming the file and line: a missing column, a cell that is not a number, a loss
 *   that is not a positive number, scores that are not scores
 */
export async function readLadder(csv: CsvSource, explicit: Record<string, string>, group: string | undefined): Promise<LadderInput> {
  const { file, header } = csv;
  const columns = findScoreColumns(header, explicit);
  const loss = findColumns(header, ['loss'], explicit).loss;
  const lower = header.map((h) => h.trim().toLowerCase());
  const step = explicit.step !== undefined ? lower.indexOf(explicit.step.toLowerCase()) : STEP_ALIASES.map((a) => lower.indexOf(a)).find((i) => i >= 0);
  const headerText = quoteUserText(header.join(','));
  const need = (what: string): never => {
    throw new InputError(file, 1, `no ${what} in the header ${headerText}; name it with --columns`);
  };
  if (columns.score === undefined) need('score column (score, accuracy)');
  if (columns.params === undefined) need('params column (params, N, model_size): a forecast needs each run\'s size');
  if (columns.tokens === undefined && columns.compute === undefined) need('tokens column (tokens, training_tokens), nor compute to derive it');
  const stepColumn = step !== undefined && step >= 0 ? step : undefined;
  if (stepColumn !== undefined && columns.model === undefined) need('model column naming each run (a step column marks checkpoints of runs)');
  const groupColumns = groupColumnIndexes(file, header, columns, group);
  const name = (index: number): string => header[index]!;

  const pending = new Map<string, PendingTask>();
  let rows = 0;
  let skippedRows = 0;
  for await (const { cells, line } of csv.records) {
    rows++;
    const quantity = (index: number, range: Range): number => parseFileQuantity(cells[index], range, { file, line, field: name(index) });
    const empty = (index: number | undefined): boolean => index !== undefined && cells[index] === '';
    if (empty(columns.params) || empty(columns.score) || (columns.tokens !== undefined ? empty(columns.tokens) : empty(columns.compute))) {
      skippedRows++;
      continue;
    }
    const params = quantity(columns.params!, PARAMS);
    const given = columns.compute !== undefined && cells[columns.compute] !== '' ? quantity(columns.compute, COMPUTE) : undefined;
    const tokens = columns.tokens !== undefined ? quantity(columns.tokens, TOKENS) : given! / (6 * params);
    const point: LadderPoint & { n: number } = { run: '', params, tokens, compute: given ?? 6 * params * tokens, score: optionalNumber(file, line, name(columns.score!), cells[columns.score!]!)!, line, n: 1 };
    if (loss !== undefined) point.loss = quantity(loss, LOSS);
    if (stepColumn !== undefined && cells[stepColumn] !== '') point.step = quantity(stepColumn, STEP);
    point.run = columns.model !== undefined && cells[columns.model] !== '' ? cells[columns.model]! : `${params}/${tokens}`;
    const groupValues: Record<string, string> = {};
    for (const [key, index] of groupColumns) groupValues[key] = cells[index]!;
    const id = groupLabel(groupValues);
    let task = pending.get(id);
    if (!task) pending.set(id, (task = { id, line, points: new Map(), baselines: [] }));
    const key = `${point.run}\u0000${point.step ?? ''}`;
    const seen = task.points.get(key);
    if (seen) {
      seen.score += point.score;
      seen.n++;
    } else {
      task.points.set(key, point);
    }
    if (columns.baseline !== undefined) {
      const baseline = optionalNumber(file, line, name(columns.baseline), cells[columns.baseline]!);
      if (baseline !== undefined) task.baselines.push(baseline);
    }
  }
  if (rows === 0) throw new InputError(file, undefined, 'has a header but no rows of scores');

  const notes: string[] = [];
  const tasks: LadderTask[] = [];
  const firstLine = new Map<string, number>();
  for (const task of pending.values()) {
    const points = [...task.points.values()].map(({ n, ...p }) => ({ ...p, score: p.score / n }));
    const scale = detectScoreScale(points.map((p) => p.score), task.id);
    if (!scale.ok) throw new InputError(file, task.line, scale.message);
    if (scale.note) notes.push(scale.note);
    const ladderTask: LadderTask = { id: task.id, points: points.map((p) => ({ ...p, score: p.score * scale.factor })) };
    if (task.baselines.length > 0) {
      const mean = task.baselines.reduce((s, b) => s + b, 0) / task.baselines.length;
      if (task.baselines.some((b) => b !== task.baselines[0])) notes.push(`${task.id}: rows give different random baselines; using their mean, ${mean * scale.factor}`);
      ladderTask.baseline = mean * scale.factor;
      if (!(ladderTask.baseline >= 0 && ladderTask.baseline < 1)) throw new InputError(file, task.line, `${task.id}: a random baseline of ${ladderTask.baseline} is not a score below 1 (on the scale of its scores)`);
    }
    tasks.push(ladderTask);
    firstLine.set(task.id, task.line);
  }
  return { file, tasks, firstLine, rows, hasLoss: loss !== undefined, hasStep: stepColumn !== undefined, skippedRows, notes };
}
