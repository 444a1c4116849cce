import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { logGrid } from '../../../src/core/simulate/grid.js';

describe('logGrid', () => {
  it('includes both ends exactly and is evenly spaced in log10 (to 1e-12 decade: rounding of 10^x)', () => {
    const x = logGrid(1e8, 1e13, 61);
    expect(x.length).toBe(61);
    expect(x[0]).toBe(1e8);
    expect(x[60]).toBe(1e13);
    for (let i = 1; i < x.length; i++) expect(Math.abs(Math.log10(x[i]!) - Math.log10(x[i - 1]!) - 1 / 12)).toBeLessThan(1e-12);
    expect(Math.abs(x[12]! / 1e9 - 1)).toBeLessThan(1e-14);
  });

  it('handles two points and a 10^5-point grid', () => {
    expect(Array.from(logGrid(3, 7, 2))).toEqual([3, 7]);
    const big = logGrid(1, 1e35, 100_000);
    expect(big.length).toBe(100_000);
    expect(big[99_999]).toBe(1e35);
  });

  it.each([
    ['steps 0', 1e8, 1e13, 0, /^steps: must be an integer from 2 to 1e7/],
    ['steps 1', 1e8, 1e13, 1, /^steps: .*got 1$/],
    ['fractional steps', 1e8, 1e13, 2.5, /^steps: .*got 2.5$/],
    ['absurd steps', 1e8, 1e13, 1e8, /^steps: .*got 1e8$/],
    ['from above to', 1e13, 1e8, 10, /^to: must be above from \(1e13\), got 1e8$/],
    ['from equal to', 1e9, 1e9, 10, /^to: must be above from/],
    ['infinite bound', 1e8, Infinity, 10, /^to: must be a number from 1 to 1e35 .*got an infinite number$/],
    ['NaN bound', Number.NaN, 1e9, 10, /^from: .*got a value that is not a number$/],
    ['scale below 1', 0.5, 1e9, 10, /^from: .*got 0.5$/],
    ['scale above 1e35', 1e8, 1e36, 10, /^to: .*got 1e36$/],
  ])('rejects %s with a usage error', (_, from, to, steps, message) => {
    expect(() => logGrid(from, to, steps)).toThrow(UsageError);
    expect(() => logGrid(from, to, steps)).toThrow(message);
  });
});
