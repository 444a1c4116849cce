/**
 * Start grids for the multi-start fit: the Cartesian product of candidate values for each of the
 * five parameters θ = (a, b, e, α, β), with a = ln A, b = ln B, e = ln E.
 */

/** Candidate values per parameter; the grid is their product. */
export interface StartGridAxes {
  a: readonly number[];
  b: readonly number[];
  e: readonly number[];
  alpha: readonly number[];
  beta: readonly number[];
}

/**
 * A start grid, stored flat: start k is θ = points[5k .. 5k+4]. Order: a outermost, then b, e, α,
 * β innermost (the order of Epoch's `itertools.product(a, b, e, alpha, beta)`).
 */
export interface StartGrid {
  size: number;
  points: Float64Array;
}

/** inclusive arithmetic range lo, lo + step, …, hi */
function range(lo: number, hi: number, step: number): number[] {
  const count = Math.round((hi - lo) / step) + 1;
  return Array.from({ length: count }, (_, i) => lo + i * step);
}

/**
 * Hoffmann et al. 2022 (Appendix D.2) as Besiroglu et al. 2024 run it: α, β ∈ {0, 0.5, …, 2},
 * e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}: 6·6·5·5·5 = 4,500 starts.
 */
export const STANDARD_GRID_AXES: StartGridAxes = {
  a: range(0, 25, 5),
  b: range(0, 25, 5),
  e: range(-1, 1, 0.5),
  alpha: range(0, 2, 0.5),
  beta: range(0, 2, 0.5),
};

/**
 * A quick grid of 3·3·3·2·2 = 108 starts covering the same box more sparsely: a, b ∈ {0, 10, 20},
 * e ∈ {−1, 0, 1}, α, β ∈ {0.5, 1.5}. On the Chinchilla runs it finds the same optimum as the
 * standard grid (test/core/fit/law-fit.test.ts), but that is not guaranteed on other data.
 */
export const COARSE_GRID_AXES: StartGridAxes = {
  a: [0, 10, 20],
  b: [0, 10, 20],
  e: [-1, 0, 1],
  alpha: [0.5, 1.5],
  beta: [0.5, 1.5],
};

/**
 * The product grid of the given axes.
 * @throws RangeError when an axis is empty or holds a non-finite value
 * @example startGrid(STANDARD_GRID_AXES).size // 4500
 */
export function startGrid(axes: StartGridAxes): StartGrid {
  const order = ['a', 'b', 'e', 'alpha', 'beta'] as const;
  for (const key of order) {
    if (axes[key].length === 0) throw new RangeError(`start grid: no values for ${key}`);
    for (const v of axes[key]) if (!Number.isFinite(v)) throw new RangeError(`start grid: ${key} value ${v} is not finite`);
  }
  const size = order.reduce((product, key) => product * axes[key].length, 1);
  const points = new Float64Array(size * 5);
  let k = 0;
  for (const a of axes.a) for (const b of axes.b) for (const e of axes.e) for (const alpha of axes.alpha) for (const beta of axes.beta) {
    points.set([a, b, e, alpha, beta], k);
    k += 5;
  }
  return { size, points };
}

/** The 4,500-start grid of the published method. */
export function standardGrid(): StartGrid {
  return startGrid(STANDARD_GRID_AXES);
}

/** The 108-start quick grid. */
export function coarseGrid(): StartGrid {
  return startGrid(COARSE_GRID_AXES);
}

/** A grid of explicit starts θ = (a, b, e, α, β), e.g. rows of a user's grid file. */
export function gridFromStarts(starts: readonly (readonly number[])[]): StartGrid {
  if (starts.length === 0) throw new RangeError('start grid: no starts');
  const points = new Float64Array(starts.length * 5);
  starts.forEach((start, i) => {
    if (start.length !== 5 || !start.every(Number.isFinite)) throw new RangeError(`start grid: start ${i + 1} must be 5 finite numbers (a, b, e, alpha, beta)`);
    points.set(start, i * 5);
  });
  return { size: starts.length, points };
}

/** Start k of a grid as a fresh θ. */
export function gridStart(grid: StartGrid, k: number): Float64Array {
  return grid.points.slice(5 * k, 5 * k + 5);
}
