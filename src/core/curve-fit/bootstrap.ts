/**
 * Case bootstrap of the sigmoid fit (Efron & Tibshirani 1993, "An Introduction to the Bootstrap",
 * §9.5): resample the models with replacement, refit from the full-data fit, and take percentile
 * intervals of the refitted parameters.
 */
import { randomInt, type Rng } from '../random.js';
import type { LeastSquaresOptions } from './levenberg-marquardt.js';
import { fitSigmoid, refitSigmoid, type SigmoidBounds, type SigmoidFitOptions } from './fit-sigmoid.js';
import type { SigmoidParams } from './sigmoid.js';

export interface BootstrapSample {
  /** Refitted parameters of every resample whose fit converged. */
  fits: SigmoidParams[];
  /** Resamples drawn. */
  requested: number;
  /** Resamples skipped: fewer than `minScales` distinct x values, or the refit did not converge. */
  failed: number;
}

/**
 * Draw `resamples` case-bootstrap resamples of (x, y) and refit each from `best` within `bounds`
 * (which stay those of the full data, so every replicate searches the same box); a refit that does
 * not converge is retried from the full grid of starts before it is counted as failed.
 * @param minScales resamples with fewer distinct x values are skipped (counted in `failed`)
 * @example
 * // xs = [18, 19, 20, 21, 22, 23], ys = [0, 0.0025, 0.0474, 0.5, 0.9526, 0.9975], fit = fitSigmoid(xs, ys, { floor: 0 })
 * bootstrapSigmoid(xs, ys, fit.params, fit.bounds, 1000, createRng(DEFAULT_SEED)) // 769 fits, failed 231 (six models: many resamples keep fewer than 4 distinct scales)
 */
export function bootstrapSigmoid(
  xs: readonly number[],
  ys: readonly number[],
  best: SigmoidParams,
  bounds: SigmoidBounds,
  resamples: number,
  rng: Rng,
  options: { minScales?: number; fitOptions?: SigmoidFitOptions; solver?: LeastSquaresOptions } = {},
): BootstrapSample {
  const n = xs.length;
  const minScales = options.minScales ?? 4;
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  const fits: SigmoidParams[] = [];
  let failed = 0;
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const j = randomInt(rng, n);
      bx[i] = xs[j]!;
      by[i] = ys[j]!;
    }
    if (new Set(bx).size < minScales) {
      failed++;
      continue;
    }
    let fit = refitSigmoid(bx, by, best, bounds, options.solver);
    if (!fit.converged) {
      const grid = fitSigmoid(bx, by, { ...options.fitOptions, solver: options.solver });
      // The grid's box comes from the resample; keep it only if it lies within the full-data box.
      if (grid.converged && withinBounds(grid.params, bounds)) fit = grid;
    }
    if (fit.converged) fits.push(fit.params);
    else failed++;
  }
  return { fits, requested: resamples, failed };
}

/**
 * The q-quantile of a sample by linear interpolation between order statistics (Hyndman & Fan 1996
 * type 7, the default of R and NumPy).
 * @throws RangeError on an empty sample or q outside [0, 1]
 * @example quantile([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of an empty sample');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile level must be in [0, 1], got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Equal-tailed percentile interval [q(α/2), q(1 − α/2)] of a sample.
 * @example percentileInterval([1, 2, 3, 4, 5], 0.5) // [2, 4]
 */
export function percentileInterval(values: readonly number[], alpha = 0.05): [number, number] {
  return [quantile(values, alpha / 2), quantile(values, 1 - alpha / 2)];
}

function withinBounds(p: SigmoidParams, bounds: SigmoidBounds): boolean {
  return (['x0', 'k', 'floor', 'ceiling'] as const).every((name) => p[name] >= bounds.lower[name] && p[name] <= bounds.upper[name]);
}
