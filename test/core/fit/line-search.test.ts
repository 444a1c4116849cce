import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE_SEARCH, moreThuente, type LinePhi } from '../../../src/core/fit/line-search.js';

// Moré & Thuente 1994, §5, test function (5.1): φ(α) = −α/(α² + β) with β = 2, minimum at α = √2.
const moreThuente51: LinePhi = (t, out) => {
  out[0] = -t / (t * t + 2);
  out[1] = (t * t - 2) / (t * t + 2) ** 2;
};

describe('moreThuente', () => {
  // The strong Wolfe conditions are the search's contract; check them exactly, from first steps
  // far below and far above the minimiser (the paper's α₀ = 1e-3, 1e-1, 1e1, 1e3).
  it.each([1e-3, 1e-1, 10, 1000])('meets the strong Wolfe conditions from first step %s', (first) => {
    const options = { ...DEFAULT_LINE_SEARCH, ftol: 1e-3, gtol: 0.1 };
    const f0 = 0;
    const g0 = -0.5;
    const result = moreThuente(moreThuente51, f0, g0, first, options);
    expect(result.status).toBe('converged');
    expect(result.value).toBeLessThanOrEqual(f0 + options.ftol * result.step * g0);
    expect(Math.abs(result.derivative)).toBeLessThanOrEqual(options.gtol * Math.abs(g0));
    expect(result.evaluations).toBeLessThanOrEqual(10);
  });

  it('accepts a first step that already satisfies both conditions', () => {
    const result = moreThuente((t, out) => { out[0] = (t - 2) ** 2; out[1] = 2 * (t - 2); }, 4, -4, 1, DEFAULT_LINE_SEARCH);
    expect(result).toEqual({ status: 'converged', step: 1, value: 1, derivative: -2, evaluations: 1 });
  });

  it('refuses an ascent direction', () => {
    expect(moreThuente(moreThuente51, 0, 0.5, 1, DEFAULT_LINE_SEARCH).status).toBe('notDescent');
  });

  it('retreats from a step where φ overflows', () => {
    // φ(t) = (t − 1)² but infinite beyond t = 3: a first step of 100 must come back and converge.
    const result = moreThuente((t, out) => { out[0] = t > 3 ? Infinity : (t - 1) ** 2; out[1] = 2 * (t - 1); }, 1, -2, 100, DEFAULT_LINE_SEARCH);
    expect(result.status).toBe('converged');
    expect(result.step).toBeLessThan(3);
  });
});
