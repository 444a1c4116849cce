/**
 * Prediction intervals that reflect the error of extrapolating (DESIGN.md, "Forecasting benchmark
 * scores"): a split-conformal interval (Vovk et al. 2005; Lei et al. 2018, "Distribution-free
 * predictive inference for regression", JASA 113) on the errors of the fit's own rolling-origin
 * back-tests (backtest.ts), normalised by a width that grows with the extrapolation distance.
 *
 * A back-test error e_i = ŷ_i − y_i made d_i decades of compute beyond the largest run of its
 * training set gets the score r_i = |e_i| / w(d_i), with
 *
 *   w(d) = √(d0 + max(d, 0)),   d0 = 0.25 decades,
 *
 * (errors that accumulate like a random walk in the distance, with a floor for forecasts inside the
 * fitted range). For a forecast ŷ at distance d, the interval at level 1 − α is
 *
 *   ŷ ± q·w(d),   q = Q(⌈(n + 1)(1 − α)⌉ / n),
 *
 * clipped to [0, 1], with Q the quantile function of the n scores (the finite-sample conformal
 * level; Q(1), the largest score, when fewer than 1/α − 1 scores exist). This width was chosen over
 * a constant one (plain split conformal) and a linear one, d0 + d, by the coverage and interval score
 * they reached on held-out runs of the Gadre et al. ladders (README, "How the intervals held up").
 *
 * Scaled intervals (normalised split conformal; Lei et al. 2018, §5.2): when the tasks of a forecast
 * differ in how far their scores scatter about their curves (public evaluations of models of many
 * families: a benchmark of two options scatters less than a maths benchmark), each error is divided
 * by its task's scale s (the RMSE of the task's curve fit), r_i = |e_i|/(s_i·w(d_i)), and a forecast's
 * interval is ŷ ± q·s·w(d): one quantile, widths in proportion to each task's scatter.
 *
 * The model stores Q at 101 levels (0, 0.01, …, 1), to 6 significant digits, rather than the scores
 * themselves: a forecast file stays small, and the fit, predict and thresholds all read intervals
 * from the same summary.
 */

/** Offset d0 of the width w(d) = √(d0 + max(d, 0)), in decades. */
export const WIDTH_OFFSET = 0.25;

/** Levels at which the quantile function of the scores is kept: 0, 0.01, …, 1. */
export const QUANTILE_STEPS = 100;

export interface IntervalModel {
  /** d0 of w(d) = √(d0 + max(d, 0)). */
  offset: number;
  /** Number of back-test errors calibrated on. */
  n: number;
  /** Q(j/100) for j = 0..100 of the scores |e|/w(d) (Hyndman & Fan type 7), ascending. */
  quantiles: number[];
  /** Scaled intervals: the scores are |e|/(s·w(d)) and an interval's half-width q·s·w(d), s the task's scale. */
  scaled?: boolean;
}

/**
 * w(d) = √(d0 + max(d, 0)), the width at d decades beyond the largest fitted run.
 * @example intervalWidth(0.25, 1) // 1.118033988749895
 */
export function intervalWidth(offset: number, distance: number): number {
  return Math.sqrt(offset + Math.max(distance, 0));
}

/**
 * The interval model of back-test errors (see the module comment); with `scaleOf`, scaled intervals,
 * each error divided by its task's scale.
 * @throws RangeError with no errors, or an error, distance or scale that is not finite (a scale must be > 0)
 * @example calibrateIntervals([{ error: 0.02, distance: 0 }, { error: -0.05, distance: 0.75 }]).quantiles[100] // 0.05 (= 0.05/√1)
 */
