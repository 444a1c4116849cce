/**
 * Cholesky factorisation H = L·Lᵀ of a small symmetric positive-definite matrix and solves with it
 * (Golub & Van Loan, "Matrix Computations", 4th ed., Algorithm 4.2.1). Used for Newton steps on the
 * 5×5 Hessian of the law objective and for the damped normal equations of the curve fits'
 * Levenberg–Marquardt steps (curve-fit/levenberg-marquardt.ts).
 */

/**
 * The lower-triangular factor L of the symmetric n×n matrix `matrix` (row-major), or null when the
 * matrix is not positive definite (a pivot ≤ 0 or not finite).
 * @example cholesky(Float64Array.of(4, 2, 2, 3), 2) // Float64Array [2, 0, 1, 1.41421356]
 */
export function cholesky(matrix: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j * n + j]!;
    for (let k = 0; k < j; k++) pivot -= l[j * n + k]! ** 2;
    if (!(pivot > 0 && Number.isFinite(pivot))) return null;
    const d = Math.sqrt(pivot);
    l[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = sum / d;
    }
  }
  return l;
}

/**
 * x = H⁻¹·b from the factor L of H (forward then back substitution). `b` is not modified.
 * @example choleskySolve(cholesky(Float64Array.of(4, 2, 2, 3), 2)!, Float64Array.of(2, 1), 2) // [0.5, 0]
 */
export function choleskySolve(l: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) x[i] = x[i]! - l[i * n + k]! * x[k]!;
    x[i] = x[i]! / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) x[i] = x[i]! - l[k * n + i]! * x[k]!;
    x[i] = x[i]! / l[i * n + i]!;
  }
  return x;
}
