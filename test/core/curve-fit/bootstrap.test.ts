import { describe, expect, it } from 'vitest';
import { bootstrapSigmoid, percentileInterval, quantile } from '../../../src/core/curve-fit/bootstrap.js';
import { fitSigmoid } from '../../../src/core/curve-fit/fit-sigmoid.js';
import { createRng } from '../../../src/core/random.js';
import { syntheticCurve } from './synthetic.js';

describe('quantile', () => {
  // Reference: numpy 2.4.6, np.quantile([3, 1, 4, 1, 5, 9, 2, 6], [0.025, 0.25, 0.5, 0.975])
  // = [1.0, 1.75, 3.5, 8.475] (default method 'linear', Hyndman & Fan type 7).
  it('matches NumPy’s default (type 7) quantiles', () => {
    const sample = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(quantile(sample, 0.025)).toBeCloseTo(1.0, 14);
    expect(quantile(sample, 0.25)).toBeCloseTo(1.75, 14);
    expect(quantile(sample, 0.5)).toBeCloseTo(3.5, 14);
    expect(quantile(sample, 0.975)).toBeCloseTo(8.475, 13);
  });

  it('gives the extremes at 0 and 1 and rejects bad input', () => {
    expect(quantile([5, 2, 7], 0)).toBe(2);
    expect(quantile([5, 2, 7], 1)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('makes an equal-tailed interval', () => {
    expect(percentileInterval([1, 2, 3, 4, 5], 0.5)).toEqual([2, 4]);
  });
});

describe('bootstrapSigmoid', () => {
  const truth = { x0: 22, k: 3, floor: 0, ceiling: 1 };
  const { xs, ys } = syntheticCurve(truth, 60, 18, 25, 0.03, 71);
  const best = fitSigmoid(xs, ys, { floor: 0 });

  it('is reproducible from the seed', () => {
    const a = bootstrapSigmoid(xs, ys, best.params, best.bounds, 50, createRng(3));
    const b = bootstrapSigmoid(xs, ys, best.params, best.bounds, 50, createRng(3));
    expect(a).toEqual(b);
    expect(a.requested).toBe(50);
    expect(a.fits.length + a.failed).toBe(50);
  });

  // The spread of bootstrap estimates of x0 estimates its standard error; for this design the
  // asymptotic value is about 0.02 decades, so the 95% interval should be a few hundredths wide, not
  // zero and not decades.
  it('spreads the refits like the sampling error', () => {
    const sample = bootstrapSigmoid(xs, ys, best.params, best.bounds, 400, createRng(4));
    const [lo, hi] = percentileInterval(sample.fits.map((p) => p.x0));
    expect(hi - lo).toBeGreaterThan(0.02);
    expect(hi - lo).toBeLessThan(0.3);
    expect(lo).toBeLessThan(best.params.x0);
    expect(hi).toBeGreaterThan(best.params.x0);
  });

  it('skips resamples with too few distinct scales', () => {
    const sample = bootstrapSigmoid([20, 21, 22, 23], [0, 0.2, 0.8, 1], best.params, best.bounds, 40, createRng(5));
    // Four points: a resample keeps all four distinct values with probability 4!/4⁴ ≈ 9%.
    expect(sample.failed).toBeGreaterThan(20);
  });
});
