/**
 * `emerge thresholds --forecast FILE`: score targets in the gate (`--require mmlu>=0.55`), each
 * planned model's forecasts with P(score ≥ target), and, without a planned model, the inverse
 * question: the smallest compute at which each forecast reaches a target (`--reach`, else the
 * midpoint of the task's rise), compute-optimal or at `--tokens-per-param R`.
 */
import { distanceDecades, minComputeForTarget, reachProbability, type TargetCompute } from '../../core/forecast/index.js';
import { UsageError } from '../../errors.js';
import { parseFlagQuantity, quoteUserText, type Range } from '../../io/numbers.js';
import type { ThresholdsOptions } from '../../options/thresholds.js';
import type { CsvCell } from '../../render/csv.js';
import { forecastRecords, type ForecastRecord } from '../../render/forecast-record.js';
import type { TargetRow } from '../../render/forecast-table.js';
import { modelForecasts } from '../../api/predict/forecasts.js';
import { forecastGateFailures, hasScoreTarget, loadForecast, splitRequire, type LoadedForecast, type ScoreTarget } from '../shared/forecast.js';

const RATIO: Range = { min: 0, exclusiveMin: true, max: 1e6, what: 'a number of tokens per parameter', example: '20' };

export interface ForecastRequest {
  forecast: LoadedForecast | undefined;
  /** Ability ids of --require. */
  abilities: string[];
  /** Score targets of --require. */
  targets: ScoreTarget[];
  /** Targets of --reach (empty: every task's midpoint). */
  reach: ScoreTarget[];
  tokensPerParam?: number;
}

/**
 * --forecast, --require (split into abilities and targets), --reach, --tokens-per-param. Score
 * targets and the inverse question use the default forecast without --forecast; the catalog and
 * the gate on abilities use no forecast.
 * @throws UsageError
 */
export function forecastRequest(options: ThresholdsOptions): ForecastRequest {
  const needsForecast = hasScoreTarget(options.require) || options.reach !== undefined || options.tokensPerParam !== undefined;
  const forecast = loadForecast(options.forecast, options, needsForecast ? 'default' : 'none');
  const { abilities, targets } = options.require === undefined ? { abilities: [], targets: [] } : splitRequire(options.require, forecast);
  const reach = options.reach === undefined ? { abilities: [], targets: [] } : splitRequire(options.reach, forecast, '--reach');
  if (reach.abilities.length > 0) throw new UsageError(`--reach: ${quoteUserText(reach.abilities[0]!)} is not a score target; write TASK>=SCORE, e.g. mmlu>=0.55`);
  const request: ForecastRequest = { forecast, abilities, targets, reach: reach.targets };
  if (options.tokensPerParam !== undefined) request.tokensPerParam = parseFlagQuantity('--tokens-per-param', options.tokensPerParam, RATIO);
  return request;
}

/**
 * A model's forecasts (of the tasks --require names, each with its target and P(score ≥ target), or
 * of every task when it names none) and the score targets they miss, one message each.
 */
export function judgeForecasts(request: ForecastRequest, model: { params: number; tokens: number; compute: number }, minProbability: number | undefined): { records?: ForecastRecord[]; misses: { id: string; message: string }[] } {
  const { forecast, targets } = request;
  if (!forecast) return { misses: [] };
  const predictions = modelForecasts(forecast.spec, model);
  const records = forecastRecords(forecast.spec, predictions).flatMap((record, i) => {
    const target = targets.find((t) => t.id === record.id);
    if (!target) return targets.length > 0 ? [] : [record];
    return [{ ...record, target: target.target, probability: reachProbability(forecast.spec, predictions[i]!, target.target) ?? null }];
  });
  return { records, misses: forecastGateFailures(forecast.spec, predictions, targets, minProbability) };
}

/** The inverse question for every target (--reach), or every task's midpoint. */
export function targetRows(request: ForecastRequest): TargetRow[] {
  const { spec } = request.forecast!;
  const chosen = request.reach.length > 0 ? request.reach.map((t) => ({ task: spec.tasks.find((x) => x.id === t.id)!, target: t.target, targetSource: 'reach' })) : spec.tasks.map((task) => {
    const curve = (task.method === 'two-step' ? task.twoStep : task.oneStep)!;
    return { task, target: (curve.floor + curve.ceiling) / 2, targetSource: 'midpoint' };
  });
  return chosen.map(({ task, target, targetSource }) => {
    const answer = minComputeForTarget(spec, task, target, request.tokensPerParam);
    return { id: task.id, method: task.method, target, targetSource, answer, ...(answer.reached === 'at' ? { distance: distanceDecades(answer.compute, task.largestCompute) } : {}) };
  });
}

export function targetRecord(row: TargetRow, tokensPerParam: number | undefined): Record<string, unknown> {
  const a: TargetCompute = row.answer;
  return {
    id: row.id,
    method: row.method,
    target: row.target,
    target_source: row.targetSource,
    tokens_per_param: tokensPerParam ?? null,
    reached: a.reached,
    min_compute: a.reached === 'at' ? a.compute : null,
    distance_decades: row.distance ?? null,
    params: a.reached === 'at' ? a.params ?? null : null,
    tokens: a.reached === 'at' ? a.tokens ?? null : null,
    note: a.reached === 'never' ? a.why : null,
  };
}

export const TARGET_CSV_HEADER = ['id', 'method', 'target', 'target_source', 'tokens_per_param', 'reached', 'min_compute', 'distance_decades', 'params', 'tokens', 'note'];

export function targetCsvRow(row: TargetRow, tokensPerParam: number | undefined): CsvCell[] {
  return Object.values(targetRecord(row, tokensPerParam)) as CsvCell[];
}
