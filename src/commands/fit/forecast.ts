/**
 * `emerge fit` for a ladder of runs: each task's score forecast from the run's size, through its
 * loss in two steps or from its compute in one (src/core/forecast), with intervals calibrated on
 * the fit's own back-tests, an optional holdout (--holdout-above) and the forecast file (--output).
 */
import { fitChinchillaLaw } from '../../core/fit/law-fit.js';
import { DEFAULT_LEVEL, WIDTH_OFFSET, finishedRuns, fitForecast, forecastSpec, holdoutForecast, type ForecastFitOptions, type ForecastModel, type Holdout, type LawFitter, type Via } from '../../core/forecast/index.js';
import { FitError, InputError, UsageError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { parseFlagQuantity, type Range } from '../../io/numbers.js';
import type { FitOptions } from '../../options/fit.js';
import { fitChinchillaLawParallel } from '../../parallel/law-fit-pool.js';
import { csvDocument } from '../../render/csv.js';
import { forecastCsvHeader, forecastCsvRows, forecastDocument } from '../../render/forecast-fit-record.js';
import { renderForecastHoldout, renderForecastSummary, renderForecastTable } from '../../render/forecast-fit-view.js';
import { toJson } from '../../render/json.js';
import { createPalette } from '../../render/palette.js';
import type { Picture } from '../../render/plot/chart.js';
import { forecastPicture } from '../../render/plot/forecast-plot.js';
import { writePicture } from '../shared/plot.js';
import type { CommandContext } from '../context.js';
import { readLadder, type LadderInput } from '../../api/fit/forecast-input.js';
import { writeForecastFile } from './forecast-output.js';
import { checkConverged } from './law.js';
import { lawSettings } from './law-settings.js';
import type { CommonFitSettings } from './settings.js';

const LEVEL: Range = { min: 0, exclusiveMin: true, max: 0.99, what: 'an interval level', example: '0.8' };
const OFFSET: Range = { min: 0, exclusiveMin: true, max: 10, what: 'a width offset in decades', example: '0.25' };

/**
 * The multi-start law fit: over worker threads when it is large (runs × starts ≥ 50,000, a few tenths
 * of a second in one thread: the main fit and the first back-test refit of a large ladder, which then
 * run while this thread fits curves), in this thread otherwise, where starting workers would cost
 * more than they save.
 */
const fitLaw: LawFitter = (runs, grid) => (runs.length * grid.size >= 50_000 ? fitChinchillaLawParallel(runs, { grid }) : Promise.resolve(fitChinchillaLaw(runs, { grid })));

export async function runForecastFit(csv: CsvSource, options: FitOptions, common: CommonFitSettings, explicit: Record<string, string>, ctx: CommandContext): Promise<void> {
  const law = await lawSettings(options, csv.file === 'stdin' ? '-' : csv.file, ctx);
  const level = options.level === undefined ? DEFAULT_LEVEL : parseFlagQuantity('--level', options.level, LEVEL);
  const intervalOffset = options.intervalOffset === undefined ? WIDTH_OFFSET : parseFlagQuantity('--interval-offset', options.intervalOffset, OFFSET);
  const input = await readLadder(csv, explicit, options.group);
  const via: Via = options.via ?? (input.hasLoss ? 'loss' : 'compute');
  if (via === 'loss' && !input.hasLoss) throw new UsageError(`--via loss: ${input.file} has no loss column; forecast from compute with --via compute, or name the loss with --columns loss=...`);
  for (const note of input.notes) ctx.warn(note);
  if (input.skippedRows > 0) ctx.warn(`${input.file}: ${input.skippedRows} of ${input.rows} rows with an empty size or score are left out`);
  // Without --grid, the default grid for the number of runs (src/core/forecast/loss-laws.ts forecastGrid).
  const gridName = options.grid === undefined ? 'default' : law.gridName;
  const settings: Partial<ForecastFitOptions> = { via, level, intervalOffset, intervals: options.intervals ?? 'pooled', fitLaw, ...(options.grid === undefined ? {} : { grid: law.grid }) };

  ctx.progress('fitting the forecast');
  const model = await fitWithFile(input, () => fitForecast(input.tasks, settings));
  ctx.progress('');
  if (model.lawFit) checkConverged(model.lawFit, input.file, common.allowUnconverged, ctx, 'the loss law');
  for (const [id, fit] of model.taskLawFits) checkConverged(fit, input.file, common.allowUnconverged, ctx, `the loss law of ${id}`);
  for (const { id, reason } of model.skipped) ctx.warn(`${input.file}:${input.firstLine.get(id)}: ${id}: ${reason}; left out`);
  if (via === 'auto' && model.lossScope === 'none') ctx.warn('--via auto: without a loss column every task is forecast from compute');

  let holdout: Holdout | undefined;
  if (law.holdoutAbove !== undefined) {
    ctx.progress('back-test');
    holdout = await fitWithFile(input, () => holdoutForecast(input.tasks, law.holdoutAbove!, settings), '--holdout-above: ');
    ctx.progress('');
    if (holdout.model.lawFit) checkConverged(holdout.model.lawFit, input.file, common.allowUnconverged, ctx, 'the back-test loss law');
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
  if (common.output !== undefined) writeForecastFile(common.output, model, doc);
  if (common.plot) await writePicture(common.plot, forecastPictureOf(input, holdout ? holdout.model : model, law.holdoutAbove));
  if (common.format === 'json') return ctx.out.write(toJson(doc));
  if (common.format === 'csv') return ctx.out.write(csvDocument(forecastCsvHeader(holdout !== undefined), forecastCsvRows(doc)));
  const palette = createPalette(ctx.color);
  const blocks = [`${renderForecastSummary(doc)}\n\n${renderForecastTable(doc, palette)}`];
  if (holdout) blocks.push(renderForecastHoldout(doc, palette));
  await ctx.out.write(`${blocks.join('\n\n')}\n`);
}

/** The picture of the forecast (or, with --holdout-above, of its back-test): a panel per fitted task. */
function forecastPictureOf(input: LadderInput, model: ForecastModel, cutoff: number | undefined): Picture {
  const spec = forecastSpec(model, input.file);
  const panels = spec.tasks.map((task) => {
    const runs = finishedRuns(input.tasks.find((t) => t.id === task.id)!.points).map((p) => ({ compute: p.compute, score: p.score }));
    return { id: task.id, fitted: runs.filter((r) => cutoff === undefined || r.compute <= cutoff), heldOut: runs.filter((r) => cutoff !== undefined && r.compute > cutoff) };
  });
  return forecastPicture(spec, panels, { file: input.file, ...(cutoff === undefined ? {} : { cutoff }) });
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
