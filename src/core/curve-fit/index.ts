/**
 * Fitting emergence curves to task scores across model scale (DESIGN.md, "Fitting an emergence
 * curve"): group long-format scores, fit y = floor + (ceiling − floor)·σ(k·(x − x0)) per group with
 * bootstrap intervals and a verdict, and back-test the fits against naive forecasts.
 */
export { AXIS_UNITS, AXIS_WIDTH_UNITS, fromX, SCALE_AXES, toX, type ScaleAxis } from './axis.js';
export { backtest, type Backtest, type BacktestOptions, type BacktestPrediction, type GroupBacktest } from './backtest.js';
export { bigBenchMeasures, BREAKTHROUGHNESS_CAP, scalingSeries, type BigBenchMeasures, type ScalingSeries } from './bigbench-measures.js';
export { bootstrapSigmoid, percentileInterval, quantile, type BootstrapSample } from './bootstrap.js';
export {
  CURVE_FIT_DEFAULTS,
  fitEmergenceCurve,
  fitEmergenceCurves,
  hashKey,
  type CurveFitOptions,
  type CurveIntervals,
  type CurveResult,
  type FittedCurve,
  type Interval,
  type UnfittedCurve,
  type Verdict,
} from './fit-curve.js';
export { CEILING_SLACK, FLOOR_RANGE, fitSigmoid, K_RANGE, refitSigmoid, sigmoidBounds, X0_MARGIN, type ParamName, type SigmoidBounds, type SigmoidFit, type SigmoidFitOptions } from './fit-sigmoid.js';
export { groupLabel, groupScores, type ModelPoint, type ScoreGroup, type ScoreRow } from './group-scores.js';
export { leastSquares, type LeastSquaresOptions, type LeastSquaresProblem, type LeastSquaresResult } from './levenberg-marquardt.js';
export { bic, fitLine, mean, rSquared, type LineFit } from './line.js';
export { detectScoreScale, type ScoreScale } from './score-scale.js';
export { catalogWidth, logistic, riseWidth, sigmoidScore, toLogisticCurve, type SigmoidParams } from './sigmoid.js';
