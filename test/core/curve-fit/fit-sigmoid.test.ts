import { describe, expect, it } from 'vitest';
import { fitSigmoid, refitSigmoid, sigmoidBounds } from '../../../src/core/curve-fit/fit-sigmoid.js';
import { sigmoidScore } from '../../../src/core/curve-fit/sigmoid.js';
import { standardErrors, syntheticCurve } from './synthetic.js';

describe('fitSigmoid: recovering known curves', () => {
  // Noiseless data: the fit must land on the generating parameters; LM stops at a gradient cosine of
  // 1e-8, which leaves errors of order 1e-7 in the parameters, so 1e-6.
  it('recovers x0 and k exactly from noiseless scores with a known floor', () => {
    const truth = { x0: 21, k: 3, floor: 0, ceiling: 1 };
    const xs = [18, 19, 20, 20.5, 21, 21.5, 22, 23, 24];
    const fit = fitSigmoid(xs, xs.map((x) => sigmoidScore(truth, x)), { floor: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.params.x0).toBeCloseTo(21, 6);
    expect(fit.params.k).toBeCloseTo(3, 6);
    expect(fit.rss).toBeLessThan(1e-12);
  });

  // Seeded noise (sd 0.02, 80 models over 7 decades). Each estimate must be within 4 asymptotic
  // standard errors of the truth (Jacobian at the truth; a 4-SE miss has probability 6e-5 for a
  // normal estimator, so a failure means a bias, not bad luck).
  it.each([1, 2, 3, 4, 5])('recovers x0, k and a fitted floor from noisy scores (seed %d)', (seed) => {
    const truth = { x0: 22, k: 2.5, floor: 0.25, ceiling: 1 };
    const { xs, ys } = syntheticCurve(truth, 80, 18, 25, 0.02, seed);
    const fit = fitSigmoid(xs, ys);
    const se = standardErrors(truth, xs, 0.02, ['x0', 'k', 'floor']);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.x0 - truth.x0)).toBeLessThan(4 * se.x0!);
    expect(Math.abs(fit.params.k - truth.k)).toBeLessThan(4 * se.k!);
    expect(Math.abs(fit.params.floor - truth.floor)).toBeLessThan(4 * se.floor!);
    expect(fit.params.ceiling).toBe(1);
  });

  it.each([11, 12, 13])('recovers a fitted ceiling below 1 (seed %d)', (seed) => {
    const truth = { x0: 21.5, k: 4, floor: 0, ceiling: 0.7 };
    const { xs, ys } = syntheticCurve(truth, 80, 18, 25, 0.02, seed);
    const fit = fitSigmoid(xs, ys, { floor: 0, fitCeiling: true });
    const se = standardErrors(truth, xs, 0.02, ['x0', 'k', 'ceiling']);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.x0 - truth.x0)).toBeLessThan(4 * se.x0!);
    expect(Math.abs(fit.params.k - truth.k)).toBeLessThan(4 * se.k!);
    expect(Math.abs(fit.params.ceiling - truth.ceiling)).toBeLessThan(4 * se.ceiling!);
  });

  it('keeps a fixed floor fixed', () => {
    const { xs, ys } = syntheticCurve({ x0: 22, k: 2, floor: 0.25, ceiling: 1 }, 40, 18, 25, 0.02, 7);
    expect(fitSigmoid(xs, ys, { floor: 0.25 }).params.floor).toBe(0.25);
  });
});

describe('fitSigmoid: bounds', () => {
  it('builds the documented box', () => {
    const b = sigmoidBounds([20, 21, 22, 24], [0, 0.1, 0.5, 0.9], { floor: 0 });
    expect(b.lower).toEqual({ x0: 19, k: 0.01, floor: 0, ceiling: 1 });
    expect(b.upper).toEqual({ x0: 25, k: 50, floor: 0, ceiling: 1 });
    const fitted = sigmoidBounds([20, 24], [0.1, 0.6], { fitCeiling: true });
    expect(fitted.lower.floor).toBe(0);
    expect(fitted.upper.floor).toBe(0.3);
    expect(fitted.lower.ceiling).toBeCloseTo(0.4, 15);
    expect(fitted.upper.ceiling).toBe(1);
  });

  it('reports a step sharper than the box allows as k on its bound', () => {
    const xs = [18, 19, 20, 21, 21.9, 22.1, 23, 24];
    const ys = xs.map((x) => (x < 22 ? 0 : 1));
    const fit = fitSigmoid(xs, ys, { floor: 0 });
    expect(fit.params.k).toBe(50);
    expect(fit.atBound).toEqual(['k']);
    expect(fit.params.x0).toBeCloseTo(22, 6);
  });

  it('rejects unusable input', () => {
    expect(() => sigmoidBounds([], [])).toThrow(RangeError);
    expect(() => sigmoidBounds([1, 1], [0, 1])).toThrow(RangeError);
    expect(() => sigmoidBounds([1, 2], [0, 1], { floor: 1 })).toThrow(RangeError);
  });
});

describe('refitSigmoid', () => {
  it('reaches the multi-start optimum from a nearby start', () => {
    const { xs, ys } = syntheticCurve({ x0: 22, k: 2.5, floor: 0, ceiling: 1 }, 60, 18, 25, 0.03, 9);
    const best = fitSigmoid(xs, ys, { floor: 0 });
    const again = refitSigmoid(xs, ys, { ...best.params, x0: best.params.x0 + 0.3, k: best.params.k * 0.7 }, best.bounds);
    expect(again.converged).toBe(true);
    expect(again.params.x0).toBeCloseTo(best.params.x0, 6);
    expect(again.params.k).toBeCloseTo(best.params.k, 5);
  });

  it('says when it has not converged', () => {
    const { xs, ys } = syntheticCurve({ x0: 22, k: 2.5, floor: 0, ceiling: 1 }, 60, 18, 25, 0.03, 9);
    const bounds = sigmoidBounds(xs, ys, { floor: 0 });
    const fit = refitSigmoid(xs, ys, { x0: 19, k: 0.2, floor: 0, ceiling: 1 }, bounds, { maxIterations: 2 });
    expect(fit.converged).toBe(false);
  });
});
