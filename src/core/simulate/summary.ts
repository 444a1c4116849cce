/**
 * Where a series crosses 10%, 50% and 90% of its nominal range, and how sharp the rise is.
 *
 * Levels are fractions of the series' nominal range [low, high] (an ability's floor and ceiling,
 * 0–1 by default), not of the values seen in the sweep, so a summary does not change when the sweep
 * is extended. Between grid points a crossing is interpolated linearly in log10 of the scale (the
 * axis every chart uses). A level that the series already meets at the first point is `before` the
 * sweep, one it never reaches is `after` it: neither has a scale (never NaN).
 */
import type { Crossing, Series, SeriesSummary } from './series.js';

/** The fractions of the nominal range reported for every bounded series. */
export const SUMMARY_FRACTIONS = [0.1, 0.5, 0.9] as const;

/**
 * First crossing of `level` by y(x), scanning from the smallest x: the first i with y_i ≥ level,
 * interpolated between points i−1 and i linearly in log10 x:
 * `log10 x* = log10 x_{i−1} + (level − y_{i−1})/(y_i − y_{i−1})·(log10 x_i − log10 x_{i−1})`.
 * @param x increasing scales (> 0)
 * @returns the scale of the crossing, `'before'` when y_0 ≥ level, `'after'` when no y_i reaches it
 * @example firstCrossing([1e9, 1e10, 1e11], [0, 0.4, 0.8], 0.6) // 3.1623e10 (halfway in log10 between 1e10 and 1e11)
 */
export function firstCrossing(x: ArrayLike<number>, y: ArrayLike<number>, level: number): number | 'before' | 'after' {
  if (y.length === 0) return 'after';
  if (y[0]! >= level) return 'before';
  for (let i = 1; i < y.length; i++) {
    const yi = y[i]!;
    if (yi >= level) {
      const previous = y[i - 1]!;
      const t = (level - previous) / (yi - previous);
      const lo = Math.log10(x[i - 1]!);
      return 10 ** (lo + t * (Math.log10(x[i]!) - lo));
    }
  }
  return 'after';
}

/**
 * The crossing of `fraction` of the range [low, high] (value `low + fraction·(high − low)`).
 * @example crossingAt([1e9, 1e10, 1e11], [0.25, 0.5, 1], [0.25, 1], 0.5) // {fraction: 0.5, value: 0.625, position: 'within', scale: 1.7783e10} (a quarter of the way from 1e10 to 1e11)
 */
export function crossingAt(x: ArrayLike<number>, y: ArrayLike<number>, range: readonly [number, number], fraction: number): Crossing {
  const value = range[0] + fraction * (range[1] - range[0]);
  const found = firstCrossing(x, y, value);
  return typeof found === 'number' ? { fraction, value, position: 'within', scale: found } : { fraction, value, position: found };
}

/**
 * Summary of a series: first and last value, the 10/50/90% crossings of its nominal range and the
 * width `log10(at90/at10)` in decades (the sharpness of the rise; defined only when both crossings
 * fall inside the sweep).
 * @example summarizeSeries(series).widthDecades // 0.96039 for a logistic of width 0.5 decade on logGrid(1e8, 1e14, 61): 2·log10(9)·0.5 = 0.95424 plus the interpolation error of 10 points a decade
 */
export function summarizeSeries(series: Series): SeriesSummary {
  const { x, y } = series;
  const summary: SeriesSummary = { name: series.name, unit: series.unit, start: y[0]!, end: y[y.length - 1]!, crossings: [] };
  if (series.range === undefined) return summary;
  const range = series.range;
  summary.crossings = SUMMARY_FRACTIONS.map((f) => crossingAt(x, y, range, f));
  const [c10, c50, c90] = summary.crossings;
  if (c10?.scale !== undefined) summary.at10 = c10.scale;
  if (c50?.scale !== undefined) summary.at50 = c50.scale;
  if (c90?.scale !== undefined) summary.at90 = c90.scale;
  if (summary.at10 !== undefined && summary.at90 !== undefined) summary.widthDecades = Math.log10(summary.at90) - Math.log10(summary.at10);
  return summary;
}

/** Distance in decades from scale a to scale b, `log10(b/a)`; undefined when either is missing. */
export function decadesBetween(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : Math.log10(b) - Math.log10(a);
}

/**
 * The value of a series at `scale`, interpolated linearly in log10 x between grid points;
 * undefined outside the sweep.
 * @example valueAt([1e9, 1e10, 1e11], [0, 0.4, 0.8], 10 ** 10.5) // 0.6
 */
export function valueAt(x: ArrayLike<number>, y: ArrayLike<number>, scale: number): number | undefined {
  const n = x.length;
  if (n === 0 || !(scale >= x[0]! && scale <= x[n - 1]!)) return undefined;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= scale) lo = mid;
    else hi = mid;
  }
  const l0 = Math.log10(x[lo]!);
  const l1 = Math.log10(x[hi]!);
  const t = l1 === l0 ? 0 : (Math.log10(scale) - l0) / (l1 - l0);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}
