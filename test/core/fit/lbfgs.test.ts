import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type ValueAndGradient } from '../../../src/core/fit/lbfgs.js';

const rosenbrock: ValueAndGradient = (x, g) => {
  const a = x[0]!;
  const b = x[1]!;
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeLbfgs', () => {
  // scipy 1.17.1: minimize(rosen, [-1.2, 1], jac=rosen_der, method='L-BFGS-B') stops after 36
  // iterations and 44 evaluations at (0.99999895, 0.99999802) by the relative-reduction test. The
  // same algorithm (memory 10, Moré–Thuente, the same stopping tests) must take the same path.
  it('follows scipy L-BFGS-B on Rosenbrock from (−1.2, 1)', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1));
    expect(result.converged).toBe(true);
    expect(result.reason).toBe('ftol');
    expect(result.iterations).toBe(36);
    expect(result.evaluations).toBe(44);
    // scipy's x to the 8 digits it prints; rounding in a different summation order allows 1e-8.
    expect(Math.abs(result.x[0]! - 0.99999895)).toBeLessThan(1e-8);
    expect(Math.abs(result.x[1]! - 0.99999802)).toBeLessThan(1e-8);
  });

  it('reaches the exact minimiser of a quadratic: A·x = b', () => {
    // f = ½xᵀAx − bᵀx with A symmetric positive definite (eigenvalues about 0.6 to 11).
    const A = [
      [10, 1, 0, 2],
      [1, 5, 1, 0],
      [0, 1, 3, 0.5],
      [2, 0, 0.5, 1],
    ];
    const b = [1, -2, 3, 0.5];
    const f: ValueAndGradient = (x, g) => {
      let value = 0;
      for (let i = 0; i < 4; i++) {
        let ax = 0;
        for (let j = 0; j < 4; j++) ax += A[i]![j]! * x[j]!;
        g[i] = ax - b[i]!;
        value += 0.5 * x[i]! * ax - b[i]! * x[i]!;
      }
      return value;
    };
    const result = minimizeLbfgs(f, new Float64Array(4), { gtol: 1e-12, ftol: 0 });
    expect(result.converged).toBe(true);
    // The residual A·x − b is the gradient. f is known to ε·|f| ≈ 1e-16, so a line search cannot
    // tell apart points whose gradients differ by less than about √(2ε·λmax·|f|) ≈ 1e-7: that is the
    // attainable accuracy, and the bound checked here.
    for (let i = 0; i < 4; i++) {
      const ax = A[i]!.reduce((sum, aij, j) => sum + aij * result.x[j]!, 0);
      expect(Math.abs(ax - b[i]!)).toBeLessThan(1e-7);
    }
  });

  it('does not call an iteration limit convergence', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxIterations: 3 });
    expect(result).toMatchObject({ converged: false, reason: 'maxIterations', iterations: 3 });
  });

  it('does not call an evaluation limit convergence', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { maxEvaluations: 10 });
    expect(result.converged).toBe(false);
    expect(result.reason).toBe('maxEvaluations');
    expect(result.evaluations).toBeLessThanOrEqual(10);
  });

  it('stops when onIteration says so, unconverged', () => {
    const result = minimizeLbfgs(rosenbrock, Float64Array.of(-1.2, 1), { onIteration: (iteration) => iteration < 5 });
    expect(result).toMatchObject({ converged: false, reason: 'stopped', iterations: 5 });
  });

  it('reports a non-finite start instead of iterating', () => {
    const result = minimizeLbfgs((x, g) => { g[0] = NaN; return NaN; }, Float64Array.of(0));
    expect(result).toMatchObject({ converged: false, reason: 'nonFinite', evaluations: 1 });
  });

  it('leaves x0 untouched', () => {
    const x0 = Float64Array.of(-1.2, 1);
    minimizeLbfgs(rosenbrock, x0);
    expect(Array.from(x0)).toEqual([-1.2, 1]);
  });
});
