/**
 * How good forecasts were on held-out runs: mean absolute error, bias, interval coverage and width,
 * and the interval score, which rewards narrow intervals and penalises misses in proportion to how
 * far outside the truth fell (Gneiting & Raftery 2007, "Strictly proper scoring rules, prediction,
 * and estimation", JASA 102, §6.2). Coverage alone is not a test: an interval of [0, 1] covers
 * everything.
 */

/**
 * The interval score of the central (1 − α) interval [l, u] for the truth y:
 *   IS = (u − l) + (2/α)·(l − y)⁺ + (2/α)·(y − u)⁺   (lower is better; in the units of y).
 * @example intervalScore(0.4, 0.6, 0.7, 0.2) // 0.2 + 10·0.1 = 1.2
 */
export function intervalScore(lower: number, upper: number, observed: number, alpha: number): number {
  return upper - lower + (2 / alpha) * Math.max(0, lower - observed) + (2 / alpha) * Math.max(0, observed - upper);
}

export interface ScoredForecast {
  observed: number;
  forecast: number;
  lower?: number;
  upper?: number;
}

export interface ForecastErrors {
  n: number;
  /** Mean |forecast − observed|, on 0–1. */
  mae: number;
  /** Mean (forecast − observed): > 0 the method over-predicts. */
  bias: number;
  /** Fraction of observed scores inside [lower, upper]; undefined without intervals. */
  coverage?: number;
  /** Mean width upper − lower. */
  width?: number;
  /** Mean interval score at the level. */
  intervalScore?: number;
}

/**
 * The figures of a set of forecasts at interval level `level` (α = 1 − level). Intervals count only
 * when every forecast has one.
 * @throws RangeError on an empty set
 * @example forecastErrors([{ observed: 0.5, forecast: 0.55, lower: 0.45, upper: 0.65 }], 0.8) // { n: 1, mae: 0.05, bias: 0.05, coverage: 1, width: 0.2, intervalScore: 0.2 } (up to rounding)
 */
export function forecastErrors(forecasts: readonly ScoredForecast[], level: number): ForecastErrors {
  const n = forecasts.length;
  if (n === 0) throw new RangeError('no forecasts to score');
  let absolute = 0;
  let signed = 0;
  for (const f of forecasts) {
    absolute += Math.abs(f.forecast - f.observed);
    signed += f.forecast - f.observed;
  }
  const result: ForecastErrors = { n, mae: absolute / n, bias: signed / n };
  if (forecasts.every((f) => f.lower !== undefined && f.upper !== undefined)) {
    let covered = 0;
    let width = 0;
    let score = 0;
    for (const f of forecasts) {
      const lower = f.lower!;
      const upper = f.upper!;
      if (f.observed >= lower && f.observed <= upper) covered++;
      width += upper - lower;
      score += intervalScore(lower, upper, f.observed, 1 - level);
    }
    Object.assign(result, { coverage: covered / n, width: width / n, intervalScore: score / n });
  }
  return result;
}
