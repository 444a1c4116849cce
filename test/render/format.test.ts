// shortestText is String(value) for every finite number, only faster (render/format.ts says how).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvNumber, shortestText } from '../../src/render/format.js';

describe('shortestText', () => {
  it('writes any finite double as String does', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(shortestText(x)).toBe(String(x));
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes integers of every size as String does, at the edges of its nine-digit halves too', () => {
    const near = fc.tuple(fc.integer({ min: 1, max: 9_007_199 }), fc.integer({ min: -3, max: 3 })).map(([k, d]) => k * 1e9 + d);
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), near, fc.integer()), (n) => {
        expect(shortestText(n)).toBe(String(n));
      }),
      { numRuns: 5_000 },
    );
    for (const n of [1e9, 1e9 - 1, 1e9 + 1, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 999999999999999999999, -1e9, 0, -0, 6e18]) expect(shortestText(n)).toBe(String(n));
  });

  it('leaves a CSV cell empty for what is not finite', () => {
    expect([NaN, Infinity, -Infinity].map(formatCsvNumber)).toEqual(['', '', '']);
  });
});
