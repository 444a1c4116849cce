import { describe, expect, it } from 'vitest';
import { coarseGrid, gridFromStarts, gridStart, standardGrid, startGrid } from '../../../src/core/fit/law-grid.js';

describe('start grids', () => {
  // DESIGN.md / Hoffmann et al. 2022 App. D.2: α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}.
  it('standard grid: 4,500 distinct starts over the published axes, a outermost, β innermost', () => {
    const grid = standardGrid();
    expect(grid.size).toBe(4500);
    expect(Array.from(gridStart(grid, 0))).toEqual([0, 0, -1, 0, 0]);
    expect(Array.from(gridStart(grid, 1))).toEqual([0, 0, -1, 0, 0.5]);
    expect(Array.from(gridStart(grid, 4499))).toEqual([25, 25, 1, 2, 2]);
    const seen = new Set<string>();
    for (let k = 0; k < grid.size; k++) seen.add(gridStart(grid, k).join(','));
    expect(seen.size).toBe(4500);
    const values = (j: number) => [...new Set(Array.from({ length: grid.size }, (_, k) => grid.points[5 * k + j]!))].sort((x, y) => x - y);
    expect(values(0)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(values(1)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(values(2)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(values(3)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(values(4)).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('coarse grid: 108 starts', () => {
    expect(coarseGrid().size).toBe(108);
  });

  it('explicit starts, validated', () => {
    const grid = gridFromStarts([[6, 7, 0.6, 0.3, 0.4], [1, 2, 3, 4, 5]]);
    expect(grid.size).toBe(2);
    expect(Array.from(gridStart(grid, 1))).toEqual([1, 2, 3, 4, 5]);
    expect(() => gridFromStarts([])).toThrow(RangeError);
    expect(() => gridFromStarts([[1, 2, 3, 4]])).toThrow(/start 1/);
    expect(() => gridFromStarts([[1, 2, 3, 4, NaN]])).toThrow(RangeError);
    expect(() => startGrid({ a: [], b: [0], e: [0], alpha: [0], beta: [0] })).toThrow(/a/);
  });
});
