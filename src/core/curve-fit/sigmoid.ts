/**
 * The emergence curve fitted to task scores: a logistic rise from a floor to a ceiling in x, where x is
 * log10 of scale (or minus the predicted loss, see axis.ts):
 *
 *   y(x) = floor + (ceiling − floor)·σ(k·(x − x0)),   σ(z) = 1 / (1 + e^(−z))
 *
 * x0 is the threshold (the midpoint of the rise), k > 0 the sharpness in e-folds of the odds per unit
 * of x (per decade of scale when x = log10 scale).
 */
import type { LogisticCurve } from '../emergence.js';

export interface SigmoidParams {
  /** Midpoint of the rise, in x units. */
  x0: number;
  /** Sharpness (> 0), per unit of x. */
  k: number;
  /** Score far below the threshold, on the 0–1 scale. */
  floor: number;
  /** Score far above the threshold, on the 0–1 scale. */
  ceiling: number;
}

/** ln 9: the logistic goes from 0.1 to 0.9 as its argument goes from −ln 9 to +ln 9. */
const LN9 = Math.log(9);

/**
 * The logistic function σ(z) = 1 / (1 + e^(−z)), in (0, 1); saturates to exactly 0 or 1 for |z| > ~745
 * without producing NaN.
 * @example logistic(Math.log(9)) // 0.8999999999999999
 */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Predicted score `floor + (ceiling − floor)·σ(k·(x − x0))` at x (x units, see axis.ts).
 * At x = x0 it is the midpoint (floor + ceiling)/2.
 * @example sigmoidScore({x0: 22, k: 3, floor: 0, ceiling: 1}, 22.5) // 0.8175744761936437
 */
export function sigmoidScore(p: SigmoidParams, x: number): number {
  return p.floor + (p.ceiling - p.floor) * logistic(p.k * (x - p.x0));
}

/**
 * Width of the 10%–90% part of the rise, in x units: the fraction of the rise σ(k(x − x0)) is 0.1 at
 * x0 − ln 9/k and 0.9 at x0 + ln 9/k, so the width is exactly `2·ln 9 / k` (≈ 4.394/k). With
 * x = log10(scale) this is in decades of scale; with x = −loss, in nats of loss. (If k were instead
 * measured per e-fold of scale, x = ln(scale), the width in decades would be 2·ln 9/(k·ln 10).)
 * @param k sharpness (> 0) per unit of x
 * @throws RangeError when k is not a positive finite number
 * @example riseWidth(3) // 1.4648163848908131 (decades, for x = log10 scale)
 */
export function riseWidth(k: number): number {
  if (!(k > 0) || !Number.isFinite(k)) throw new RangeError(`sharpness k must be a positive finite number, got ${k}`);
  return (2 * LN9) / k;
}

/**
 * The catalog's width parameter w (src/core/emergence.ts, LogisticCurve) equivalent to sharpness k:
 * the catalog writes the rise as 1/(1 + 10^(−(x − x0)/w)) = σ(ln 10·(x − x0)/w), so w = ln 10 / k
 * decades. Use it to turn a fitted curve into a catalog ability.
 * @throws RangeError when k is not a positive finite number
 * @example catalogWidth(3) // 0.7675283643313486
 */
export function catalogWidth(k: number): number {
  if (!(k > 0) || !Number.isFinite(k)) throw new RangeError(`sharpness k must be a positive finite number, got ${k}`);
  return Math.LN10 / k;
}

/**
 * The catalog curve (src/core/emergence.ts) with the same shape as a fitted sigmoid on a log10 axis:
 * width w = ln 10 / k decades, same floor and ceiling; the catalog's threshold is then 10^x0. Only
 * meaningful for x = log10(scale), not for the loss axis.
 * @throws RangeError when k is not a positive finite number
 * @example toLogisticCurve({ x0: 22, k: 3, floor: 0, ceiling: 1 }) // { shape: 'logistic', width: 0.7675283643313486, floor: 0, ceiling: 1 }
 */
export function toLogisticCurve(p: SigmoidParams): LogisticCurve {
  return { shape: 'logistic', width: catalogWidth(p.k), floor: p.floor, ceiling: p.ceiling };
}
