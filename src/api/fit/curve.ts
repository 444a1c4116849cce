/**
 * Emergence curves fitted to task scores: one logistic per group (task, subtask, metric) on the
 * chosen x axis, with bootstrap intervals, a verdict, and an optional back-test. `emerge fit`
 * (curve) renders what `fitCurveScores` returns; `fitCurves` is the same fit for rows given as objects.
 */
import { AXIS_UNITS, backtest, fitEmergenceCurve, groupScores, type Backtest, type CurveFitOptions, type CurveResult, type ScaleAxis, type ScoreGroup } from '../../core/curve-fit/index.js';
import type { ScalingLaw } from '../../core/scaling-law.js';
import { FitError, UsageError } from '../../errors.js';
import type { CsvSource } from '../../io/csv-input.js';
import { resolveLaw } from '../../io/laws.js';
import { COMPUTE, PARAMS, TOKENS, describeValue, type Range } from '../../io/numbers.js';
import { checkFields } from '../check.js';
import { rowSource, type Row } from '../../io/row-source.js';
import { curveBacktestRecord, curveRecord, type CurveDocument, type CurveRecord } from '../../render/fit-curve-record.js';
import { didYouMean } from '../../util/suggest.js';
import { decideKind, parseColumnMap, type ColumnMap } from './columns.js';
import { readScores, type ScoreInput } from './curve-input.js';
import { asJson, commonSettings, flagQuantity, progresser, warner, type CommonSettings, type FitHooks, type FlagValue } from './settings.js';

const AXES: readonly ScaleAxis[] = ['params', 'compute', 'tokens', 'loss'];
const LOSS_CUTOFF: Range = { min: 0, exclusiveMin: true, max: 100, what: 'a loss in nats per token', example: '2.1' };
const CUTOFF_RANGES: Record<ScaleAxis, Range> = { params: PARAMS, compute: COMPUTE, tokens: TOKENS, loss: LOSS_CUTOFF };

/** Options of {@link fitCurves}: the curve flags of `emerge fit`, camelCase, numbers as numbers. */
export interface FitCurvesOptions extends FitHooks {
  /** x axis (`--x`): params, compute (FLOPs), tokens, or loss (nats, predicted by `law`). Default: params, else compute, else tokens, whichever column exists. */
  x?: ScaleAxis;
  /** The law that predicts each model's loss for `x: 'loss'` (`--law`): `presetLaw(...)` or `loadLaw(path)`. Default besiroglu2024. */
  law?: ScalingLaw;
  /** Fit one curve per combination of these columns (`--group`, comma-separated or a list). Default task, subtask, metric, those present. */
  group?: string | readonly string[];
  /** Fit the ceiling in [highest score − 0.2, 1] instead of fixing it at 1 (`--fit-ceiling`). */
  fitCeiling?: boolean;
  /** Fit every floor in [0, 0.3], even where a random_baseline column gives it (`--ignore-baseline`). */
  ignoreBaseline?: boolean;
  /** Bootstrap resamples for the 95% intervals (`--bootstrap`); 0 skips it. Default 1000. */
  bootstrap?: number;
  /** Seed of the bootstrap (`--seed`). Default 20220615. */
  seed?: number;
  /** Back-test (`--holdout-above`): fit the models at or below this scale (in the unit of `x`), predict the rest. */
  holdoutAbove?: number;
  /** Report curves that did not converge instead of leaving them out (`--allow-unconverged`). */
  allowUnconverged?: boolean;
  /** Which column holds what (`--columns`), for headers not recognised by name. */
  columns?: ColumnMap;
  /** The name of the rows in messages and in the document's `file`, where the CLI puts the path. Default "scores". */
  source?: string;
}

const FIT_CURVES_FIELDS: Record<keyof FitCurvesOptions, true> = { x: true, law: true, group: true, fitCeiling: true, ignoreBaseline: true, bootstrap: true, seed: true, holdoutAbove: true, allowUnconverged: true, columns: true, source: true, onWarning: true, onProgress: true };

/** The options as the CLI hands them over: numeric flags may be their text. */
export type CurveFitRequest = { [K in keyof FitCurvesOptions]: FitCurvesOptions[K] extends number | undefined ? FlagValue | undefined : FitCurvesOptions[K] };

/** Scores read and settings checked, before the fit. */
export interface CurveScores {
  input: ScoreInput;
  law: ScalingLaw;
  /** Whether a law was given (it is used with x = loss only, and by the CLI's --output with x = compute). */
  lawGiven: boolean;
  cutoff: number | undefined;
  common: CommonSettings;
  fitOptions: CurveFitOptions & { fitCeiling: boolean; ignoreBaseline: boolean };
}

/** Everything a curve fit produced: the document, and what the CLI draws and writes from. */
export interface CurveFitting {
  doc: CurveDocument;
  groups: ScoreGroup[];
  results: CurveResult[];
  records: CurveRecord[];
  input: ScoreInput;
}

