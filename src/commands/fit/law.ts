/**
 * `emerge fit` for training runs: the fit of src/api/fit/law.ts (the scaling law, its bootstrap and
 * back-test, the document), rendered as a table, JSON or CSV, with a chart, a picture and the law as
 * a YAML file (--output).
 */
import { fitLawRuns, lawFitSettings } from '../../api/fit/law.js';
import { runCompute } from '../../core/fit/backtest.js';
import { fittedLaw } from '../../core/fit/law-fit.js';
import type { CsvSource } from '../../io/csv-input.js';
import type { FitOptions } from '../../options/fit.js';
import { csvDocument } from '../../render/csv.js';
import { renderLawChart } from '../../render/fit-law-chart.js';
import { LAW_CSV_HEADER, lawCsvRows } from '../../render/fit-law-record.js';
import { renderLawBacktest, renderLawFields, renderLawSummary, renderLawTable } from '../../render/fit-law-view.js';
import { toJson } from '../../render/json.js';
import { lawPicture } from '../../render/plot/law-plot.js';
import { createPalette } from '../../render/palette.js';
import type { CommandContext } from '../context.js';
import { writePicture } from '../shared/plot.js';
import { writeLawFile } from './law-output.js';
import { gridOption } from './law-settings.js';
import { cliHooks, warnChartFormat, type CommonFitSettings } from './settings.js';

export async function runLawFit(csv: CsvSource, options: FitOptions, common: CommonFitSettings, explicit: Record<string, string>, ctx: CommandContext): Promise<void> {
  const hooks = cliHooks(ctx);
  const grid = await gridOption(options, csv.file === 'stdin' ? '-' : csv.file, ctx);
  const { settings, common: fitCommon } = lawFitSettings({ ...options, grid, ...hooks });
  warnChartFormat(common, ctx);
  const { doc, fit, input } = await fitLawRuns(csv, explicit, settings, fitCommon, hooks);

  if (common.output !== undefined) writeLawFile(common.output, doc, fit);
  const chartRuns = input.runs.map((r) => ({ ...r, compute: runCompute(r) }));
  if (common.plot) await writePicture(common.plot, lawPicture(fittedLaw(fit), chartRuns, { file: input.file, cutoff: settings.holdoutAbove, atCompute: settings.atCompute }));

  if (common.format === 'json') return ctx.out.write(toJson(doc));
  if (common.format === 'csv') return ctx.out.write(csvDocument(LAW_CSV_HEADER, lawCsvRows(doc)));
  const palette = createPalette(ctx.color);
  const blocks = [`${renderLawSummary(doc)}\n\n${renderLawTable(doc)}\n${renderLawFields(doc, palette)}`];
  if (doc.backtest) blocks.push(renderLawBacktest(doc, palette));
  if (common.chart) {
    const width = Math.max(40, Math.min(64, (ctx.columns ?? 100) - 40));
    blocks.push(renderLawChart(fittedLaw(fit), chartRuns, { width, height: 12, color: ctx.color, cutoff: settings.holdoutAbove, atCompute: settings.atCompute }));
  }
  await ctx.out.write(`${blocks.join('\n\n')}\n`);
}