export function calibrateIntervals<E extends { error: number; distance: number }>(errors: readonly E[], offset = WIDTH_OFFSET, scaleOf?: (error: E) => number): IntervalModel {
  if (errors.length === 0) throw new RangeError('no back-test errors to calibrate on');
  const scores = errors.map((e) => {
    const scale = scaleOf ? scaleOf(e) : 1;
    if (!Number.isFinite(e.error) || !Number.isFinite(e.distance) || !(scale > 0 && scale < Infinity)) throw new RangeError('back-test errors, distances and scales must be finite (scales > 0)');
    return Math.abs(e.error) / (scale * intervalWidth(offset, e.distance));
  });
  scores.sort((a, b) => a - b);
  const quantiles = Array.from({ length: QUANTILE_STEPS + 1 }, (_, j) => {
    const h = ((scores.length - 1) * j) / QUANTILE_STEPS;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, scores.length - 1);
    return Number((scores[lo]! + (h - lo) * (scores[hi]! - scores[lo]!)).toPrecision(6));
  });
  return { offset, n: scores.length, quantiles, ...(scaleOf ? { scaled: true } : {}) };
}

/** Q(p), 0 ≤ p ≤ 1, by linear interpolation of the stored quantiles. */
export function scoreQuantile(model: IntervalModel, p: number): number {
  const h = Math.min(Math.max(p, 0), 1) * QUANTILE_STEPS;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, QUANTILE_STEPS);
  return model.quantiles[lo]! + (h - lo) * (model.quantiles[hi]! - model.quantiles[lo]!);
}

/**
 * The conformal quantile level for level 1 − α on n scores: min(1, ⌈(n + 1)(1 − α)⌉/n).
 * @example conformalLevel(9, 0.8) // 0.8888888888888888 (⌈8⌉/9)
 */
export function conformalLevel(n: number, level: number): number {
  return Math.min(1, Math.ceil((n + 1) * level - 1e-9) / n);
}

/**
 * The interval ŷ ± q·w(d) at `level` (ŷ ± q·s·w(d) for a scaled model, s the task's `scale`),
 * clipped to [0, 1] (see the module comment).
 * @example predictionInterval(model, 0.5, 1, 0.8) // { lower: 0.5 − q·1.118, upper: 0.5 + q·1.118 }
 */
export function predictionInterval(model: IntervalModel, forecast: number, distance: number, level: number, scale = 1): { lower: number; upper: number } {
  const half = scoreQuantile(model, conformalLevel(model.n, level)) * scale * intervalWidth(model.offset, distance);
  return { lower: Math.max(0, forecast - half), upper: Math.min(1, forecast + half) };
}

/** G(r) = P(|S| ≤ r), the inverse of Q, by linear interpolation (0 below Q(0), 1 from Q(1)). */
function scoreCdf(model: IntervalModel, r: number): number {
  const q = model.quantiles;
  if (r < q[0]!) return 0;
  if (r >= q[QUANTILE_STEPS]!) return 1;
  let j = 0;
  while (j < QUANTILE_STEPS && q[j + 1]! <= r) j++;
  const span = q[j + 1]! - q[j]!;
  return (j + (span > 0 ? (r - q[j]!) / span : 0)) / QUANTILE_STEPS;
}

/**
 * The forecast probability that the score reaches `target`, from the same error model: the score is
 * ŷ + s·w(d)·S with S symmetric and |S| distributed as the back-test scores (s = 1 unless the model
 * is scaled), so with z = (target − ŷ)/(s·w(d))
 *
 *   P(score ≥ target) = ½·(1 − sign(z)·(n/(n + 1))·G(|z|)),   G(r) = P(|S| ≤ r),
 *
 * where n/(n + 1) keeps P inside (0, 1) as a conformal p-value does. At the lower end of the interval
 * of level 1 − α the probability is about 1 − α/2 (0.9 for the 80% interval).
 * @example probabilityAtLeast(model, 0.6, 1, 0.6) // 0.5 (the target is the forecast itself)
 */
export function probabilityAtLeast(model: IntervalModel, forecast: number, distance: number, target: number, scale = 1): number {
  const z = (target - forecast) / (scale * intervalWidth(model.offset, distance));
  const g = (model.n / (model.n + 1)) * scoreCdf(model, Math.abs(z));
  return 0.5 * (1 - Math.sign(z) * g);
}
