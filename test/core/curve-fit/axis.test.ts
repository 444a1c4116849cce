import { describe, expect, it } from 'vitest';
import { fromX, toX } from '../../../src/core/curve-fit/axis.js';

describe('scale axis', () => {
  it('is log10 of the scale on params, compute and tokens, and round-trips', () => {
    expect(toX('compute', 8.4e22)).toBeCloseTo(22.924279286061882, 12);
    expect(toX('params', 1e9)).toBe(9);
    for (const axis of ['params', 'compute', 'tokens'] as const) {
      expect(fromX(axis, toX(axis, 3.7e21)) / 3.7e21).toBeCloseTo(1, 13);
    }
  });

  it('is minus the loss on the loss axis, so a lower loss is a larger x', () => {
    expect(toX('loss', 2.1)).toBe(-2.1);
    expect(fromX('loss', -2.1)).toBe(2.1);
    expect(toX('loss', 1.9)).toBeGreaterThan(toX('loss', 2.3));
  });

  it('rejects scales that are not valid on the axis', () => {
    expect(() => toX('params', 0)).toThrow(RangeError);
    expect(() => toX('compute', -1)).toThrow(RangeError);
    expect(() => toX('loss', Number.NaN)).toThrow(RangeError);
  });
});
