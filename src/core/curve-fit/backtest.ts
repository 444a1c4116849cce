/**
 * Back-test of emergence curves: fit each group on the models at or below a cutoff scale, predict the
 * models above it, and compare the mean absolute error with two naive forecasts that need no curve:
 * the mean of the training scores, and the score of the largest training model (persistence).
 */
import { fromX, toX, type ScaleAxis } from './axis.js';
import { scalingSeries } from './bigbench-measures.js';
import { CURVE_FIT_DEFAULTS } from './fit-curve.js';
import { fitSigmoid } from './fit-sigmoid.js';
import { groupLabel, type ScoreGroup } from './group-scores.js';
import { sigmoidScore, type SigmoidParams } from './sigmoid.js';

export interface BacktestOptions {
  axis: ScaleAxis;
  /**
   * Models with scale ≤ cutoff train, the rest are predicted; in the axis's unit. On the loss axis
   * "at or below" means at or above the cutoff loss (larger loss is smaller scale).
   */
  cutoff: number;
  /** As in CurveFitOptions. */
  fitCeiling?: boolean;
  ignoreBaseline?: boolean;
  minScales?: number;
  flatRange?: number;
}

export interface BacktestPrediction {
  group: Readonly<Record<string, string>>;
  label: string;
  model: string;
  /** The model's scale in the axis's unit. */
  scale: number;
  /** Observed score, 0–1. */
  observed: number;
  /** Sigmoid prediction, 0–1. */
  predicted: number;
  /** Naive forecasts, 0–1: mean training score; score of the largest training model. */
  meanBaseline: number;
  lastBaseline: number;
}

export interface GroupBacktest {
  key: string;
  group: Readonly<Record<string, string>>;
  label: string;
  trainModels: number;
  testModels: number;
  /** Why the group was not back-tested (no models above the cutoff, too few scales below it, flat training scores). */
  skipped?: string;
  params?: SigmoidParams;
  /** Threshold of the training fit, in the axis's unit. */
  threshold?: number;
  converged?: boolean;
  /** Mean absolute errors over this group's predicted models, 0–1 scale. */
  mae?: number;
  maeMeanBaseline?: number;
  maeLastBaseline?: number;
}

export interface Backtest {
  axis: ScaleAxis;
  cutoff: number;
  groups: GroupBacktest[];
  predictions: BacktestPrediction[];
  /** Mean absolute errors pooled over every predicted model of every back-tested group (0–1 scale); undefined when nothing was predicted. */
  mae?: number;
  maeMeanBaseline?: number;
  maeLastBaseline?: number;
}

/**
 * Back-test every group at one cutoff (see the module comment). Groups with no model above the
 * cutoff, fewer than `minScales` distinct scales at or below it, or training scores spanning less than
 * `flatRange` are skipped with a reason; the pooled errors cover the others. The training fit uses the
 * same bounds and starts as `fitEmergenceCurve`, computed from the training models alone.
 * @throws RangeError when the cutoff or a scale is not valid on the axis
 * @example backtest(groupScores(obsScalingRows), { axis: 'compute', cutoff: 8.4e22 }).mae // 0.22701167316930804 (fixtures/emergence_obsscaling_bigbench.csv, training_flop)
 */
export function backtest(groups: readonly ScoreGroup[], options: BacktestOptions): Backtest {
  const minScales = options.minScales ?? CURVE_FIT_DEFAULTS.minScales;
  const flatRange = options.flatRange ?? CURVE_FIT_DEFAULTS.flatRange;
  const cutoffX = toX(options.axis, options.cutoff);
  const results: GroupBacktest[] = [];
  const predictions: BacktestPrediction[] = [];

  for (const g of groups) {
    const label = groupLabel(g.group);
    const points = g.points.map((p) => ({ ...p, x: toX(options.axis, p.scale) }));
    const train = points.filter((p) => p.x <= cutoffX);
    const test = points.filter((p) => p.x > cutoffX);
    const base: GroupBacktest = { key: g.key, group: g.group, label, trainModels: train.length, testModels: test.length };
    if (g.invalid !== undefined) {
      results.push({ ...base, skipped: g.invalid });
      continue;
    }
    if (test.length === 0) {
      results.push({ ...base, skipped: `${label}: no model above the cutoff to predict` });
      continue;
    }
    const series = scalingSeries(
      train.map((p) => p.x),
      train.map((p) => p.score),
    );
    if (series.xs.length < minScales) {
      results.push({ ...base, skipped: `${label}: ${series.xs.length} distinct scales at or below the cutoff; at least ${minScales} are needed` });
      continue;
    }
    const spread = Math.max(...series.ys) - Math.min(...series.ys);
    if (spread < flatRange) {
      results.push({ ...base, skipped: `${label}: training scores vary by only ${spread.toPrecision(2)}; no rise to extrapolate` });
      continue;
    }

    const floor = options.ignoreBaseline ? undefined : g.baseline;
    const fit = fitSigmoid(
      train.map((p) => p.x),
      train.map((p) => p.score),
      floor === undefined ? { fitCeiling: options.fitCeiling ?? false } : { floor, fitCeiling: options.fitCeiling ?? false },
    );
    const meanBaseline = train.reduce((s, p) => s + p.score, 0) / train.length;
    const lastBaseline = series.ys[series.ys.length - 1]!;
    let sigmoidError = 0;
    let meanError = 0;
    let lastError = 0;
    for (const p of test) {
      const predicted = sigmoidScore(fit.params, p.x);
      predictions.push({ group: g.group, label, model: p.model, scale: p.scale, observed: p.score, predicted, meanBaseline, lastBaseline });
      sigmoidError += Math.abs(predicted - p.score);
      meanError += Math.abs(meanBaseline - p.score);
      lastError += Math.abs(lastBaseline - p.score);
    }
    results.push({
      ...base,
      params: fit.params,
      threshold: fromX(options.axis, fit.params.x0),
      converged: fit.converged,
      mae: sigmoidError / test.length,
      maeMeanBaseline: meanError / test.length,
      maeLastBaseline: lastError / test.length,
    });
  }

  const out: Backtest = { axis: options.axis, cutoff: options.cutoff, groups: results, predictions };
  if (predictions.length > 0) {
    const n = predictions.length;
    out.mae = predictions.reduce((s, p) => s + Math.abs(p.predicted - p.observed), 0) / n;
    out.maeMeanBaseline = predictions.reduce((s, p) => s + Math.abs(p.meanBaseline - p.observed), 0) / n;
    out.maeLastBaseline = predictions.reduce((s, p) => s + Math.abs(p.lastBaseline - p.observed), 0) / n;
  }
  return out;
}
