import { describe, expect, it } from 'vitest';
import { objectiveHessian } from '../../../src/core/fit/law-diagnostics.js';
import { fitChinchillaLaw } from '../../../src/core/fit/law-fit.js';
import { coarseGrid } from '../../../src/core/fit/law-grid.js';
import { lawObjective, prepareLawData, PUBLISHED_LOSS } from '../../../src/core/fit/law-objective.js';
import { newtonMinimize } from '../../../src/core/fit/newton.js';
import type { ValueAndGradient } from '../../../src/core/fit/lbfgs.js';
import { chinchillaRuns } from '../../helpers/chinchilla-runs.js';

const quadratic: ValueAndGradient = (x, g) => {
  g[0] = 2 * x[0]!;
  g[1] = 20 * x[1]!;
  return x[0]! ** 2 + 10 * x[1]! ** 2;
};

describe('newtonMinimize', () => {
  it('takes one exact step on a quadratic (the doc example)', () => {
    const r = newtonMinimize(quadratic, () => Float64Array.of(2, 0, 0, 20), 0, Float64Array.of(1, 1))!;
    // Exact but for the rounding of the Cholesky solve (1 ulp of 1).
    expect(Math.max(...Array.from(r.x, Math.abs))).toBeLessThan(1e-15);
    expect(r).toMatchObject({ iterations: 1, evaluations: 2, reason: 'gradient', converged: true });
  });

  // f = cosh(x) + cosh(y) − x: minimum where sinh(x) = 1, x = asinh(1), y = 0. The Hessian is kept
  // from the start (chord steps) and retaken where the steps slow down. The test stops at a
  // decrement of 1e-12·|f|, i.e. |x − x*| ≈ √(2e-12) ≈ 1.4e-6: 5 digits.
  it('converges on a smooth convex function with a Hessian kept between steps', () => {
    const f: ValueAndGradient = (x, g) => {
      g[0] = Math.sinh(x[0]!) - 1;
      g[1] = Math.sinh(x[1]!);
      return Math.cosh(x[0]!) + Math.cosh(x[1]!) - x[0]!;
    };
    const hessian = (x: Float64Array) => Float64Array.of(Math.cosh(x[0]!), 0, 0, Math.cosh(x[1]!));
    const r = newtonMinimize(f, hessian, 0, Float64Array.of(2, -1.5))!;
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(Math.asinh(1), 5);
    expect(r.x[1]).toBeCloseTo(0, 5);
  });

  it('declines a start where the Hessian is not positive definite', () => {
    expect(newtonMinimize(quadratic, () => Float64Array.of(-1, 0, 0, 1), 0, Float64Array.of(1, 1))).toBeNull();
  });

  // The coarse grid's L-BFGS optimum on the 240 Chinchilla runs, 0.0010182740223, stopped by ftol
  // 4.5e-12 above the standard grid's 0.0010182740178 (README): Newton steps from it reach the latter.
  it('polishes the coarse-grid Chinchilla fit down to the standard-grid optimum', () => {
    const runs = chinchillaRuns();
    const data = prepareLawData(runs);
    const fit = fitChinchillaLaw(runs, { grid: coarseGrid() });
    const r = newtonMinimize(lawObjective(data, PUBLISHED_LOSS), (x) => objectiveHessian(data, PUBLISHED_LOSS, x), 10, Float64Array.from(fit.theta))!;
    expect(r.converged).toBe(true);
    expect(r.value).toBeLessThan(fit.objective);
    expect(Math.abs(r.value - 0.0010182740178) / 0.0010182740178).toBeLessThan(1e-10);
  });
});
