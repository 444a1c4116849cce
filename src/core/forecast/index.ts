/**
 * Forecasting benchmark scores from a ladder of training runs (DESIGN.md, "Forecasting benchmark
 * scores"): (N, D) → loss → score in two steps, or score from compute in one, with intervals
 * calibrated on the fit's own rolling-origin back-tests, a holdout evaluation, and the inverse
 * question (the compute that reaches a target score).
 */
export { MAX_ORIGINS, ORIGIN_SPACING, rollingBacktest, rollingOrigins, type BacktestError, type BacktestOrigin, type RollingBacktest } from './backtest.js';
export { DEFAULT_FORECAST_FIT, DEFAULT_LEVEL, fitForecast, forecastSpec, INTERVAL_SCALINGS, MIN_INTERVAL_SCALE, taskScale, type ForecastFitOptions, type ForecastModel, type IntervalScaling, type TaskForecast, type Via, VIAS } from './fit-forecast.js';
export { FAR_DECADES, forecastTask, hasMethod, reachProbability, taskLaw, type ForecastSpec, type TaskPrediction, type TaskSpec } from './forecast.js';
export { HOLDOUT_FORECASTERS, holdoutForecast, type Holdout, type HoldoutForecaster, type HoldoutPrediction, type HoldoutTask } from './holdout.js';
export { calibrateIntervals, conformalLevel, intervalWidth, predictionInterval, probabilityAtLeast, QUANTILE_STEPS, scoreQuantile, WIDTH_OFFSET, type IntervalModel } from './intervals.js';
export { minComputeForTarget, type TargetCompute } from './inverse.js';
export { distanceDecades, finishedRuns, lossScope, WARMUP_FRACTION, warmedCheckpoints, type LadderPoint, type LadderTask, type LossScope } from './ladder.js';
export { firstRefitGrid, forecastGrid, inThreadLawFitter, refitGrid, type LawFitter } from './loss-laws.js';
export { forecastErrors, intervalScore, type ForecastErrors, type ScoredForecast } from './metrics.js';
export { computeForScore, fitScoreOnCompute, fitScoreOnLoss, lossForScore, MIN_CURVE_POINTS, scoreAtCompute, scoreAtLoss, type CurveFitResult, type ScoreOnCompute, type ScoreOnLoss } from './score-curves.js';
export { curveForecast, fitTaskCurves, METHODS, type ForecastMethod, type TaskCurves } from './task-curves.js';
