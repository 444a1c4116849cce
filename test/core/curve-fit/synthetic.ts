// Synthetic emergence data for the curve-fit tests: models at seeded random scales, scores on a known
// sigmoid plus seeded Gaussian noise, and the asymptotic standard errors that say how close a fit can
// be expected to get.
import { createRng, randomNormal } from '../../../src/core/random.js';
import { logistic, sigmoidScore, type SigmoidParams } from '../../../src/core/curve-fit/sigmoid.js';

export interface Synthetic {
  xs: number[];
  ys: number[];
}

/**
 * n models with x uniform on [xMin, xMax], y = sigmoid(x) + N(0, noise²); with `clip`, y is clipped
 * to [0, 1] as a real accuracy would be (which biases estimates near 0 and 1 slightly).
 */
export function syntheticCurve(truth: SigmoidParams, n: number, xMin: number, xMax: number, noise: number, seed: number, clip = false): Synthetic {
  const rng = createRng(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = xMin + (xMax - xMin) * rng.next();
    xs.push(x);
    const y = sigmoidScore(truth, x) + noise * randomNormal(rng);
    ys.push(clip ? Math.min(1, Math.max(0, y)) : y);
  }
  return { xs, ys };
}

/**
 * Asymptotic standard errors of the least-squares estimates, √diag(σ²·(JᵀJ)⁻¹) with J the Jacobian at
 * the true parameters (Seber & Wild 1989, "Nonlinear Regression", §2.1), for the named free
 * parameters in order.
 */
export function standardErrors(truth: SigmoidParams, xs: readonly number[], noise: number, free: readonly (keyof SigmoidParams)[]): Record<string, number> {
  const m = free.length;
  const A = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (const x of xs) {
    const s = logistic(truth.k * (x - truth.x0));
    const ds = (truth.ceiling - truth.floor) * s * (1 - s);
    const grad: Record<keyof SigmoidParams, number> = { x0: -truth.k * ds, k: (x - truth.x0) * ds, floor: 1 - s, ceiling: s };
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) A[a]![b]! += grad[free[a]!] * grad[free[b]!];
  }
  const inverse = invert(A);
  return Object.fromEntries(free.map((name, j) => [name, noise * Math.sqrt(inverse[j]![j]!)]));
}

/** Gauss–Jordan inverse of a small matrix. */
function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const d = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}
