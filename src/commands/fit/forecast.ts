/**
 * `emerge fit` for a ladder of runs: the forecast of src/api/fit/forecast.ts (each task's score from
 * the run's size, its intervals, the holdout, the document), rendered as a table, JSON or CSV, with a
 * picture and the forecast file (--output).
 */
import { fitForecastLadder } from '../../api/fit/forecast.js';
import type { LadderInput } from '../../api/fit/forecast-input.js';
import { finishedRuns, forecastSpec, type ForecastModel } from '../../core/forecast/index.js';
import type { CsvSource } from '../../io/csv-input.js';
import type { FitOptions } from '../../options/fit.js';
import { csvDocument } from '../../render/csv.js';
import { forecastCsvHeader, forecastCsvRows } from '../../render/forecast-fit-record.js';
import { renderForecastHoldout, renderForecastSummary, renderForecastTable } from '../../render/forecast-fit-view.js';
import { toJson } from '../../render/json.js';
import { createPalette } from '../../render/palette.js';
import type { Picture } from '../../render/plot/chart.js';
import { forecastPicture } from '../../render/plot/forecast-plot.js';
import { writePicture } from '../shared/plot.js';
import type { CommandContext } from '../context.js';
import { writeForecastFile } from './forecast-output.js';
import { gridOption } from './law-settings.js';
import { cliHooks, type CommonFitSettings } from './settings.js';

export async function runForecastFit(csv: CsvSource, options: FitOptions, common: CommonFitSettings, explicit: Record<string, string>, ctx: CommandContext): Promise<void> {
  const grid = await gridOption(options, csv.file === 'stdin' ? '-' : csv.file, ctx);
  const { doc, model, holdout, input, cutoff } = await fitForecastLadder(csv, explicit, { ...options, grid, ...cliHooks(ctx) });
  if (common.output !== undefined) writeForecastFile(common.output, model, doc);
  if (common.plot) await writePicture(common.plot, forecastPictureOf(input, holdout ? holdout.model : model, cutoff));
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
