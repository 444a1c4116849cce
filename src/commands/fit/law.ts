/**
 * `emerge fit` for training runs: L(N, D) = E + A/N^α + B/D^β by the published method (multi-start
 * L-BFGS on the Huber log-loss objective, over worker threads), bootstrap intervals, diagnostics, an
 * optional back-test against the published presets, and the law as a YAML file (--output).
 */
import { runCompute, splitByCompute, heldOutError } from '../../core/fit/backtest.js';
import type { LawBootstrap } from '../../core/fit/bootstrap.js';
import { fittedLaw, type LawFit } from '../../core/fit/law-fit.js';
import { LARGE_FIT_ROWS } from '../../core/fit/large-fit.js';
import { prepareLawData } from '../../core/fit/law-objective.js';
import type { Clusters } from '../../core/fit/one-step-bootstrap.js';
import { FitError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { loadLawPresets } from '../../io/laws.js';
import type { FitOptions } from '../../options/fit.js';
import { backtestChinchillaLawParallel, bootstrapChinchillaLawParallel, fitChinchillaLawParallel } from '../../parallel/law-fit-pool.js';
import { csvDocument } from '../../render/csv.js';
import { renderLawChart } from '../../render/fit-law-chart.js';
import { errorsRecord, LAW_CSV_HEADER, lawCsvRows, type LawBacktestRecord } from '../../render/fit-law-record.js';
import { renderLawBacktest, renderLawFields, renderLawSummary, renderLawTable } from '../../render/fit-law-view.js';
import { toJson } from '../../render/json.js';
import { lawPicture } from '../../render/plot/law-plot.js';
import { createPalette } from '../../render/palette.js';
import type { CommandContext } from '../context.js';
import { writePicture } from '../shared/plot.js';
import { runClusters, RUN_HEADERS, STEP_HEADERS } from '../../api/fit/law-clusters.js';
import { lawDocument } from '../../api/fit/law-document.js';
import { writeLawFile } from './law-output.js';
import { fittableRuns, readRuns, type RunsInput } from '../../api/fit/law-input.js';
import { lawSettings, type LawSettings } from './law-settings.js';
import { warnChartFormat, type CommonFitSettings } from './settings.js';

export async function runLawFit(csv: CsvSource, options: FitOptions, common: CommonFitSettings, explicit: Record<string, string>, ctx: CommandContext): Promise<void> {
  const settings = await lawSettings(options, csv.file === 'stdin' ? '-' : csv.file, ctx);
  warnChartFormat(common, ctx);
  const input = fittableRuns(await readRuns(csv, explicit), settings.excludeTopLoss);
  const { runs } = input;

  const fit = await fitChinchillaLawParallel(runs, { grid: settings.grid, loss: settings.loss, onProgress: progress(ctx, 'fit', 'starts') });
  ctx.progress('');
  checkConverged(fit, input.file, common.allowUnconverged, ctx, 'the fit');
  for (const warning of fit.diagnostics.warnings) ctx.warn(`${input.file}: ${warning}`);

  if (fit.screen && fit.screen.agreeing < Math.min(2, fit.screen.candidates)) {
    ctx.warn(`${input.file}: only the best of the ${fit.screen.candidates} polished candidates reached its objective: the optimum rests on one start of the screen`);
  }

  let bootstrap: LawBootstrap | undefined;
  if (common.bootstrap > 0) {
    const clusters = bootstrapClusters(input, ctx);
    const options = { resamples: common.bootstrap, seed: common.seed, loss: settings.loss, clusters, onProgress: progress(ctx, 'bootstrap', 'resamples') };
    bootstrap = await bootstrapChinchillaLawParallel(prepareLawData(runs), fit.theta, settings.atCompute === undefined ? options : { ...options, atCompute: settings.atCompute });
    ctx.progress('');
    const unconverged = bootstrap.resamples - bootstrap.convergedResamples;
    if (unconverged > 0) ctx.warn(`bootstrap: ${unconverged} of ${bootstrap.resamples} refits stopped without meeting a convergence test; their end points are in the intervals`);
    if (bootstrap.excludedResamples > 0) ctx.warn(`bootstrap: ${bootstrap.excludedResamples} of ${bootstrap.resamples} refits gave non-finite constants and are left out of the intervals`);
  }

  const backtest = settings.holdoutAbove === undefined ? null : await runBacktest(input, settings, settings.holdoutAbove, common, ctx);
  const doc = lawDocument(input, settings, fit, bootstrap, backtest);
  if (common.output !== undefined) writeLawFile(common.output, doc, fit);
  const chartRuns = runs.map((r) => ({ ...r, compute: runCompute(r) }));
  if (common.plot) await writePicture(common.plot, lawPicture(fittedLaw(fit), chartRuns, { file: input.file, cutoff: settings.holdoutAbove, atCompute: settings.atCompute }));

  if (common.format === 'json') return ctx.out.write(toJson(doc));
  if (common.format === 'csv') return ctx.out.write(csvDocument(LAW_CSV_HEADER, lawCsvRows(doc)));
  const palette = createPalette(ctx.color);
  const blocks = [`${renderLawSummary(doc)}\n\n${renderLawTable(doc)}\n${renderLawFields(doc, palette)}`];
  if (backtest) blocks.push(renderLawBacktest(doc, palette));
  if (common.chart) {
    const width = Math.max(40, Math.min(64, (ctx.columns ?? 100) - 40));
    blocks.push(renderLawChart(fittedLaw(fit), chartRuns, { width, height: 12, color: ctx.color, cutoff: settings.holdoutAbove, atCompute: settings.atCompute }));
  }
  await ctx.out.write(`${blocks.join('\n\n')}\n`);
}

/**
 * The runs the bootstrap resamples whole (law-clusters.ts), or null to resample rows. Rows of a large
 * input without a run or step column are resampled one by one, which is right only if they are
 * independent: a warning says so, since checkpoints of one run are not.
 */
function bootstrapClusters(input: RunsInput, ctx: CommandContext): Clusters | null {
  const clusters = runClusters(input.runs.map((run) => run.run));
  if (clusters && clusters.count < 2) {
    ctx.warn(`${input.file}: every row belongs to one run (${input.groupedBy}); the bootstrap resamples rows instead`);
    return null;
  }
  if (!clusters && input.runs.length > LARGE_FIT_ROWS) {
    ctx.warn(
      `${input.file}: the bootstrap resamples the ${input.runs.length} rows as independent; if they are checkpoints of fewer runs, add a ${RUN_HEADERS[0]} column (or ${STEP_HEADERS[0]}) so that whole runs are resampled, or the intervals are too narrow`,
    );
  }
  return clusters;
}

/** Progress on stderr (a TTY only), at most about 100 updates. */
function progress(ctx: CommandContext, what: string, unit: string): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    const percent = Math.floor((100 * done) / total);
    if (percent === shown) return;
    shown = percent;
    ctx.progress(`${what}: ${done}/${total} ${unit}`);
  };
}

