/**
 * `--forecast FILE|default` and `--no-forecast` for predict and thresholds: the forecast (a file, or
 * the default forecast shipped in data/forecast-default.yaml), each planned model's forecasts, score
 * targets in `--require` (mmlu>=0.55, mixed freely with ability ids) and the gate on them.
 */
import { FAR_DECADES, reachProbability, type ForecastSpec, type TaskPrediction } from '../../core/forecast/index.js';
import type { ForecastRecord } from '../../render/forecast-record.js';
import type { ForecastTableOptions } from '../../render/forecast-table.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../../errors.js';
import { readDefaultForecast, readForecastFile } from '../../io/forecast-file.js';
import { quoteUserText } from '../../io/numbers.js';
import { didYouMean } from '../../util/suggest.js';

export interface LoadedForecast {
  spec: ForecastSpec;
  /** The path as given ('default' for the shipped forecast). */
  file: string;
  /** How messages name it: the path, or "the default forecast". */
  name: string;
  /** Asked for with --forecast (a FILE or `default`), rather than the default by omission. */
  explicit: boolean;
}

/** `--forecast default`: the shipped forecast, by name (a file called "default" is ./default). */
export const DEFAULT_FORECAST = 'default';

/** The --forecast value as commander gives it: a path or `default`, false for --no-forecast, undefined when absent. */
export type ForecastOption = string | false | undefined;

/**
 * --forecast FILE|default ('-': stdin, unless another flag reads it), --no-forecast (none); without
 * either, the default forecast when `fallback` is 'default', else none.
 * @throws UsageError, InputError
 */
export function loadForecast(option: ForecastOption, others: Partial<Record<'input' | 'config' | 'law' | 'abilities', string>> = {}, fallback: 'default' | 'none' = 'none'): LoadedForecast | undefined {
  if (option === false || (option === undefined && fallback === 'none')) return undefined;
  if (option === undefined || option === DEFAULT_FORECAST) return { spec: readDefaultForecast(), file: DEFAULT_FORECAST, name: 'the default forecast', explicit: option !== undefined };
  const reader = Object.entries(others).find(([, value]) => value === '-');
  if (option === '-' && reader) throw new UsageError(`--forecast and --${reader[0]}: only one of them can read stdin (-)`);
  const file = option === '-' ? 'stdin' : option;
  return { spec: readForecastFile(option), file, name: file, explicit: true };
}

/** A score target of --require: the task's forecast must reach `target` (0–1). */
export interface ScoreTarget {
  id: string;
  target: number;
}

const TARGET = /^(.+?)\s*>=\s*(\S+)$/;

/** Whether a --require or --reach list names a score target (TASK>=SCORE), which needs a forecast. */
export function hasScoreTarget(text: string | undefined): boolean {
  return text !== undefined && text.split(',').some((item) => TARGET.test(item.trim()));
}

/**
 * Splits `--require a,b,mmlu>=0.55` into ability ids and score targets, checking the targets
 * against the forecast.
 * @throws UsageError for a malformed target, a score outside 0–1, a target without --forecast, or a
 *   task the forecast does not have (with close matches)
 */
export function splitRequire(text: string, forecast: LoadedForecast | undefined, flag = '--require'): { abilities: string[]; targets: ScoreTarget[] } {
  const abilities: string[] = [];
  const targets: ScoreTarget[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const match = TARGET.exec(item);
    if (!match) {
      if (/[<>=]/.test(item)) throw new UsageError(`${flag}: ${quoteUserText(item)} is not a score target; write TASK>=SCORE, e.g. mmlu>=0.55`);
      if (forecast?.spec.tasks.some((t) => t.id === item)) {
        throw new UsageError(`${flag}: ${quoteUserText(item)} is a task of ${forecast.name}; give it a target, e.g. '${item}>=0.5' (in quotes: a shell reads > as a redirection)`);
      }
      abilities.push(item);
      continue;
    }
    const [, id, value] = match as unknown as [string, string, string];
    const target = Number(value);
    if (!/^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value) || !(target >= 0 && target <= 1)) {
      throw new UsageError(`${flag}: ${quoteUserText(item)}: the target is a score on 0–1, e.g. ${quoteUserText(`${id}>=0.55`)}`);
    }
    if (!forecast) throw new UsageError(`${flag}: ${quoteUserText(item)} is a score target, and --no-forecast leaves out the forecast it needs; drop --no-forecast, or give --forecast FILE`);
    const ids = forecast.spec.tasks.map((t) => t.id);
    if (!ids.includes(id)) throw new UsageError(`${flag}: ${forecast.name} has no task ${quoteUserText(id)}${didYouMean(id, ids)}; its tasks: ${summariseIds(ids)}`);
    targets.push({ id, target });
  }
  return { abilities, targets };
}

