import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../../../src/core/fit/eigen.js';

describe('symmetricEigenvalues', () => {
  it('of [[2, 1], [1, 2]] are 1 and 3', () => {
    const values = symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2);
    expect(Math.abs(values[0]! - 1)).toBeLessThan(1e-14);
    expect(Math.abs(values[1]! - 3)).toBeLessThan(1e-14);
  });

  // numpy 2.4.6: np.linalg.eigvalsh([[4,1,2],[1,3,0],[2,0,5]]) = [1.85489731 3.4760236 6.66907909]
  // (printed to 9 significant figures, hence 1e-8).
  it('agree with LAPACK on a 3×3 matrix', () => {
    const values = symmetricEigenvalues(Float64Array.of(4, 1, 2, 1, 3, 0, 2, 0, 5), 3);
    [1.85489731, 3.4760236, 6.66907909].forEach((expected, i) => expect(Math.abs(values[i]! - expected)).toBeLessThan(1e-8));
  });

  it('preserve the trace and find a zero eigenvalue of a rank-deficient matrix', () => {
    // v vᵀ + w wᵀ in 4 dimensions: rank 2, eigenvalues 0, 0, and two positive ones.
    const v = [1, 2, 0, -1];
    const w = [0, 1, 3, 1];
    const m = new Float64Array(16);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) m[i * 4 + j] = v[i]! * v[j]! + w[i]! * w[j]!;
    const values = symmetricEigenvalues(m, 4);
    expect(Math.abs(values[0]!)).toBeLessThan(1e-13);
    expect(Math.abs(values[1]!)).toBeLessThan(1e-13);
    const trace = m[0]! + m[5]! + m[10]! + m[15]!;
    expect(Math.abs(values.reduce((s, x) => s + x, 0) - trace)).toBeLessThan(1e-12);
  });
});
