import { describe, expect, it } from 'vitest';
import { fitSigmoid } from '../../../src/core/curve-fit/fit-sigmoid.js';
import { computeForScore, fitScoreOnCompute, fitScoreOnLoss, lossForScore, scoreAtCompute, scoreAtLoss } from '../../../src/core/forecast/index.js';
import { maxSharpness } from '../../../src/core/forecast/score-curves.js';

describe('score curves of a forecast', () => {
  // Noiseless data: the fit must land on the generating constants; LM stops at a gradient cosine of
  // 1e-8, which leaves errors of order 1e-7, so 5 digits.
  it('recovers step 2 from exact (loss, score) pairs', () => {
    const truth = { L0: 3.2, k: 1.4, floor: 0.25, ceiling: 0.85 };
    const losses = [5, 4.7, 4.4, 4.1, 3.8, 3.5, 3.2, 2.9, 2.6];
    const fit = fitScoreOnLoss(losses, losses.map((l) => scoreAtLoss(truth, l)), 0.25);
    expect(fit.converged).toBe(true);
    expect(fit.rmse).toBeLessThan(1e-7);
    for (const key of ['L0', 'k', 'ceiling'] as const) expect(fit.curve[key]).toBeCloseTo(truth[key], 5);
    expect(fit.curve.floor).toBe(0.25);
  });

  it('recovers the one-step curve from exact (compute, score) pairs', () => {
    const truth = { C0: 3e20, k: 0.9, floor: 0, ceiling: 0.7 };
    const computes = [1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
    const fit = fitScoreOnCompute(computes, computes.map((c) => scoreAtCompute(truth, c)), 0);
    expect(Math.log10(fit.curve.C0)).toBeCloseTo(Math.log10(truth.C0), 5);
    expect(fit.curve.k).toBeCloseTo(0.9, 5);
    expect(fit.curve.ceiling).toBeCloseTo(0.7, 5);
  });

  it('sits at the midpoint at L0 and C0, and inverts exactly inside (floor, ceiling)', () => {
    const onLoss = { L0: 3, k: 2, floor: 0.25, ceiling: 0.85 };
    const onCompute = { C0: 1e21, k: 1.5, floor: 0.25, ceiling: 0.85 };
    expect(scoreAtLoss(onLoss, 3)).toBe(0.55);
    expect(scoreAtCompute(onCompute, 1e21)).toBe(0.55);
    for (const loss of [2.2, 2.9, 3.4, 4.1]) expect(lossForScore(onLoss, scoreAtLoss(onLoss, loss))).toBeCloseTo(loss, 12);
    for (const compute of [1e19, 3e20, 1e22]) expect(computeForScore(onCompute, scoreAtCompute(onCompute, compute))! / compute).toBeCloseTo(1, 12);
    // The score falls as the loss rises and rises with compute.
    expect(scoreAtLoss(onLoss, 2.9)).toBeGreaterThan(scoreAtLoss(onLoss, 3.1));
    for (const target of [0.25, 0.2, 0.85, 0.9]) {
      expect(lossForScore(onLoss, target)).toBeUndefined();
      expect(computeForScore(onCompute, target)).toBeUndefined();
    }
  });

  it('caps the sharpness: the 10–90% rise takes at least half the fitted span', () => {
    // Chance-level scores with a two-point bump at the largest run: uncapped, the fit is a jump to
    // the ceiling just past the data (the failure the cap prevents).
    const losses = [5, 4.5, 4, 3.5, 3, 2.5];
    const scores = [0.25, 0.26, 0.25, 0.24, 0.25, 0.27];
    const uncapped = fitSigmoid(losses.map((l) => -l), scores, { floor: 0.25, fitCeiling: true });
    const capped = fitScoreOnLoss(losses, scores, 0.25);
    const cap = maxSharpness(losses);
    expect(cap).toBeCloseTo((4 * Math.log(9)) / 2.5, 12);
    expect(uncapped.params.k).toBeGreaterThan(2 * cap);
    expect(capped.curve.k).toBeLessThanOrEqual(cap * (1 + 1e-12));
    expect((2 * Math.log(9)) / capped.curve.k).toBeGreaterThanOrEqual(2.5 / 2 - 1e-9);
  });

  it('refuses fewer than four distinct points', () => {
    expect(() => fitScoreOnLoss([3, 3, 2, 1], [0.3, 0.3, 0.4, 0.5], 0)).toThrow('at least 4 distinct losses, got 3');
  });
});
