/**
 * The smooth alternative to an emergence curve: a straight line in x (log scale), fitted by ordinary
 * least squares.
 */

export interface LineFit {
  intercept: number;
  slope: number;
  /** Residual sum of squares. */
  rss: number;
}

/**
 * Ordinary least-squares line y = intercept + slope·x:
 * slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², intercept = ȳ − slope·x̄.
 * @throws RangeError when there are fewer than two points or x has no spread
 * @example fitLine([1, 2, 3], [1, 3, 5]) // { intercept: -1, slope: 2, rss: 0 }
 */
export function fitLine(xs: readonly number[], ys: readonly number[]): LineFit {
  const n = xs.length;
  if (n < 2 || ys.length !== n) throw new RangeError('need at least two (x, y) points');
  const xMean = mean(xs);
  const yMean = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - xMean) ** 2;
    sxy += (xs[i]! - xMean) * (ys[i]! - yMean);
  }
  if (!(sxx > 0)) throw new RangeError('x values must not all be equal');
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ys[i]! - intercept - slope * xs[i]!) ** 2;
  return { intercept, slope, rss };
}

/**
 * Coefficient of determination R² = 1 − RSS / TSS, TSS = Σ(y − ȳ)². 1 for a perfect fit; negative
 * when the model does worse than the mean; NaN-free: 1 when TSS = RSS = 0, −Infinity never (0 when TSS = 0 < RSS).
 * @example rSquared([1, 2, 3, 4], 0.5) // 0.9
 */
export function rSquared(ys: readonly number[], rss: number): number {
  const yMean = mean(ys);
  let tss = 0;
  for (const y of ys) tss += (y - yMean) ** 2;
  if (tss === 0) return rss === 0 ? 1 : 0;
  return 1 - rss / tss;
}

/**
 * Bayesian information criterion of a least-squares fit with Gaussian errors of unknown variance,
 * up to a constant shared by all models of the same data: `n·ln(RSS/n) + p·ln n` (Schwarz 1978),
 * p = the number of fitted mean parameters (the variance, common to all, is left out). RSS is floored
 * at n·1e-30 so that an exact fit gives a finite value.
 * @example bic(0.5, 20, 2) // -67.78612453517074
 */
export function bic(rss: number, n: number, parameters: number): number {
  return n * Math.log(Math.max(rss, n * 1e-30) / n) + parameters * Math.log(n);
}

/**
 * The arithmetic mean of a non-empty list, summed in order.
 * @example mean([1, 2, 6]) // 3
 */
export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}
