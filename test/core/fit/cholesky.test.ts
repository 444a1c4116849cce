import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve } from '../../../src/core/fit/cholesky.js';

describe('cholesky', () => {
  // [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]] (by hand).
  it('factors a positive-definite matrix', () => {
    const l = cholesky(Float64Array.of(4, 2, 2, 3), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.SQRT2]);
  });

  it('solves H·x = b: H times the solution gives b back to rounding', () => {
    const h = Float64Array.of(6, 2, 1, 2, 5, 2, 1, 2, 4);
    const b = Float64Array.of(1, -2, 3);
    const x = choleskySolve(cholesky(h, 3)!, b, 3);
    for (let i = 0; i < 3; i++) expect(h[3 * i]! * x[0]! + h[3 * i + 1]! * x[1]! + h[3 * i + 2]! * x[2]!).toBeCloseTo(b[i]!, 14);
  });

  it('returns null for a matrix that is not positive definite', () => {
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(cholesky(Float64Array.of(0, 0, 0, 1), 2)).toBeNull();
    expect(cholesky(Float64Array.of(Number.NaN, 0, 0, 1), 2)).toBeNull();
  });
});
