/**
 * `emerge fit` for task scores: one emergence curve per group, with bootstrap intervals and a
 * verdict, an optional back-test, and the thresholds as an ability catalog (--output).
 */
import { AXIS_UNITS, backtest, fitEmergenceCurve, groupScores, toX, type Backtest, type CurveResult, type ScaleAxis, type ScoreGroup } from '../../core/curve-fit/index.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { FitError, UsageError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { resolveLaw } from '../../io/laws.js';
import { COMPUTE, PARAMS, TOKENS, parseFlagQuantity, type Range } from '../../io/numbers.js';
import type { FitOptions } from '../../options/fit.js';
import { csvDocument } from '../../render/csv.js';
import { renderCurveChart } from '../../render/fit-curve-chart.js';
import { curveBacktestRecord, curveCsvHeader, curveCsvRows, curveRecord, type CurveDocument, type CurveRecord } from '../../render/fit-curve-record.js';
import { curveTableNotes, renderCurveBacktest, renderCurveSummary, renderCurveTable } from '../../render/fit-curve-view.js';
import { toJson } from '../../render/json.js';
import { curvePicture } from '../../render/plot/curve-plot.js';
import { createPalette } from '../../render/palette.js';
import type { CommandContext } from '../context.js';
import { writePicture } from '../shared/plot.js';
import { writeAbilityCatalog } from './curve-output.js';
import { readScores } from '../../api/fit/curve-input.js';
import { warnChartFormat, type CommonFitSettings } from './settings.js';

const LOSS_CUTOFF: Range = { min: 0, exclusiveMin: true, max: 100, what: 'a loss in nats per token', example: '2.1' };
const CUTOFF_RANGES: Record<ScaleAxis, Range> = { params: PARAMS, compute: COMPUTE, tokens: TOKENS, loss: LOSS_CUTOFF };

export async function runCurveFit(csv: CsvSource, options: FitOptions, common: CommonFitSettings, explicit: Record<string, string>, ctx: CommandContext): Promise<void> {
  const law = resolveLaw(options.law);
  const input = await readScores(csv, { explicit, axis: options.x, law, group: options.group });
  const { axis } = input;
  const cutoff = options.holdoutAbove === undefined ? undefined : parseFlagQuantity('--holdout-above', options.holdoutAbove, CUTOFF_RANGES[axis]);
  if (common.output !== undefined && axis === 'tokens') {
    throw new UsageError('--output: thresholds in tokens do not map onto the catalog\'s threshold_params; fit with --x params, compute or loss');
  }
  warnChartFormat(common, ctx);
  if (options.law !== undefined && axis !== 'loss' && (common.output === undefined || axis === 'params')) {
    ctx.warn(`--law has no effect here: it is used with --x loss, and by --output with --x compute`);
  }
  if (input.missingScale.rows > 0) {
    const models = input.missingScale.models.size;
    ctx.warn(`${input.file}: ${input.missingScale.rows} of ${input.rowCount} rows (${models} model${models === 1 ? '' : 's'}) lack ${input.scaleCells}; they are left out`);
  }

  const groups = groupScores(input.rows);
  const fitOptions = { axis, fitCeiling: options.fitCeiling === true, ignoreBaseline: options.ignoreBaseline === true, bootstrap: common.bootstrap, seed: common.seed };
  const results: CurveResult[] = [];
  for (const [i, group] of groups.entries()) {
    ctx.progress(`fitting curve ${i + 1}/${groups.length}`);
    results.push(fitEmergenceCurve(group, fitOptions));
  }
  ctx.progress('');

  const records = curveRecords(results, common.allowUnconverged, (m) => ctx.warn(m));
  const reported = results.filter((r, i) => r.fitted && records[i]!.threshold !== null);
  if (reported.length === 0) {
    throw new FitError(`${input.file}: no curve could be fitted (${groups.length} group${groups.length === 1 ? '' : 's'}: ${verdictCounts(records)}); see the warnings above`);
  }

  let tested: Backtest | undefined;
  if (cutoff !== undefined) {
    tested = runBacktest(groups, axis, cutoff, fitOptions, ctx);
  }
  const doc: CurveDocument = {
    kind: 'curve',
    x: axis,
    unit: AXIS_UNITS[axis],
    scale_source: input.scaleSource,
    file: input.file,
    bootstrap: common.bootstrap > 0 ? { resamples: common.bootstrap, seed: common.seed, level: 0.95 } : null,
    curves: records,
    backtest: tested ? curveBacktestRecord(tested) : null,
  };

  if (common.output !== undefined) {
    writeAbilityCatalog(common.output, results.filter((r, i) => r.fitted && records[i]!.threshold !== null) as Extract<CurveResult, { fitted: true }>[], { axis, law, file: input.file, scaleSource: input.scaleSource }, ctx);
  }
  if (common.plot) {
    // The curves of the report (as --chart draws them): fitted, and kept (converged or allowed).
    const panels = results.flatMap((result, i) => (result.fitted && records[i]!.threshold !== null ? [{ curve: result, points: groups[i]!.points }] : []));
    await writePicture(common.plot, curvePicture(panels, { file: input.file, axis }));
  }
  if (common.format === 'json') return ctx.out.write(toJson(doc));
  if (common.format === 'csv') return ctx.out.write(csvDocument(curveCsvHeader(input.groupColumns, tested !== undefined), curveCsvRows(doc, input.groupColumns)));
  await ctx.out.write(renderCurveReport(doc, groups, results, records, law, common, ctx));
}

