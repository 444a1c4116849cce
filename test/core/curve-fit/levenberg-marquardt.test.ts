import { describe, expect, it } from 'vitest';
import { leastSquares, type LeastSquaresProblem } from '../../../src/core/curve-fit/levenberg-marquardt.js';
import { goldenSectionMinimum } from '../../../src/core/solve.js';
import { relativeError } from '../../helpers/laws.js';

// NIST Statistical Reference Datasets, nonlinear regression "Misra1a" (lower difficulty):
// y = b1·(1 − exp(−b2·x)), 14 observations. Certified values: b1 = 2.3894212918E+02,
// b2 = 5.5015643181E-04, residual sum of squares 1.2455138894E-01.
// https://www.itl.nist.gov/div898/strd/nls/data/misra1a.shtml
const misraY = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.4, 75.47, 81.78];
const misraX = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0];

function misra(upper: [number, number] = [1e4, 1]): LeastSquaresProblem {
  return {
    residuals: misraX.length,
    lower: [0, 0],
    upper,
    evaluate(p, r, J) {
      misraX.forEach((x, i) => {
        const e = Math.exp(-p[1]! * x);
        r[i] = p[0]! * (1 - e) - misraY[i]!;
        if (J) {
          J[i * 2] = 1 - e;
          J[i * 2 + 1] = p[0]! * x * e;
        }
      });
    },
  };
}

describe('leastSquares (projected Levenberg–Marquardt)', () => {
  // NIST asks for agreement with the certified values to about 6 significant digits; both of its
  // published starting points must get there.
  it.each([
    [500, 1e-4],
    [250, 5e-4],
  ])('reproduces the NIST certified Misra1a fit from start (%d, %d)', (b1, b2) => {
    const fit = leastSquares(misra(), [b1, b2], { maxIterations: 500 });
    expect(fit.converged).toBe(true);
    expect(relativeError(fit.params[0]!, 238.94212918)).toBeLessThan(1e-6);
    expect(relativeError(fit.params[1]!, 5.5015643181e-4)).toBeLessThan(1e-6);
    expect(relativeError(2 * fit.cost, 0.12455138894)).toBeLessThan(1e-8);
  });

  // With b1 capped at 200 the constrained minimum has b1 on its bound, and b2 minimises the cost for
  // b1 = 200: checked against an independent 1-D golden-section search over b2 (src/core/solve.ts),
  // which locates the minimum to about √ε relative, so 1e-6.
  it('stops on a bound at the constrained minimum', () => {
    const fit = leastSquares(misra([200, 1]), [100, 1e-4], { maxIterations: 500 });
    expect(fit.converged).toBe(true);
    expect(fit.params[0]).toBe(200);
    const cost = (b2: number) => misraX.reduce((s, x, i) => s + (200 * (1 - Math.exp(-b2 * x)) - misraY[i]!) ** 2, 0);
    const b2 = goldenSectionMinimum(cost, 1e-5, 1e-2, 1e-12);
    expect(relativeError(fit.params[1]!, b2)).toBeLessThan(1e-6);
  });

  it('clamps the start into the box and never leaves it', () => {
    const fit = leastSquares(misra([200, 1]), [1e5, 5]);
    expect(fit.params[0]).toBeLessThanOrEqual(200);
    expect(fit.params[1]).toBeLessThanOrEqual(1);
  });

  it('says so when it stops at the iteration limit', () => {
    const fit = leastSquares(misra(), [500, 1e-4], { maxIterations: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(2);
  });

  it('solves a linear problem and rejects inconsistent bounds', () => {
    const line: LeastSquaresProblem = {
      residuals: 2,
      lower: [0],
      upper: [10],
      evaluate(p, r, J) {
        r[0] = p[0]! - 2;
        r[1] = 2 * p[0]! - 4.1;
        if (J) {
          J[0] = 1;
          J[1] = 2;
        }
      },
    };
    // Linear least squares: a = Σxy/Σx² = (2 + 8.2)/5 = 2.04. The gradient test (cosine 1e-8) stops
    // within about 1e-12 of it.
    const fit = leastSquares(line, [1]);
    expect(fit.converged).toBe(true);
    expect(fit.params[0]).toBeCloseTo(2.04, 10);
    expect(() => leastSquares({ ...line, lower: [3], upper: [1] }, [2])).toThrow(RangeError);
  });
});
