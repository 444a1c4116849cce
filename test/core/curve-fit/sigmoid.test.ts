import { describe, expect, it } from 'vitest';
import { probability } from '../../../src/core/emergence.js';
import { catalogWidth, logistic, riseWidth, sigmoidScore, toLogisticCurve } from '../../../src/core/curve-fit/sigmoid.js';

describe('sigmoidScore', () => {
  // Identity by construction: σ(0) = 1/2, so y(x0) = (floor + ceiling)/2 exactly (to rounding).
  it('is the midpoint of floor and ceiling at x0', () => {
    for (const p of [
      { x0: 22, k: 3, floor: 0, ceiling: 1 },
      { x0: 9.5, k: 0.4, floor: 0.25, ceiling: 0.8 },
      { x0: -2.1, k: 20, floor: 0.1, ceiling: 0.6 },
    ]) {
      expect(sigmoidScore(p, p.x0)).toBeCloseTo((p.floor + p.ceiling) / 2, 15);
    }
  });

  it('tends to the floor below and the ceiling above, without NaN at extreme arguments', () => {
    const p = { x0: 22, k: 50, floor: 0.25, ceiling: 0.9 };
    expect(sigmoidScore(p, 0)).toBe(0.25);
    expect(sigmoidScore(p, 60)).toBe(0.9);
    expect(logistic(-1e6)).toBe(0);
    expect(logistic(1e6)).toBe(1);
  });

  it('is symmetric about x0: y(x0 + d) + y(x0 − d) = floor + ceiling', () => {
    const p = { x0: 21, k: 2.5, floor: 0.2, ceiling: 0.95 };
    for (const d of [0.1, 0.7, 2]) expect(sigmoidScore(p, p.x0 + d) + sigmoidScore(p, p.x0 - d)).toBeCloseTo(1.15, 14);
  });
});

describe('riseWidth', () => {
  // The width is derived as 2·ln 9/k; check it against the curve itself: the fraction of the rise is
  // exactly 0.1 and 0.9 at x0 ∓ width/2 (to rounding, 1e-14).
  it('spans exactly 10% to 90% of the rise', () => {
    for (const k of [0.5, 2.31, 4.16, 30]) {
      const p = { x0: 22, k, floor: 0.25, ceiling: 0.75 };
      const half = riseWidth(k) / 2;
      const fraction = (x: number) => (sigmoidScore(p, x) - p.floor) / (p.ceiling - p.floor);
      expect(fraction(p.x0 - half)).toBeCloseTo(0.1, 14);
      expect(fraction(p.x0 + half)).toBeCloseTo(0.9, 14);
    }
  });

  it('is 2·ln 9/k ≈ 4.394/k and rejects k ≤ 0', () => {
    expect(riseWidth(1)).toBeCloseTo(4.394449154672439, 14);
    expect(riseWidth(3)).toBeCloseTo(1.464816384890813, 14);
    expect(() => riseWidth(0)).toThrow(RangeError);
    expect(() => riseWidth(-1)).toThrow(RangeError);
  });
});

describe('catalog width', () => {
  // Cross-module identity: the catalog's logistic (src/core/emergence.ts) with w = ln 10/k and
  // threshold 10^x0 is the same curve as the fitted sigmoid on x = log10 N.
  it('maps a fitted curve onto the catalog curve exactly', () => {
    const p = { x0: 10.5, k: 2.7, floor: 0.05, ceiling: 0.85 };
    const curve = toLogisticCurve(p);
    expect(curve.width).toBeCloseTo(Math.LN10 / 2.7, 15);
    for (const x of [8, 10, 10.5, 11.2, 13]) {
      expect(probability(curve, 10 ** x, 10 ** p.x0)).toBeCloseTo(sigmoidScore(p, x), 12);
    }
  });

  it('relates the two widths: 10–90% rise = 2·log10(9)·w', () => {
    expect(riseWidth(3)).toBeCloseTo(2 * Math.log10(9) * catalogWidth(3), 14);
  });
});
