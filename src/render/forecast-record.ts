/**
 * Forecasts of planned models, machine-readable: the `forecasts` of each result of `emerge predict
 * --format json` (and of each model of `emerge thresholds`), and the long CSV, one row per model and
 * task. Scores are on 0–1; a bound without an interval model is null (JSON) or empty (CSV).
 */
import type { ForecastSpec, TaskPrediction } from '../core/forecast/index.js';
import { csvLine, type CsvCell } from './csv.js';

/** One task's forecast for a model (`forecasts[]`): the score (0–1) with its interval at `level`, the method, and the distance in decades of compute beyond the largest fitted run. */
export interface ForecastRecord {
  id: string;
  name: string;
  score: number;
  lower: number | null;
  upper: number | null;
  level: number;
  distance_decades: number;
  method: string;
  source: string;
  /** With a --require target on this task: the target and P(score ≥ target). */
  target?: number;
  probability?: number | null;
}

function forecastRecord(p: TaskPrediction, source: string): ForecastRecord {
  return { id: p.id, name: p.name, score: p.score, lower: p.lower ?? null, upper: p.upper ?? null, level: p.level, distance_decades: p.distance, method: p.method, source };
}

export function forecastRecords(spec: ForecastSpec, predictions: readonly TaskPrediction[]): ForecastRecord[] {
  return predictions.map((p) => forecastRecord(p, spec.source));
}

export const FORECAST_CSV_HEADER = ['model', 'params', 'tokens', 'compute', 'id', 'name', 'score', 'lower', 'upper', 'level', 'distance_decades', 'method', 'source'];

/** The CSV lines of one model's forecasts. */
export function forecastCsvText(model: { name: string; params: number; tokens: number; compute: number }, records: readonly ForecastRecord[], extra: (r: ForecastRecord) => CsvCell[] = () => []): string {
  return records.map((r) => csvLine([model.name, model.params, model.tokens, model.compute, r.id, r.name, r.score, r.lower, r.upper, r.level, r.distance_decades, r.method, r.source, ...extra(r)])).join('');
}
