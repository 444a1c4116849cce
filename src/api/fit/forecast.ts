/**
 * Forecasts of task scores from a ladder of runs: each task's score from the run's size, through its
 * loss in two steps or from its compute in one (src/core/forecast), with intervals calibrated on the
 * fit's own back-tests and an optional holdout. `emerge fit` (forecast) renders what
 * `fitForecastLadder` returns; `fitForecast` is the same fit for rows given as objects.
 */
import { fitChinchillaLaw } from '../../core/fit/law-fit.js';
import { DEFAULT_LEVEL, INTERVAL_SCALINGS, VIAS, WIDTH_OFFSET, finishedRuns, fitForecast as fitLadder, holdoutForecast, type ForecastFitOptions, type ForecastModel, type Holdout, type IntervalScaling, type LawFitter, type Via } from '../../core/forecast/index.js';
import { FitError, InputError, UsageError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { describeValue, type Range } from '../../io/numbers.js';
import { checkFields } from '../check.js';
import { rowSource, type Row } from '../../io/row-source.js';
import { fitChinchillaLawParallel } from '../../parallel/law-fit-pool.js';
import { forecastDocument, type ForecastDocument } from '../../render/forecast-fit-record.js';
import { decideKind, parseColumnMap, type ColumnMap } from './columns.js';
import { readLadder, type LadderInput } from './forecast-input.js';
import { checkConverged } from './law.js';
import { lawSettings, type GridStarts } from './law-settings.js';
import { asJson, flagQuantity, progresser, warner, type FitHooks, type FlagValue } from './settings.js';

const LEVEL: Range = { min: 0, exclusiveMin: true, max: 0.99, what: 'an interval level', example: '0.8' };
const OFFSET: Range = { min: 0, exclusiveMin: true, max: 10, what: 'a width offset in decades', example: '0.25' };

/**
 * The multi-start law fit: over worker threads when it is large (runs × starts ≥ 50,000, a few tenths
 * of a second in one thread: the main fit and the first back-test refit of a large ladder, which then
 * run while this thread fits curves), in this thread otherwise, where starting workers would cost
 * more than they save.
 */
const fitLaw: LawFitter = (runs, grid) => (runs.length * grid.size >= 50_000 ? fitChinchillaLawParallel(runs, { grid }) : Promise.resolve(fitChinchillaLaw(runs, { grid })));

/** Options of {@link fitForecast}: the forecast flags of `emerge fit --kind forecast`, camelCase, numbers as numbers. */
export interface FitForecastOptions extends FitHooks {
  /** How a size becomes a score (`--via`): loss (two steps), compute (one), auto (per task, the lower back-test error). Default loss with a loss column, else compute. */
  via?: Via;
  /** Level of the prediction intervals (`--level`), in (0, 0.99]. Default 0.8. */
  level?: number;
  /** d0 of the interval width w(d) = √(d0 + max(d, 0)) at d decades beyond the largest fitted run (`--interval-offset`). Default 0.25. */
  intervalOffset?: number;
  /** One interval width for every task (pooled) or widths in proportion to each task's RMSE (scaled) (`--intervals`). Default pooled. */
  intervals?: IntervalScaling;
  /** Starts of the loss law's multi-start search (`--grid`). Default: a grid chosen by the number of runs: 4,500 starts up to 11 runs, 972 up to 51, 243 beyond. */
  grid?: 'standard' | 'coarse' | GridStarts;
  /** Back-test (`--holdout-above`): fit the runs at or below this compute in FLOPs, forecast the rest. */
  holdoutAbove?: number;
  /** Forecast one task per combination of these columns (`--group`, comma-separated or a list). Default task, subtask, metric, those present. */
  group?: string | readonly string[];
  /** Return loss laws that did not converge, with a warning, instead of throwing FitError (`--allow-unconverged`). */
  allowUnconverged?: boolean;
  /** Which column holds what (`--columns`), for headers not recognised by name. */
  columns?: ColumnMap;
  /** The name of the rows in messages and in the document's `file`, where the CLI puts the path. Default "ladder". */
  source?: string;
}

const FIT_FORECAST_FIELDS: Record<keyof FitForecastOptions, true> = { via: true, level: true, intervalOffset: true, intervals: true, grid: true, holdoutAbove: true, group: true, allowUnconverged: true, columns: true, source: true, onWarning: true, onProgress: true };

/** The options as the CLI hands them over: numeric flags may be their text. */
export type ForecastFitRequest = { [K in keyof FitForecastOptions]: FitForecastOptions[K] extends number | undefined ? FlagValue | undefined : FitForecastOptions[K] };

/** Everything a forecast fit produced: the document, and what the CLI draws and writes from. */
export interface ForecastFitting {
  doc: ForecastDocument;
  model: ForecastModel;
  holdout: Holdout | undefined;
  input: LadderInput;
  cutoff: number | undefined;
}

/**
 * Forecasts each task's score from a ladder of training runs. Two steps (Gadre et al. 2024): the
 * loss L(N, D) = E + A/N^α + B/D^β fitted to the runs, then `score = floor + (ceiling − floor)·σ(−k·(L
 * − L0))`; or one step, `score = floor + (ceiling − floor)·σ(k·(log10 C − log10 C0))` in training
 * FLOPs C. Prediction intervals at `level`, calibrated on the fit's own back-tests (conformal), grow
 * with the decades beyond the largest run.
 *
 * Returns exactly what `emerge fit FILE --kind forecast --format json` prints, parsed (non-finite
 * numbers are null). Lines in messages count as in a CSV file of the rows: line 1 is the header,
 * `rows[i]` is line i + 2. Warnings (rescaled scores, tasks left out) go to `onWarning`; without it
 * they are dropped — the document's `skipped` lists the tasks left out.
 * @param rows one per run, task and checkpoint: params, tokens (or compute), score, and optionally
 *   loss (nats), model (the run) and step, e.g. `{ task: 'arc_easy', model: 'r1', params: 4.1e8,
 *   tokens: 8.2e9, loss: 3.3, score: 0.48 }`
 * @throws UsageError for a bad option, naming the flag as the CLI does
 * @throws InputError for a missing column or a bad value, naming `source` and the line
 * @throws FitError when the loss law does not converge (unless `allowUnconverged`) or nothing can be forecast
 * @example
 * const doc = await fitForecast(ladder, { via: 'loss', holdoutAbove: 1e21 });
 * doc.tasks.map((t) => [t.id, t.chosen_by]);
 */
export async function fitForecast(rows: readonly Row[], options: FitForecastOptions = {}): Promise<ForecastDocument> {
  checkFields(options, FIT_FORECAST_FIELDS, 'fitForecast');
  const explicit = parseColumnMap(options.columns);
  const csv = rowSource(rows, options.source ?? 'ladder');
  decideKind(csv.file, csv.header, explicit, 'forecast');
  return asJson((await fitForecastLadder(csv, explicit, options)).doc);
}

/**
 * The forecast of the ladder of `csv` (a CSV file or rows): checks the settings, reads the runs,
 * fits, back-tests, and builds the document.
 * @throws UsageError naming the flag; InputError for a bad row; FitError for a fit that failed
 */
export async function fitForecastLadder(csv: CsvSource, explicit: Record<string, string>, options: ForecastFitRequest): Promise<ForecastFitting> {
  const warn = warner(options);
  const progress = progresser(options);
  const law = lawSettings({ grid: options.grid, holdoutAbove: options.holdoutAbove }, warn);
  const level = options.level === undefined ? DEFAULT_LEVEL : flagQuantity('--level', options.level, LEVEL);
  const intervalOffset = options.intervalOffset === undefined ? WIDTH_OFFSET : flagQuantity('--interval-offset', options.intervalOffset, OFFSET);
  if (options.via !== undefined && !VIAS.includes(options.via)) throw new UsageError(`--via: ${describeValue(options.via)} is not one of ${VIAS.join(', ')}`);
  if (options.intervals !== undefined && !INTERVAL_SCALINGS.includes(options.intervals)) throw new UsageError(`--intervals: ${describeValue(options.intervals)} is not one of ${INTERVAL_SCALINGS.join(', ')}`);
  const allow = options.allowUnconverged === true;
  const group = options.group === undefined || typeof options.group === 'string' ? options.group : options.group.join(',');
  const input = await readLadder(csv, explicit, group);
  const via: Via = options.via ?? (input.hasLoss ? 'loss' : 'compute');
  if (via === 'loss' && !input.hasLoss) throw new UsageError(`--via loss: ${input.file} has no loss column; forecast from compute with --via compute, or name the loss with --columns loss=...`);
  for (const note of input.notes) warn(note);
  if (input.skippedRows > 0) warn(`${input.file}: ${input.skippedRows} of ${input.rows} rows with an empty size or score are left out`);
  // Without --grid, the default grid for the number of runs (src/core/forecast/loss-laws.ts forecastGrid).
  const gridName = options.grid === undefined ? 'default' : law.gridName;
  const settings: Partial<ForecastFitOptions> = { via, level, intervalOffset, intervals: options.intervals ?? 'pooled', fitLaw, ...(options.grid === undefined ? {} : { grid: law.grid }) };

  progress(0, 1, 'forecast');
  const model = await fitWithFile(input, () => fitLadder(input.tasks, settings));
  progress(1, 1, 'forecast');
  if (model.lawFit) checkConverged(model.lawFit, input.file, allow, warn, 'the loss law');
  for (const [id, fit] of model.taskLawFits) checkConverged(fit, input.file, allow, warn, `the loss law of ${id}`);
  for (const { id, reason } of model.skipped) warn(`${input.file}:${input.firstLine.get(id)}: ${id}: ${reason}; left out`);
  if (via === 'auto' && model.lossScope === 'none') warn('--via auto: without a loss column every task is forecast from compute');

  let holdout: Holdout | undefined;
  if (law.holdoutAbove !== undefined) {
    progress(0, 1, 'back-test');
    holdout = await fitWithFile(input, () => holdoutForecast(input.tasks, law.holdoutAbove!, settings), '--holdout-above: ');
    progress(1, 1, 'back-test');
    if (holdout.model.lawFit) checkConverged(holdout.model.lawFit, input.file, allow, warn, 'the back-test loss law');
  }

  const finished = finishedRuns(input.tasks.flatMap((t) => t.points));
  const doc = forecastDocument(model, holdout, {
    file: input.file,
    rows: input.rows,
    runs: finished.length,
    computeRange: [finished[0]!.compute, finished[finished.length - 1]!.compute],
    checkpoints: input.hasStep,
    via,
    gridName,
  });
  return { doc, model, holdout, input, cutoff: law.holdoutAbove };
}

/** Runs a fit, naming the file in the errors the core throws without one. */
async function fitWithFile<T>(input: LadderInput, fit: () => Promise<T>, prefix = ''): Promise<T> {
  try {
    return await fit();
  } catch (error) {
    if (error instanceof FitError) throw new FitError(`${input.file}: ${prefix}${error.message}`);
    if (error instanceof RangeError) throw new InputError(input.file, undefined, `${prefix}${error.message}`);
    throw error;
  }
}