/**
 * A fit that did not converge is an error, unless --allow-unconverged (then a warning).
 * @throws FitError
 */
export function checkConverged(fit: LawFit, file: string, allow: boolean, ctx: CommandContext, what: string): void {
  if (fit.converged) return;
  const detail = `${what} did not converge: the best of ${fit.starts} starts stopped at ${fit.reason} (${fit.convergedStarts} starts converged)`;
  if (!allow) throw new FitError(`${file}: ${detail}; --allow-unconverged reports it anyway`);
  ctx.warn(`${file}: ${detail}; reported as found (--allow-unconverged)`);
}

async function runBacktest(input: RunsInput, settings: LawSettings, cutoff: number, common: CommonFitSettings, ctx: CommandContext): Promise<LawBacktestRecord> {
  let result;
  try {
    result = await backtestChinchillaLawParallel(input.runs, cutoff, { grid: settings.grid, loss: settings.loss, onProgress: progress(ctx, 'back-test fit', 'starts') });
  } catch (error) {
    if (error instanceof FitError) throw new FitError(`${input.file}: --holdout-above: ${error.message}`);
    throw error;
  }
  ctx.progress('');
  checkConverged(result.fit, input.file, common.allowUnconverged, ctx, 'the back-test fit');
  const { train, heldOut } = splitByCompute(input.runs, cutoff);
  const presets = [...loadLawPresets().presets.values()].filter((law) => law.form === 'chinchilla');
  return {
    cutoff,
    train_runs: train.length,
    held_out_runs: heldOut.length,
    law: result.fit.law,
    objective: result.fit.objective,
    converged: result.fit.converged,
    held_out: errorsRecord(result.heldOut),
    presets: presets.map((law) => ({ name: law.id, ...errorsRecord(heldOutError(law, heldOut)) })),
  };
}
