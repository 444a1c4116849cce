/**
 * A scaling law fitted to training runs: L(N, D) = E + A/N^α + B/D^β by the published method
 * (multi-start L-BFGS on the Huber log-loss objective, over worker threads), bootstrap intervals,
 * diagnostics and an optional back-test against the published presets. `emerge fit` (law) renders
 * what `fitLawRuns` returns; `fitLaw` is the same fit for rows given as objects.
 */
import { heldOutError, splitByCompute } from '../../core/fit/backtest.js';
import type { LawBootstrap } from '../../core/fit/bootstrap.js';
import type { LawFit } from '../../core/fit/law-fit.js';
import { LARGE_FIT_ROWS } from '../../core/fit/large-fit.js';
import type { ResidualLossKind } from '../../core/fit/law-objective.js';
import { prepareLawData } from '../../core/fit/law-objective.js';
import type { Clusters } from '../../core/fit/one-step-bootstrap.js';
import { FitError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { loadLawPresets } from '../../io/laws.js';
import { checkFields } from '../check.js';
import { rowSource, type Row } from '../../io/row-source.js';
import { backtestChinchillaLawParallel, bootstrapChinchillaLawParallel, fitChinchillaLawParallel } from '../../parallel/law-fit-pool.js';
import { errorsRecord, type LawBacktestRecord, type LawDocument } from '../../render/fit-law-record.js';
import { decideKind, parseColumnMap, type ColumnMap } from './columns.js';
import { runClusters, RUN_HEADERS, STEP_HEADERS } from './law-clusters.js';
import { lawDocument } from './law-document.js';
import { fittableRuns, readRuns, type RunsInput } from './law-input.js';
import { lawSettings, type GridStarts, type LawSettings, type LawSettingsInput } from './law-settings.js';
import { asJson, commonSettings, progresser, warner, type CommonSettings, type FitHooks, type FlagValue } from './settings.js';

/** Options of {@link fitLaw}: the law flags of `emerge fit`, camelCase, numbers as numbers. */
export interface FitLawOptions extends FitHooks {
  /** Case-bootstrap resamples for the 95% intervals (`--bootstrap`); 0 skips the bootstrap. Default 1000. */
  bootstrap?: number;
  /** Seed of the bootstrap (`--seed`), an integer in [0, 2^32 − 1]. Default 20220615. */
  seed?: number;
  /** Starts of the multi-start search (`--grid`): standard (4,500), coarse (108), or starts of your own. Default standard. */
  grid?: 'standard' | 'coarse' | GridStarts;
  /** Penalty on log-loss residuals (`--loss`): huber (the published method), mse, asymmetric. Default huber. */
  loss?: ResidualLossKind;
  /** Huber threshold δ on log-loss residuals (`--delta`), for huber and asymmetric. Default 1e-3. */
  delta?: number;
  /** Also report the compute-optimal split at this budget in FLOPs (`--at-compute`), with its interval. */
  atCompute?: number;
  /** Back-test (`--holdout-above`): fit the runs at or below this compute in FLOPs, report the error on the rest. */
  holdoutAbove?: number;
  /** Leave out the k runs with the highest loss (`--exclude-top-loss`; Besiroglu et al. 2024 leave out 5). Default 0. */
  excludeTopLoss?: number;
  /** Return a fit that did not converge, with a warning, instead of throwing FitError (`--allow-unconverged`). */
  allowUnconverged?: boolean;
  /** Which column holds what (`--columns`), for headers not recognised by name. */
  columns?: ColumnMap;
  /** The name of the rows in messages and in the document's `file`, where the CLI puts the path. Default "runs". */
  source?: string;
}

const FIT_LAW_FIELDS: Record<keyof FitLawOptions, true> = { bootstrap: true, seed: true, grid: true, loss: true, delta: true, atCompute: true, holdoutAbove: true, excludeTopLoss: true, allowUnconverged: true, columns: true, source: true, onWarning: true, onProgress: true };

/** The options as the CLI hands them over: numeric flags may be their text. */
export type LawFitRequest = { [K in keyof FitLawOptions]: FitLawOptions[K] extends number | undefined ? FlagValue | undefined : FitLawOptions[K] };

/** Everything a law fit produced: the document, and what the CLI draws and writes from. */
export interface LawFitting {
  doc: LawDocument;
  fit: LawFit;
  input: RunsInput;
  settings: LawSettings;
  common: CommonSettings;
}

/** The checked settings of a law fit. @throws UsageError naming the flag */
export function lawFitSettings(options: LawFitRequest): { settings: LawSettings; common: CommonSettings } {
  const common = commonSettings(options);
  return { settings: lawSettings(options as LawSettingsInput, warner(options)), common };
}

/**
 * Fits a scaling law `L(N, D) = E + A/N^α + B/D^β` to training runs (Hoffmann et al. 2022; the
 * refit of Besiroglu et al. 2024): L-BFGS from every start of a grid on the Huber loss of log-loss
 * residuals, then case-bootstrap 95% intervals (whole runs when a run or step column groups rows).
 * N in parameters, D in tokens (or D = C/(6N) from a compute column in FLOPs), L in nats per token.
 *
 * Returns exactly what `emerge fit FILE --format json` prints, parsed (non-finite numbers are
 * null). Worker threads are used when the built worker (dist/law-fit-worker.js) is next to the
 * bundle; otherwise the fit runs in this thread, with the same result.
 *
 * Lines in messages count as in a CSV file of the rows: line 1 is the header, `runs[i]` is line
 * i + 2 (so `runs:4: loss: "-1" must be greater than 0 ...` is about `runs[2]`).
 * Warnings go to `onWarning` (the CLI's stderr lines without "emerge: "); without it they are
 * dropped — the document carries the substance (`diagnostics.warnings`, `excluded`, `screen`).
 * @param runs rows such as `{ params: 70e6, tokens: 1.4e9, loss: 3.1 }`: numbers or text ("70M"),
 *   column names as the CLI's CSV headers accept them (params/N/model_size, tokens/D, compute/flops,
 *   loss/final_loss; run or step to group checkpoints), or named by `columns`
 * @throws UsageError for a bad option, naming the flag as the CLI does (`--bootstrap: ...`)
 * @throws InputError for a missing column or a bad value, naming `source` and the line
 * @throws FitError when the fit does not converge (unless `allowUnconverged`)
 * @example
 * // the 245 runs of fixtures/chinchilla_epoch_points.csv as objects
 * const doc = await fitLaw(runs, { excludeTopLoss: 5, bootstrap: 0 });
 * doc.law; // { E: 1.8172, A: 477.82, B: 2143.4, alpha: 0.34731, beta: 0.36717 }
 */
export async function fitLaw(runs: readonly Row[], options: FitLawOptions = {}): Promise<LawDocument> {
  checkFields(options, FIT_LAW_FIELDS, 'fitLaw');
  const explicit = parseColumnMap(options.columns);
  const checked = lawFitSettings(options);
  const csv = rowSource(runs, options.source ?? 'runs');
  decideKind(csv.file, csv.header, explicit, 'law');
  return asJson((await fitLawRuns(csv, explicit, checked.settings, checked.common, options)).doc);
}

/**
 * The law fit of the runs of `csv` (a CSV file or rows): reads and checks the runs, fits, bootstraps,
 * back-tests, and builds the document.
 * @throws InputError for a bad run; FitError for a fit that did not converge
 */
export async function fitLawRuns(csv: CsvSource, explicit: Record<string, string>, settings: LawSettings, common: CommonSettings, hooks: FitHooks): Promise<LawFitting> {
  const warn = warner(hooks);
  const progress = progresser(hooks);
  const input = fittableRuns(await readRuns(csv, explicit), settings.excludeTopLoss);
  const { runs } = input;

  // The runs' law data and the Hessian at the optimum are made once, for the fit and its bootstrap.
  const data = prepareLawData(runs);
  const fit = await fitChinchillaLawParallel(runs, { grid: settings.grid, loss: settings.loss, onProgress: (done, total) => progress(done, total, 'fit') }, data);
  checkConverged(fit, input.file, common.allowUnconverged, warn, 'the fit');
  for (const warning of fit.diagnostics.warnings) warn(`${input.file}: ${warning}`);
  if (fit.screen && fit.screen.agreeing < Math.min(2, fit.screen.candidates)) {
    warn(`${input.file}: only the best of the ${fit.screen.candidates} polished candidates reached its objective: the optimum rests on one start of the screen`);
  }

  let bootstrap: LawBootstrap | undefined;
  if (common.bootstrap > 0) {
    const clusters = bootstrapClusters(input, warn);
    const options = { resamples: common.bootstrap, seed: common.seed, loss: settings.loss, clusters, hessian: fit.diagnostics.hessian, onProgress: (done: number, total: number) => progress(done, total, 'bootstrap') };
    bootstrap = await bootstrapChinchillaLawParallel(data, fit.theta, settings.atCompute === undefined ? options : { ...options, atCompute: settings.atCompute });
    const unconverged = bootstrap.resamples - bootstrap.convergedResamples;
    if (unconverged > 0) warn(`bootstrap: ${unconverged} of ${bootstrap.resamples} refits stopped without meeting a convergence test; their end points are in the intervals`);
    if (bootstrap.excludedResamples > 0) warn(`bootstrap: ${bootstrap.excludedResamples} of ${bootstrap.resamples} refits gave non-finite constants and are left out of the intervals`);
  }

  const backtest = settings.holdoutAbove === undefined ? null : await runBacktest(input, settings, settings.holdoutAbove, common, hooks);
  return { doc: lawDocument(input, settings, fit, bootstrap, backtest), fit, input, settings, common };
}

/**
 * The runs the bootstrap resamples whole (law-clusters.ts), or null to resample rows. Rows of a large
 * input without a run or step column are resampled one by one, which is right only if they are
 * independent: a warning says so, since checkpoints of one run are not.
 */
function bootstrapClusters(input: RunsInput, warn: (message: string) => void): Clusters | null {
  const clusters = runClusters(input.runs.map((run) => run.run));
  if (clusters && clusters.count < 2) {
    warn(`${input.file}: every row belongs to one run (${input.groupedBy}); the bootstrap resamples rows instead`);
    return null;
  }
  if (!clusters && input.runs.length > LARGE_FIT_ROWS) {
    warn(
      `${input.file}: the bootstrap resamples the ${input.runs.length} rows as independent; if they are checkpoints of fewer runs, add a ${RUN_HEADERS[0]} column (or ${STEP_HEADERS[0]}) so that whole runs are resampled, or the intervals are too narrow`,
    );
  }
  return clusters;
}

/**
 * A fit that did not converge is an error, unless `allow` (--allow-unconverged; then a warning).
 * @throws FitError
 */
export function checkConverged(fit: LawFit, file: string, allow: boolean, warn: (message: string) => void, what: string): void {
  if (fit.converged) return;
  const detail = `${what} did not converge: the best of ${fit.starts} starts stopped at ${fit.reason} (${fit.convergedStarts} starts converged)`;
  if (!allow) throw new FitError(`${file}: ${detail}; --allow-unconverged reports it anyway`);
  warn(`${file}: ${detail}; reported as found (--allow-unconverged)`);
}

async function runBacktest(input: RunsInput, settings: LawSettings, cutoff: number, common: CommonSettings, hooks: FitHooks): Promise<LawBacktestRecord> {
  const progress = progresser(hooks);
  let result;
  try {
    result = await backtestChinchillaLawParallel(input.runs, cutoff, { grid: settings.grid, loss: settings.loss, onProgress: (done, total) => progress(done, total, 'back-test fit') });
  } catch (error) {
    if (error instanceof FitError) throw new FitError(`${input.file}: --holdout-above: ${error.message}`);
    throw error;
  }
  checkConverged(result.fit, input.file, common.allowUnconverged, warner(hooks), 'the back-test fit');
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
