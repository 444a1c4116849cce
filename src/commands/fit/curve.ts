/**
 * `emerge fit` for task scores: the fit of src/api/fit/curve.ts (one emergence curve per group, the
 * back-test, the document), rendered as a table, JSON or CSV, with charts, a picture and the
 * thresholds as an ability catalog (--output).
 */
import { curveScores, fitCurveScores, type CurveFitting } from '../../api/fit/curve.js';
import { toX, type CurveResult } from '../../core/curve-fit/index.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { UsageError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { resolveLaw } from '../../io/laws.js';
import type { FitOptions } from '../../options/fit.js';
import { csvDocument } from '../../render/csv.js';
import { renderCurveChart } from '../../render/fit-curve-chart.js';
import { curveCsvHeader, curveCsvRows } from '../../render/fit-curve-record.js';
import { curveTableNotes, renderCurveBacktest, renderCurveSummary, renderCurveTable } from '../../render/fit-curve-view.js';
import { toJson } from '../../render/json.js';
import { curvePicture } from '../../render/plot/curve-plot.js';
import { createPalette } from '../../render/palette.js';
import type { CommandContext } from '../context.js';
import { writePicture } from '../shared/plot.js';
import { writeAbilityCatalog } from './curve-output.js';
import { cliHooks, warnChartFormat, type CommonFitSettings } from './settings.js';

export async function runCurveFit(csv: CsvSource, options: FitOptions, common: CommonFitSettings, explicit: Record<string, string>, ctx: CommandContext): Promise<void> {
  const { law: lawSpec, ...flags } = options;
  const scores = await curveScores(csv, explicit, { ...flags, ...(lawSpec === undefined ? {} : { law: resolveLaw(lawSpec) }) });
  const { input, law } = scores;
  if (common.output !== undefined && input.axis === 'tokens') {
    throw new UsageError('--output: thresholds in tokens do not map onto the catalog\'s threshold_params; fit with --x params, compute or loss');
  }
  warnChartFormat(common, ctx);
  const fitting = await fitCurveScores(scores, cliHooks(ctx), common.output !== undefined);
  const { doc, groups, results, records } = fitting;
  // The curves of the report (as --chart draws them): fitted, and kept (converged or allowed).
  const reported = results.flatMap((result, i) => (result.fitted && records[i]!.threshold !== null ? [{ curve: result, points: groups[i]!.points }] : []));

  if (common.output !== undefined) {
    writeAbilityCatalog(common.output, reported.map((r) => r.curve), { axis: input.axis, law, file: input.file, scaleSource: input.scaleSource }, ctx);
  }
  if (common.plot) await writePicture(common.plot, curvePicture(reported, { file: input.file, axis: input.axis }));
  if (common.format === 'json') return ctx.out.write(toJson(doc));
  if (common.format === 'csv') return ctx.out.write(csvDocument(curveCsvHeader(input.groupColumns, doc.backtest !== null), curveCsvRows(doc, input.groupColumns)));
  await ctx.out.write(renderCurveReport(fitting, reported, law, common, ctx));
}

function renderCurveReport({ doc }: CurveFitting, reported: { curve: Extract<CurveResult, { fitted: true }>; points: { scale: number; score: number }[] }[], law: ScalingLaw, common: CommonFitSettings, ctx: CommandContext): string {
  const palette = createPalette(ctx.color);
  const text = [`${renderCurveSummary(doc)}\n\n${renderCurveTable(doc, palette)}\n${palette.dim(curveTableNotes(doc))}`];
  if (doc.backtest) text.push(renderCurveBacktest(doc, palette));
  if (common.chart) {
    const width = Math.max(40, Math.min(64, (ctx.columns ?? 100) - 40));
    for (const { curve, points } of reported) {
      const xy = points.map((p) => ({ x: toX(doc.x, p.scale), y: p.score }));
      text.push(renderCurveChart({ label: curve.label, axis: doc.x, points: xy, params: curve.params, threshold: curve.threshold }, { width, height: 8, color: ctx.color }));
    }
  }
  if (doc.x === 'loss') text.push(palette.dim(`Loss predicted from each model's parameters and tokens under ${law.id}.`));
  return `${text.join('\n\n')}\n`;
}
