/**
 * Training runs from a CSV: parameters, tokens (or compute, with D = C/(6N)), final loss, and the
 * line of each run for messages. Every value must be a finite number > 0.
 */
import { MIN_RUNS } from '../../core/fit/law-fit.js';
import type { TrainingRun } from '../../core/fit/law-objective.js';
import { InputError } from '../../errors.js';
import { findColumns, type CsvSource } from '../../io/csv-input.js';
import { COMPUTE, PARAMS, TOKENS, parseFileQuantity, quoteUserText, type Range } from '../../io/numbers.js';

export const LOSS: Range = { min: 0, exclusiveMin: true, max: 100, what: 'a loss in nats per token', example: '2.5' };

export interface RunsInput {
  file: string;
  runs: TrainingRun[];
  /** Line of each run in the file. */
  lines: number[];
  /** Name of each run ('' when the file has no name column). */
  names: string[];
  /** How N and D were obtained, e.g. "tokens = compute/(6·params)", for the report. */
  derived?: string;
  /** Runs left out by --exclude-top-loss, highest loss first. */
  excluded: { line: number; loss: number }[];
}

/**
 * Reads every run.
 * @throws InputError for a missing column or a cell that is not a finite number > 0 (file and line)
 */
export async function readRuns(csv: CsvSource, explicit: Record<string, string>): Promise<RunsInput> {
  const { file, header } = csv;
  const columns = findColumns(header, ['params', 'tokens', 'compute', 'loss', 'name'], explicit);
  const headerText = quoteUserText(header.join(','));
  const need = (what: string): never => {
    throw new InputError(file, 1, `no ${what} in the header ${headerText}; name it with --columns`);
  };
  if (columns.loss === undefined) need('loss column (loss, L, final_loss)');
  const hasN = columns.params !== undefined;
  const hasD = columns.tokens !== undefined;
  const hasC = columns.compute !== undefined;
  if (!hasN && !(hasD && hasC)) need('params column (params, N, model_size), nor tokens and compute to derive it');
  if (!hasD && !(hasN && hasC)) need('tokens column (tokens, D, training_tokens), nor compute to derive it');
  const name = (key: string): string => header[columns[key]!]!;
  const derived = !hasD ? `tokens = ${name('compute')}/(6·${name('params')})` : !hasN ? `params = ${name('compute')}/(6·${name('tokens')})` : undefined;

  const runs: TrainingRun[] = [];
  const lines: number[] = [];
  const names: string[] = [];
  for await (const { cells, line } of csv.records) {
    const value = (key: string, range: Range): number => parseFileQuantity(cells[columns[key]!], range, { file, line, field: name(key) });
    const loss = value('loss', LOSS);
    const compute = hasC ? value('compute', COMPUTE) : undefined;
    const params = hasN ? value('params', PARAMS) : compute! / (6 * value('tokens', TOKENS));
    const tokens = hasD ? value('tokens', TOKENS) : compute! / (6 * params);
    for (const [key, v, range] of [['params', params, PARAMS], ['tokens', tokens, TOKENS]] as const) {
      if (!(Number.isFinite(v) && v >= range.min && v <= range.max)) throw new InputError(file, line, `the derived ${key}, ${v}, is not ${range.what}`);
    }
    const run: TrainingRun = { params, tokens, loss };
    if (compute !== undefined) run.compute = compute;
    runs.push(run);
    lines.push(line);
    names.push(columns.name !== undefined ? cells[columns.name]! : '');
  }
  const input: RunsInput = { file, runs, lines, names, excluded: [] };
  if (derived) input.derived = derived;
  return input;
}

/**
 * Leaves out the k runs with the highest loss (of equal losses, the earlier line first), then checks that what is left can be fitted: at least MIN_RUNS runs, not all with the
 * same loss.
 * @throws InputError naming the file
 */
export function excludeTopLoss(input: RunsInput, k: number): RunsInput {
  if (input.runs.length === 0) throw new InputError(input.file, undefined, 'has a header but no runs');
  const order = input.runs.map((_, i) => i).sort((i, j) => input.runs[j]!.loss - input.runs[i]!.loss || input.lines[i]! - input.lines[j]!);
  if (k >= input.runs.length) throw new InputError(input.file, undefined, `--exclude-top-loss ${k} would leave none of its ${input.runs.length} runs`);
  const drop = new Set(order.slice(0, k));
  const keep = (_: unknown, i: number): boolean => !drop.has(i);
  const result: RunsInput = {
    ...input,
    runs: input.runs.filter(keep),
    lines: input.lines.filter(keep),
    names: input.names.filter(keep),
    excluded: order.slice(0, k).map((i) => ({ line: input.lines[i]!, loss: input.runs[i]!.loss })),
  };
  checkFittable(result, k);
  return result;
}

function checkFittable(input: RunsInput, excluded: number): void {
  const n = input.runs.length;
  const after = excluded > 0 ? ` after leaving out ${excluded}` : '';
  if (n === 0) throw new InputError(input.file, undefined, 'has a header but no runs');
  if (n < MIN_RUNS) throw new InputError(input.file, undefined, `too few runs to fit a scaling law: ${n}${after} (need at least ${MIN_RUNS} for 5 constants)`);
  const first = input.runs[0]!.loss;
  if (input.runs.every((run) => run.loss === first)) throw new InputError(input.file, undefined, `all ${n} runs${after} have the same loss (${first}): nothing to fit`);
}
