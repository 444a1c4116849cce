/**
 * A model's forecasts of benchmark scores: every task of a forecast (core/forecast) at the model's
 * parameters N, tokens D and training compute C = 6·N·D, as the records of `--format json`.
 */
import { forecastTask, type ForecastSpec, type TaskPrediction } from '../../core/forecast/index.js';
import { forecastRecords, type ForecastRecord } from '../../render/forecast-record.js';

/** Every task's forecast for a model of N parameters and D tokens (C its training compute). */
export function modelForecasts(spec: ForecastSpec, model: { params: number; tokens: number; compute: number }): TaskPrediction[] {
  return spec.tasks.map((task) => forecastTask(spec, task, model.params, model.tokens, model.compute));
}

/** The records of every task's forecast for a model (see modelForecasts). */
export function forecastRecordsOf(spec: ForecastSpec, model: { params: number; tokens: number; compute: number }): ForecastRecord[] {
  return forecastRecords(spec, modelForecasts(spec, model));
}