/**
 * The records of all groups, warning about each problem: the groups' notes, why a group has no curve,
 * and curves that did not converge (left out, with no threshold, unless `allowUnconverged`).
 */
export function curveRecords(results: readonly CurveResult[], allowUnconverged: boolean, warn: (message: string) => void): CurveRecord[] {
  return results.map((result) => {
    for (const note of result.notes) warn(note);
    if (!result.fitted) {
      warn(result.reason);
      return curveRecord(result);
    }
    if (!result.converged && !allowUnconverged) {
      const reason = `${result.label}: the sigmoid fit did not converge; left out (--allow-unconverged reports it)`;
      warn(reason);
      return { ...curveRecord(result, 'not-converged', reason), threshold: null };
    }
    return curveRecord(result);
  });
}

function runBacktest(groups: ScoreGroup[], axis: ScaleAxis, cutoff: number, fitOptions: { fitCeiling: boolean; ignoreBaseline: boolean }, ctx: CommandContext): Backtest {
  ctx.progress('back-test');
  const result = backtest(groups, { axis, cutoff, ...fitOptions });
  ctx.progress('');
  for (const g of result.groups) {
    if (g.skipped !== undefined) ctx.warn(`back-test: ${g.skipped}`);
    else if (g.converged === false) ctx.warn(`back-test: ${g.label}: the training fit did not converge; its predictions use the best parameters found`);
  }
  if (result.predictions.length === 0) ctx.warn(`back-test: no group has models on both sides of the cutoff with enough scales below it; nothing was predicted`);
  return result;
}

function verdictCounts(records: CurveRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  return [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(', ');
}

function renderCurveReport(doc: CurveDocument, groups: ScoreGroup[], results: CurveResult[], records: CurveRecord[], law: ScalingLaw, common: CommonFitSettings, ctx: CommandContext): string {
  const palette = createPalette(ctx.color);
  const blocks = [renderCurveSummary(doc), renderCurveTable(doc, palette), palette.dim(curveTableNotes(doc))];
  const text = [`${blocks[0]}\n\n${blocks[1]}\n${blocks[2]}`];
  if (doc.backtest) text.push(renderCurveBacktest(doc, palette));
  if (common.chart) {
    const width = Math.max(40, Math.min(64, (ctx.columns ?? 100) - 40));
    results.forEach((result, i) => {
      if (!result.fitted || records[i]!.threshold === null) return;
      const points = groups[i]!.points.map((p) => ({ x: toX(doc.x, p.scale), y: p.score }));
      text.push(renderCurveChart({ label: result.label, axis: doc.x, points, params: result.params, threshold: result.threshold }, { width, height: 8, color: ctx.color }));
    });
  }
  if (doc.x === 'loss') text.push(palette.dim(`Loss predicted from each model's parameters and tokens under ${law.id}.`));
  return `${text.join('\n\n')}\n`;
}
