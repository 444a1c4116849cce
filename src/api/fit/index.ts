/**
 * Fitting: a scaling law to training runs (`fitLaw`), emergence curves to task scores (`fitCurves`),
 * forecasts of task scores from a ladder of runs (`fitForecast`). Each returns the document `emerge
 * fit --format json` prints for the same rows in a CSV file.
 */
export { fitLaw, type FitLawOptions } from './law.js';
export { fitCurves, type FitCurvesOptions } from './curve.js';
export { fitForecast, type FitForecastOptions } from './forecast.js';
export type { ColumnMap, ColumnRole } from './columns.js';
export type { GridStarts } from './law-settings.js';
export type { FitHooks } from './settings.js';
export type { Row, RowValue } from '../../io/row-source.js';
export type { LawDocument } from '../../render/fit-law-record.js';
export type { CurveDocument, CurveRecord } from '../../render/fit-curve-record.js';
export type { ForecastDocument } from '../../render/forecast-fit-record.js';
