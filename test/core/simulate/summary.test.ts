import { describe, expect, it } from 'vitest';
import { probability } from '../../../src/core/emergence.js';
import { logGrid } from '../../../src/core/simulate/grid.js';
import type { Series } from '../../../src/core/simulate/series.js';
import { crossingAt, firstCrossing, summarizeSeries, valueAt } from '../../../src/core/simulate/summary.js';

function logisticSeries(width: number, steps: number): Series {
  const x = logGrid(1e8, 1e14, steps);
  const curve = { shape: 'logistic' as const, width, floor: 0, ceiling: 1 };
  return { name: 's', label: 's', unit: 'probability', x, y: x.map((n) => probability(curve, n, 1e11)), range: [0, 1] };
}

describe('firstCrossing', () => {
  it('interpolates linearly in log10 x', () => {
    expect(firstCrossing([1e9, 1e10, 1e11], [0, 0.4, 0.8], 0.6)).toBeCloseTo(10 ** 10.5, -1);
    expect(firstCrossing([1e9, 1e10, 1e11], [0, 0.4, 0.8], 0.4)).toBeCloseTo(1e10, -1);
  });

  it('says before or after instead of inventing a scale', () => {
    expect(firstCrossing([1, 10], [0.7, 0.9], 0.5)).toBe('before');
    expect(firstCrossing([1, 10], [0.1, 0.2], 0.5)).toBe('after');
    expect(firstCrossing([], [], 0.5)).toBe('after');
  });

  it('takes the first of several crossings of a noisy series', () => {
    expect(firstCrossing([1, 10, 100, 1000], [0, 0.6, 0.2, 0.9], 0.5)).toBeCloseTo(10 ** (5 / 6), 12);
  });
});

describe('crossingAt', () => {
  it('measures fractions of the nominal range', () => {
    const c = crossingAt([1e9, 1e10, 1e11], [0.25, 0.5, 1], [0.25, 1], 0.5);
    expect(c.value).toBe(0.625);
    expect(c.position).toBe('within');
    expect(c.scale).toBeCloseTo(10 ** 10.25, -2);
  });
});

describe('summarizeSeries', () => {
  // A logistic of width w decades rises from 10% to 90% over 2·log10(9)·w decades. Linear
  // interpolation between grid points errs by O(h²): at h = 0.01 decade (100 points a decade) under
  // 1e-4 decade for w ≥ 0.25 (measured 9e-5 at w = 0.25, 2.5e-3 at h = 1/24).
  it('recovers the logistic width 2·log10(9)·w and the midpoint N_c', () => {
    for (const w of [0.25, 0.5, 1]) {
      const s = summarizeSeries(logisticSeries(w, 601));
      expect(Math.abs(s.widthDecades! - 2 * Math.log10(9) * w)).toBeLessThan(1e-4);
      expect(Math.abs(Math.log10(s.at50!) - 11)).toBeLessThan(1e-9);
    }
  });

  it('leaves crossings outside the sweep undefined, never NaN, and skips unbounded series', () => {
    const x = logGrid(1e8, 1e10, 5);
    const s = summarizeSeries({ name: 'late', label: '', unit: 'probability', x, y: new Float64Array([0, 0, 0.05, 0.2, 0.3]), range: [0, 1] });
    expect(s.at10! / 10 ** (9 + 1 / 6)).toBeCloseTo(1, 12); // a third of the way from 1e9 (0.05) to 10^9.5 (0.2)
    expect(s.at50).toBeUndefined();
    expect(s.at90).toBeUndefined();
    expect(s.widthDecades).toBeUndefined();
    expect(s.crossings.map((c) => c.position)).toEqual(['within', 'after', 'after']);
    expect(JSON.stringify(s)).not.toContain('NaN');
    const loss = summarizeSeries({ name: 'loss', label: '', unit: 'nats', x, y: new Float64Array([3, 2.8, 2.5, 2.3, 2.1]) });
    expect(loss.crossings).toEqual([]);
    expect([loss.start, loss.end]).toEqual([3, 2.1]);
  });
});

describe('valueAt', () => {
  it('interpolates in log10 x and is undefined outside the sweep', () => {
    expect(valueAt([1e9, 1e10, 1e11], [0, 0.4, 0.8], 10 ** 10.5)).toBeCloseTo(0.6, 12);
    expect(valueAt([1e9, 1e10, 1e11], [0, 0.4, 0.8], 1e11)).toBe(0.8);
    expect(valueAt([1e9, 1e10], [0, 1], 1e8)).toBeUndefined();
  });
});