/**
 * Fits one emergence curve per task to scores measured across models: `y = floor + (ceiling −
 * floor)/(1 + e^(−k(x − x0)))` with x the log10 of the scale (parameters, FLOPs or tokens) or minus
 * the predicted loss in nats, by least squares, with case-bootstrap 95% intervals and a verdict
 * (emergent, smooth, ...) from ΔBIC against a linear fit (Wei et al. 2022; Schaeffer et al. 2023).
 *
 * Returns exactly what `emerge fit FILE --format json` prints for a file with a score column,
 * parsed (non-finite numbers are null). Lines in messages count as in a CSV file of the rows: line 1
 * is the header, `scores[i]` is line i + 2. Warnings (groups without a curve, curves left out, rows
 * without a scale) go to `onWarning`; without it they are dropped — each curve's `verdict` and
 * `reason` say the same.
 * @param scores rows in long format, one per model, task and metric, e.g. `{ task: 'arithmetic',
 *   model: 'gpt-3-175b', params: 175e9, score: 0.42 }`
 * @throws UsageError for a bad option, naming the flag as the CLI does
 * @throws InputError for a missing column or a bad value, naming `source` and the line
 * @throws FitError when no curve could be fitted
 * @example
 * const doc = await fitCurves(scores, { x: 'compute', bootstrap: 0 });
 * doc.curves.map((c) => [c.label, c.verdict, c.threshold]);
 */
export async function fitCurves(scores: readonly Row[], options: FitCurvesOptions = {}): Promise<CurveDocument> {
  checkFields(options, FIT_CURVES_FIELDS, 'fitCurves');
  const explicit = parseColumnMap(options.columns);
  commonSettings(options);
  const csv = rowSource(scores, options.source ?? 'scores');
  decideKind(csv.file, csv.header, explicit, 'curve');
  return asJson((await fitCurveScores(await curveScores(csv, explicit, options), options)).doc);
}

/**
 * Reads the scores of `csv` and checks the settings (the cutoff is in the unit of the axis, known
 * once the header is read).
 * @throws UsageError naming the flag; InputError for a bad row
 */
export async function curveScores(csv: CsvSource, explicit: Record<string, string>, options: CurveFitRequest): Promise<CurveScores> {
  const common = commonSettings(options);
  if (options.x !== undefined && !AXES.includes(options.x)) throw new UsageError(`--x: ${describeValue(options.x)} is not an axis${didYouMean(String(options.x), AXES)}; axes: ${AXES.join(', ')}`);
  const law = options.law ?? resolveLaw(undefined);
  const group = options.group === undefined || typeof options.group === 'string' ? options.group : options.group.join(',');
  const input = await readScores(csv, { explicit, axis: options.x, law, group });
  const cutoff = options.holdoutAbove === undefined ? undefined : flagQuantity('--holdout-above', options.holdoutAbove, CUTOFF_RANGES[input.axis]);
  const fitOptions = { axis: input.axis, fitCeiling: options.fitCeiling === true, ignoreBaseline: options.ignoreBaseline === true, bootstrap: common.bootstrap, seed: common.seed };
  return { input, law, lawGiven: options.law !== undefined, cutoff, common, fitOptions };
}

/**
 * Fits the curves of scores read by `curveScores` and builds the document. `catalog`: the fit is
 * written as an ability catalog (the CLI's --output), which uses the law with x = compute too.
 * @throws FitError when no curve could be fitted
 */
export async function fitCurveScores(scores: CurveScores, hooks: FitHooks, catalog = false): Promise<CurveFitting> {
  const { input, cutoff, common, fitOptions } = scores;
  const { axis } = input;
  const warn = warner(hooks);
  const progress = progresser(hooks);
  if (scores.lawGiven && axis !== 'loss' && (!catalog || axis === 'params')) warn(`--law has no effect here: it is used with --x loss, and by --output with --x compute`);
  if (input.missingScale.rows > 0) {
    const models = input.missingScale.models.size;
    warn(`${input.file}: ${input.missingScale.rows} of ${input.rowCount} rows (${models} model${models === 1 ? '' : 's'}) lack ${input.scaleCells}; they are left out`);
  }

  const groups = groupScores(input.rows);
  const results: CurveResult[] = [];
  for (const [i, group] of groups.entries()) {
    progress(i, groups.length, 'curve');
    results.push(fitEmergenceCurve(group, fitOptions));
  }
  progress(groups.length, groups.length, 'curve');

  const records = curveRecords(results, common.allowUnconverged, warn);
  if (!results.some((r, i) => r.fitted && records[i]!.threshold !== null)) {
    throw new FitError(`${input.file}: no curve could be fitted (${groups.length} group${groups.length === 1 ? '' : 's'}: ${verdictCounts(records)}); see the warnings above`);
  }
  const tested = cutoff === undefined ? undefined : runBacktest(groups, axis, cutoff, fitOptions, hooks);
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
  return { doc, groups, results, records, input };
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

function runBacktest(groups: ScoreGroup[], axis: ScaleAxis, cutoff: number, fitOptions: { fitCeiling: boolean; ignoreBaseline: boolean }, hooks: FitHooks): Backtest {
  const warn = warner(hooks);
  const progress = progresser(hooks);
  progress(0, 1, 'back-test');
  const result = backtest(groups, { axis, cutoff, fitCeiling: fitOptions.fitCeiling, ignoreBaseline: fitOptions.ignoreBaseline });
  progress(1, 1, 'back-test');
  for (const g of result.groups) {
    if (g.skipped !== undefined) warn(`back-test: ${g.skipped}`);
    else if (g.converged === false) warn(`back-test: ${g.label}: the training fit did not converge; its predictions use the best parameters found`);
  }
  if (result.predictions.length === 0) warn(`back-test: no group has models on both sides of the cutoff with enough scales below it; nothing was predicted`);
  return result;
}

function verdictCounts(records: CurveRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  return [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(', ');
}
