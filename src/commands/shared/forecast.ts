/**
 * `--forecast FILE` for predict and thresholds: the forecast file, each planned model's forecasts,
 * score targets in `--require` (mmlu>=0.55, mixed freely with ability ids) and the gate on them.
 */
import { FAR_DECADES, forecastTask, reachProbability, type ForecastSpec, type TaskPrediction } from '../../core/forecast/index.js';
import { forecastRecords, type ForecastRecord } from '../../render/forecast-record.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../../errors.js';
import { readForecastFile } from '../../io/forecast-file.js';
import { quoteUserText } from '../../io/numbers.js';
import { didYouMean } from '../../util/suggest.js';

export interface LoadedForecast {
  spec: ForecastSpec;
  /** The path as given, for messages. */
  file: string;
}

/** --forecast FILE ('-': stdin, unless another flag reads it). @throws UsageError, InputError */
export function loadForecast(path: string | undefined, others: Partial<Record<'input' | 'config' | 'law' | 'abilities', string>> = {}): LoadedForecast | undefined {
  if (path === undefined) return undefined;
  const reader = Object.entries(others).find(([, value]) => value === '-');
  if (path === '-' && reader) throw new UsageError(`--forecast and --${reader[0]}: only one of them can read stdin (-)`);
  return { spec: readForecastFile(path), file: path === '-' ? 'stdin' : path };
}

/** A score target of --require: the task's forecast must reach `target` (0–1). */
export interface ScoreTarget {
  id: string;
  target: number;
}

const TARGET = /^(.+?)\s*>=\s*(\S+)$/;

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
        throw new UsageError(`${flag}: ${quoteUserText(item)} is a task of ${forecast.file}; give it a target, e.g. '${item}>=0.5' (in quotes: a shell reads > as a redirection)`);
      }
      abilities.push(item);
      continue;
    }
    const [, id, value] = match as unknown as [string, string, string];
    const target = Number(value);
    if (!/^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value) || !(target >= 0 && target <= 1)) {
      throw new UsageError(`${flag}: ${quoteUserText(item)}: the target is a score on 0–1, e.g. ${quoteUserText(`${id}>=0.55`)}`);
    }
    if (!forecast) throw new UsageError(`${flag}: ${quoteUserText(item)} is a score target; give the forecast it refers to with --forecast FILE`);
    const ids = forecast.spec.tasks.map((t) => t.id);
    if (!ids.includes(id)) throw new UsageError(`${flag}: ${forecast.file} has no task ${quoteUserText(id)}${didYouMean(id, ids)}; its tasks: ${summariseIds(ids)}`);
    targets.push({ id, target });
  }
  return { abilities, targets };
}

function summariseIds(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more`;
}

/** Every task's forecast for a model of N parameters and D tokens (C its training compute). */
export function modelForecasts(spec: ForecastSpec, model: { params: number; tokens: number; compute: number }): TaskPrediction[] {
  return spec.tasks.map((task) => forecastTask(spec, task, model.params, model.tokens, model.compute));
}

/** The records of every task's forecast for a model (see modelForecasts). */
export function forecastsOf(forecast: LoadedForecast, model: { params: number; tokens: number; compute: number }): ForecastRecord[] {
  return forecastRecords(forecast.spec, modelForecasts(forecast.spec, model));
}

/** One warning on stderr when a model's forecasts reach beyond FAR_DECADES (the table flags them too). */
export function warnFar(records: readonly ForecastRecord[], model: string, ctx: CommandContext): void {
  const far = records.filter((r) => r.distance_decades > FAR_DECADES);
  if (far.length === 0) return;
  const most = Math.max(...far.map((r) => r.distance_decades));
  ctx.warn(`--forecast: ${model} is ${most.toFixed(2)} decades of compute beyond the largest fitted run${far.length < records.length ? ` for ${far.length} of ${records.length} tasks` : ''}; beyond ${FAR_DECADES} decades the forecasts are extrapolations the back-tests did not reach`);
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
