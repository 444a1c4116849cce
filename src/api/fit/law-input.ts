/**
 * Training runs from a CSV: parameters, tokens (or compute, with D = C/(6N)), final loss, and the
 * line of each run for messages. Every value must be a finite number > 0.
 */
import { excludeTopLoss, validateRuns } from '../../core/fit/law-fit.js';
import type { TrainingRun } from '../../core/fit/law-objective.js';
import { FitError, InputError } from '../../errors.js';
import { findColumns, type CsvSource } from '../../io/csv-input.js';
import { COMPUTE, PARAMS, TOKENS, parseFileQuantity, quoteUserText, type Range } from '../../io/numbers.js';
import { formatSci } from '../../render/format.js';
import { runGrouping } from './law-clusters.js';

export const LOSS: Range = { min: 0, exclusiveMin: true, max: 100, what: 'a loss in nats per token', example: '2.5' };

/** A training run and where it came from. */
export interface LinedRun extends TrainingRun {
  /** Line of the run in the file. */
  line: number;
  /** The run this row is a checkpoint of, when a run or step column tells (law-clusters.ts). */
  run?: string;
}

export interface RunsInput {
  file: string;
  runs: LinedRun[];
  /** How N or D was obtained, e.g. "tokens = compute/(6·params)", for the report. */
  derived?: string;
  /** Runs left out by --exclude-top-loss, highest loss first. */
  excluded: { line: number; loss: number }[];
  /** How rows were grouped into runs for the bootstrap (law-clusters.ts), when they were. */
  groupedBy?: string;
}

/**
 * Reads every run.
 * @throws InputError for a missing column or a cell that is not a finite number > 0 (file and line)
 */
export async function readRuns(csv: CsvSource, explicit: Record<string, string>): Promise<RunsInput> {
  const { file, header } = csv;
  const columns = findColumns(header, ['params', 'tokens', 'compute', 'loss'], explicit);
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
  const grouping = runGrouping(file, header);

  const runs: LinedRun[] = [];
  for await (const { cells, line } of csv.records) {
    const value = (key: string, range: Range): number => parseFileQuantity(cells[columns[key]!], range, { file, line, field: name(key) });
    const loss = value('loss', LOSS);
    const compute = hasC ? value('compute', COMPUTE) : undefined;
    const params = hasN ? value('params', PARAMS) : compute! / (6 * value('tokens', TOKENS));
    const tokens = hasD ? value('tokens', TOKENS) : compute! / (6 * params);
    for (const [key, v, range] of [['params', params, PARAMS], ['tokens', tokens, TOKENS]] as const) {
      if (!(Number.isFinite(v) && v >= range.min && v <= range.max)) throw new InputError(file, line, `the derived ${key}, ${formatSci(v)}, is not ${range.what}`);
    }
    const run: LinedRun = { params, tokens, loss, line };
    if (compute !== undefined) run.compute = compute;
    if (grouping) run.run = grouping.keyOf(cells, line, params);
    runs.push(run);
  }
  const input: RunsInput = { file, runs, excluded: [] };
  if (derived) input.derived = derived;
  if (grouping) input.groupedBy = grouping.description;
  return input;
}

/**
 * Leaves out the k runs with the highest loss (core excludeTopLoss), then checks that what is left
 * can be fitted (core validateRuns: at least MIN_RUNS runs, not all with the same loss).
 * @throws InputError naming the file (and the line, for a bad run)
 */
export function fittableRuns(input: RunsInput, k: number): RunsInput {
  const n = input.runs.length;
  if (n === 0) throw new InputError(input.file, undefined, 'has a header but no runs');
  if (k >= n) throw new InputError(input.file, undefined, `--exclude-top-loss ${k} would leave none of its ${n} runs`);
  const runs = excludeTopLoss(input.runs, k);
  const kept = new Set(runs);
  const excluded = input.runs.filter((run) => !kept.has(run)).sort((x, y) => y.loss - x.loss || x.line - y.line);
  try {
    validateRuns(runs);
  } catch (error) {
    if (!(error instanceof FitError)) throw error;
    const run = /^run (\d+): (.*)$/.exec(error.message);
    if (run) throw new InputError(input.file, runs[Number(run[1]) - 1]!.line, run[2]!);
    throw new InputError(input.file, undefined, k > 0 ? `${error.message} after leaving out ${k}` : error.message);
  }
  return { ...input, runs, excluded: excluded.map((r) => ({ line: r.line, loss: r.loss })) };
}