function summariseIds(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more`;
}

/** The default forecast's table: benchmarks, and what its numbers are (README, "The default forecast"). */
const DEFAULT_TABLE: ForecastTableOptions = {
  heading: 'Benchmark',
  hideMethod: true,
  note:
    'Benchmarks: the default forecast, one step in log10 training compute, fitted by emerge fit to the public scores of 112 open base models (ObsScaling, Ruan et al. 2024).\n' +
    '80% interval: as wide as models of other families and later releases scattered in its back-tests; Decades: of compute beyond the largest model fitted.\n' +
    '--forecast FILE replaces it, --no-forecast leaves it out.',
};

/** How the table of a forecast is headed and annotated. */
export function forecastTableOptions(forecast: LoadedForecast): ForecastTableOptions {
  return forecast.file === DEFAULT_FORECAST ? DEFAULT_TABLE : {};
}

/** How warnings name a forecast: the flag that gave it, or the default forecast. */
export function forecastLabel(forecast: LoadedForecast): string {
  return forecast.explicit ? '--forecast' : 'the default forecast';
}

/** One warning on stderr when a model's forecasts reach beyond FAR_DECADES (the table flags them too). */
export function warnFar(records: readonly ForecastRecord[], model: string, ctx: CommandContext, label: string): void {
  const far = records.filter((r) => r.distance_decades > FAR_DECADES);
  if (far.length === 0) return;
  const most = Math.max(...far.map((r) => r.distance_decades));
  ctx.warn(`${label}: ${model} is ${most.toFixed(2)} decades of compute beyond the largest fitted run${far.length < records.length ? ` for ${far.length} of ${records.length} tasks` : ''}; beyond ${FAR_DECADES} decades the forecasts are extrapolations the back-tests did not reach`);
}

export interface ForecastGateFailure {
  id: string;
  message: string;
}

/**
 * Score targets the forecasts miss: the interval's lower end below the target, or, with
 * `minProbability`, P(score ≥ target) below it. A forecast without an interval misses.
 * e.g. "mmlu: needs 0.550, forecast 0.512 (80% interval 0.431–0.593), P(≥ 0.550) = 0.24".
 */
export function forecastGateFailures(spec: ForecastSpec, predictions: readonly TaskPrediction[], targets: readonly ScoreTarget[], minProbability?: number): ForecastGateFailure[] {
  return targets.flatMap(({ id, target }) => {
    const p = predictions.find((x) => x.id === id)!;
    const probability = reachProbability(spec, p, target);
    const passed = minProbability === undefined ? p.lower !== undefined && p.lower >= target : probability !== undefined && probability >= minProbability;
    if (passed) return [];
    const interval = p.lower === undefined ? 'no interval' : `${Math.round(p.level * 100)}% interval ${p.lower.toFixed(3)}–${p.upper!.toFixed(3)}`;
    const chance = probability === undefined ? '' : `, P(≥ ${target.toFixed(3)}) = ${probability.toFixed(2)}`;
    const needs = minProbability === undefined ? `needs ${target.toFixed(3)} at the lower end of the interval` : `needs P(≥ ${target.toFixed(3)}) ≥ ${minProbability.toFixed(2)}`;
    return [{ id, message: `${id}: ${needs}; forecast ${p.score.toFixed(3)} (${interval}${chance}), ${p.distance >= 0 ? '+' : ''}${p.distance.toFixed(2)} decades beyond the largest fitted run` }];
  });
}
